/**
 * Codebook, codings (W3C selectors, stored per document), re-anchoring, autocoding and agreement. No file access:
 * ./files.ts reads and writes them by path for Node (exported from src/core/workspace.ts).
 */
export { CodePointIndex, CanonicalText, canonicalText, sliceCodePoints } from './text';
export type { Span } from './text';
export { newGuid, isGuid, normalizeGuid, nameGuid, POLICY_LENS_NAMESPACE } from './guid';
export {
  defaultCodebook,
  categoryCode,
  findCode,
  childrenOf,
  codePath,
  addCode,
  updateCode,
  removeCode,
  mergeCodebooks,
  validateCodebook,
  parseCodebook,
  codebookText,
  keyGuid,
  isColor,
  CATEGORY_COLORS,
} from './codebook';
export type { Code, CodeSet, Codebook, NewCode } from './codebook';
export {
  AUTOCODER,
  CONTEXT_LENGTH,
  POLICYLENS_DIR,
  selectorsFor,
  createCoding,
  codingOfCanonical,
  quoteOf,
  positionOf,
  codingSpan,
  codingRawSpan,
  codingFileName,
  codingFileRelativePath,
  relativeSourcePath,
  emptyCodingFile,
  validateCodingFile,
  parseCodingFile,
  codingFileText,
} from './codings';
export type { AnchorStatus, Coding, CodingFile, CodingUser, NewCoding, TextPositionSelector, TextQuoteSelector } from './codings';
export { anchorQuote, reanchorCodings, editDistance, similarity } from './anchor';
export type { AnchorOptions, AnchorResult, ReanchorReport } from './anchor';
export { autocode, mergeCodings, CODING_LEVELS } from './autocode';
export type { AutocodeOptions, AutocodeSource, CodingLevel } from './autocode';
export { cohenKappa, codingAgreement, agreementUnits } from './agreement';
export type { AgreementDocument, AgreementOptions, AgreementResult, AgreementUnit, CodeAgreement, Disagreement, KappaResult, TwoByTwo } from './agreement';
