// The stand-in lives in the engine (src/core/extract/domMatrix.ts), which installs it itself before loading pdf.js.
export { installDOMMatrix } from '../../core/extract/domMatrix';
