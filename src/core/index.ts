/**
 * Public API of the Policy Lens engine. Adapters (CLI, extension, webviews, scripts) import only from here.
 *
 *   extract/   file → ExtractedDocument (text, pages, pdf.js item map, running headers/footers)
 *   segment/   text → blocks (headings, paragraphs, list items) → sentences
 *   tokenize/  sentence → tokens with offsets (hyphenated compounds kept whole, with parts)
 *   lexicon/   versioned JSON lexicons (+ schema) and the user's extensions/overrides
 *   match/     tokens → lexicon matches (stems, compounds, phrases)
 *   classify/  sentence → deontic force, actor, categories, district role, framing
 *   score/     sentences → document score with named components and axes
 *   report/    study counts, district-role gap, findings
 */
export * from './types';
export { countWords, countWordsExcluding } from './tokenize/words';
export { extractFile, extractText, extractBuffer } from './extract';
export type { ExtractOptions } from './extract';
export { loadLexicon, builtinLexicon, lexiconFromTexts, parseLexicon, LexiconError } from './lexicon';
export type { Lexicon, LexiconEntry, LexiconLoadResult } from './lexicon';
export { analyzeExtracted, analyzeText, analyzeFile, classifySentence } from './analyze';
export type { AnalyzeOptions } from './analyze';
export { sentenceImpact, labelFor } from './score/score';
export type { SentenceImpact } from './score/score';
export { sectionProfiles } from './report/sections';
export type { SectionProfile } from './report/sections';
export { formatOf } from './extract';
export { STUDY_TERMS } from './report/counts';
export { detectLanguage } from './report/language';
export * from './workspace';
export { inferStance } from './classify/actors';
export type { DocumentStance, DocumentKind } from './classify/actors';
export { suggestRewrites, sentenceScore, documentScoreChange, addresseeOf, standardOfSentence, legalBasis, factsOf, checkFacts, retention, MIN_RETENTION } from './suggest';
export type { Suggestion, SentenceSuggestions, SuggestOptions, SuggestContext, StrategyId, SentenceFactSet } from './suggest';
export { compareVersions, matchSentences, SIMILAR } from './compare';
export type { VersionComparison, SentencePair, SentenceRef as ComparedSentence, Direction } from './compare';
export { checklist, CHECKLIST } from './checklist';
export type { ChecklistItem, ChecklistId } from './checklist';
