/** Codebook, codings (W3C selectors, stored per document), re-anchoring, autocoding and agreement. */
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
  loadCodebook,
  saveCodebook,
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
  codingFilePath,
  codingFileName,
  relativeSource,
  emptyCodingFile,
  validateCodingFile,
  readCodingFile,
  writeCodingFile,
  findCodingFile,
} from './codings';
export type { AnchorStatus, Coding, CodingFile, CodingUser, NewCoding, TextPositionSelector, TextQuoteSelector } from './codings';
export { anchorQuote, reanchorCodings, editDistance, similarity } from './anchor';
export type { AnchorOptions, AnchorResult, ReanchorReport } from './anchor';
export { autocode, mergeCodings, CODING_LEVELS } from './autocode';
export type { AutocodeOptions, AutocodeSource, CodingLevel } from './autocode';
export { cohenKappa, codingAgreement, agreementUnits } from './agreement';
export type { AgreementDocument, AgreementOptions, AgreementResult, AgreementUnit, CodeAgreement, Disagreement, KappaResult, TwoByTwo } from './agreement';
