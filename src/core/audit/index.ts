/** Workspace audit (workers + cache), audit rows, concordance and the strategy ↔ letter thread. */
export { auditFiles, defaultWorkers } from './audit';
export type { AuditEntry, AuditFailure, AuditOptions, AuditProgress, AuditResult, AuditStats, AuditStatus } from './audit';
export type { AuditLanguage } from './job';
export { auditRow, isAuditRow, ordered } from './row';
export type { AuditRow, AuditRowComponent } from './row';
export { AuditCache, sha256, writeFileAtomic } from './cache';
export type { CacheEntry, CacheLookup } from './cache';
export { engineFingerprint, lexiconFingerprint, AUDIT_CACHE_FORMAT } from './version';
export { resolveWorkerScript } from './pool';
export { loadDocument, loadText } from './document';
export type { LoadedDocument } from './document';
export { concordance, checkQuery, sentenceInCategory } from './concordance';
export type { ConcordanceCount, ConcordanceHit, ConcordanceOptions, ConcordanceQuery, ConcordanceResult, ConcordanceSource } from './concordance';
export { threadThemes } from './thread';
export type { LetterTheme, LetterThread, StrategyTheme, ThemeStatus, ThreadCategory, ThreadOptions, ThreadResult, ThreadTerm } from './thread';
