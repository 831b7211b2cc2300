/**
 * Public API of the Policy Lens engine. Adapters (CLI, extension, webviews, scripts) import only from here, or —
 * when they read files, in Node — from ./node.ts, which adds the file-reading entry points. Nothing reachable from
 * this module uses a Node built-in: the web extension and its workers bundle it (checked by the web build, which
 * fails on any Node import, and by test/unit/architecture.test.ts).
 *
 *   extract/   bytes → ExtractedDocument (text, pages, pdf.js item map, running headers/footers, DOCX blocks)
 *   segment/   text → blocks (headings, paragraphs, list items) → sentences
 *   tokenize/  sentence → tokens with offsets (hyphenated compounds kept whole, with parts)
 *   lexicon/   versioned JSON lexicons (+ schema) and the user's extensions/overrides
 *   match/     tokens → lexicon matches (stems, compounds, phrases)
 *   classify/  sentence → deontic force, actor, categories, district role, framing
 *   score/     sentences → document score with named components and axes
 *   report/    study counts, district-role gap, findings, the document's JSON record
 *   coding/    codebook, codings (W3C selectors), re-anchoring, autocoding, agreement
 *   export/    comparison CSV/JSON/Markdown, REFI-QDA (.qdpx, .qdc)
 */
export * from './types';
export { countWords, countWordsExcluding } from './tokenize/words';
export { checkFileSize, extractText, extractBuffer, formatOf } from './extract';
export type { ExtractOptions } from './extract';
export type { PdfAssets } from './extract/pdf';
export { DEFAULT_LIMITS, LIMIT_INFO, LIMIT_NAMES, LimitError, resolveLimits } from './limits';
export type { Limits, LimitName } from './limits';
export { MAX_SENTENCE_CHARS, sentenceTooLong } from './segment/segment';
export { builtinLexicon, lexiconFromTexts, parseLexicon, LexiconError } from './lexicon';
export type { Lexicon, LexiconEntry, LexiconLoadResult } from './lexicon';
export { analyzeExtracted, analyzeText, classifySentence } from './analyze';
export type { AnalyzeOptions } from './analyze';
export { sentenceImpact, labelFor } from './score/score';
export type { SentenceImpact } from './score/score';
export { sectionProfiles } from './report/sections';
export type { SectionProfile } from './report/sections';
export { documentRecord, documentRecordHead, findingRecord } from './report/record';
export { STUDY_TERMS } from './report/counts';
export { detectLanguage } from './report/language';
export { auditRow, isAuditRow, ordered } from './audit/row';
export type { AuditRow, AuditRowComponent } from './audit/row';
export { concordance, checkQuery, sentenceInCategory } from './audit/concordance';
export type { ConcordanceCount, ConcordanceHit, ConcordanceOptions, ConcordanceQuery, ConcordanceResult, ConcordanceSource } from './audit/concordance';
export { threadThemes } from './audit/thread';
export type { LetterTheme, LetterThread, StrategyTheme, ThemeStatus, ThreadCategory, ThreadOptions, ThreadResult, ThreadTerm } from './audit/thread';
export * from './coding';
export * from './export';
export { sha256Hex } from './util/hash';
export { indexAtOrBefore } from './util/search';
export { commonFolder } from './util/folders';
export { inferStance } from './classify/actors';
export type { DocumentStance, DocumentKind } from './classify/actors';
export { suggestRewrites, sentenceScore, documentScoreChange, addresseeOf, standardOfSentence, legalBasis, factsOf, checkFacts, retention, MIN_RETENTION } from './suggest';
export type { Suggestion, SentenceSuggestions, SuggestOptions, SuggestContext, StrategyId, SentenceFactSet } from './suggest';
export { compareVersions, matchSentences, SIMILAR } from './compare';
export type { VersionComparison, SentencePair, SentenceRef as ComparedSentence, Direction } from './compare';
export { checklist, CHECKLIST } from './checklist';
export type { ChecklistItem, ChecklistId } from './checklist';
