/**
 * Workspace features of the engine (issue 5): the audit of many documents (worker threads, cache), the
 * comparison rows and their exports, the concordance, the strategy ↔ letter thread, codings (codebook,
 * W3C-anchored codings, re-anchoring, autocoding, agreement) and REFI-QDA. Node, no `vscode` import: the CLI
 * and the extension's desktop-only features are thin adapters over this. The parts without file access (coding,
 * export, audit rows, concordance, thread) are in ./index.ts too.
 *
 *   audit/    auditFiles, AuditRow, the cache, loadDocument, concordance, threadThemes
 *   coding/   Codebook, Coding, CanonicalText, reanchorCodings, autocode, codingAgreement; files.ts: on disk
 *   export/   comparisonCsv / Json / Markdown, exportQdpx, codebookQdc, importQdc
 */
export * from './audit';
export * from './coding';
export * from './export';
export * from './coding/files';
