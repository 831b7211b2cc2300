/**
 * Workspace features of the engine (issue 5): the audit of many documents (worker threads, cache), the
 * comparison rows and their exports, the concordance, the strategy ↔ letter thread, codings (codebook,
 * W3C-anchored codings, re-anchoring, autocoding, agreement) and REFI-QDA. Pure Node, no `vscode` import:
 * the CLI and the extension are thin adapters over this.
 *
 *   audit/    auditFiles, AuditRow, the cache, loadDocument, concordance, threadThemes
 *   coding/   Codebook, Coding, CanonicalText, reanchorCodings, autocode, codingAgreement
 *   export/   comparisonCsv / Json / Markdown, exportQdpx, codebookQdc, importQdc
 */
export * from './audit';
export * from './coding';
export * from './export';
