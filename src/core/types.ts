/**
 * Shared types of the Policy Lens pipeline.
 *
 *   extract → segment → tokenize → match → classify → score → report
 *
 * Every offset is a UTF-16 code-unit index into `ExtractedDocument.text` (the analysed text), half-open
 * [start, end). Nothing in src/core imports `vscode`.
 */

export interface Range {
  start: number;
  end: number;
}

// ───────────────────────────── 1. extract ─────────────────────────────

export type SourceFormat = 'txt' | 'md' | 'pdf' | 'docx';

/** One page of an extracted document: [start, end) in `text`. Text formats have a single page. */
export interface PageSpan extends Range {
  /** 1-based page number. */
  page: number;
}

/** A pdf.js text item placed in `text` (PDF only), in reading order. */
export interface TextItemSpan extends Range {
  /** 1-based page number. */
  page: number;
  /** Index of the item in pdf.js `getTextContent().items` of that page (the text layer's span order). */
  item: number;
  /** Offset inside the item's `str` where this span begins (an item can be split by de-hyphenation). */
  itemOffset: number;
}

export interface OutlineEntry {
  title: string;
  page: number;
  level: number;
}

export interface ExtractedDocument {
  /** Analysed text, LF line ends. For PDFs: lines in reading order, pages separated by a blank line. */
  text: string;
  format: SourceFormat;
  /** Number of pages (1 for text formats). */
  pages: number;
  pageSpans: PageSpan[];
  /** PDF only: where each text item landed in `text`. */
  items?: TextItemSpan[];
  /** Running headers, footers and page numbers: present in `text` but not counted as content. */
  excluded: Range[];
  /** Outline (bookmarks) when the PDF has one. */
  outline?: OutlineEntry[];
  /** DOCX only: the paragraphs as the document lays them out (what a viewer draws), in the order of `text`. */
  layout?: LayoutBlock[];
  /** Non-fatal problems (e.g. "page 3 has no text layer"). */
  warnings: string[];
}

/**
 * One paragraph of a DOCX as the document lays it out: [start, end) of `text` (the paragraph's text exactly; the
 * blocks are separated by the extraction's line breaks), what kind of paragraph it is and how it looks, by
 * meaning (a heading level, a list level, bold), not by the page. A viewer draws `text` block by block, so every
 * offset of the analysis points at the same character on screen.
 */
export interface LayoutBlock extends Range {
  kind: 'paragraph' | 'heading' | 'listItem';
  /** Headings: 0 for a title, 1–9 for heading levels; list items: the nesting level, 0–8. */
  level?: number;
  /** List items: characters at the start of the block's text that are its marker ("- "), drawn as a bullet. */
  marker?: number;
  /** The tables the paragraph is in, outermost first: table (numbered in the part), row, column, columns spanned. */
  cells?: LayoutCell[];
  /** Paragraphs of a text box (after the paragraph that anchors it) and of footnotes and endnotes. */
  part?: 'textbox' | 'note';
  /** From the paragraph's style: bold, italic, its font size relative to the document's normal text, alignment. */
  bold?: boolean;
  italic?: boolean;
  scale?: number;
  align?: 'center' | 'right' | 'justify';
  /** Runs with their own emphasis: [start, end, flags] with offsets in `text`; flags 1 bold, 2 italic, 4 underline. */
  marks?: [number, number, number][];
}

export interface LayoutCell {
  table: number;
  row: number;
  col: number;
  span?: number;
}

/** A failure to read a document, with a message meant for the user. */
export class ExtractionError extends Error {
  constructor(
    message: string,
    readonly code: 'encrypted' | 'password' | 'corrupt' | 'no-text' | 'unsupported' | 'too-large' | 'io',
    readonly file?: string,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}

// ───────────────────────────── 2. segment ─────────────────────────────

export type BlockKind = 'heading' | 'paragraph' | 'listItem';

export interface Block extends Range {
  kind: BlockKind;
  /** Heading level (1 = top) for headings. */
  level?: number;
}

export interface Section extends Range {
  index: number;
  title: string;
  level: number;
  /**
   * The words of its sentences outside running headers and footers (word and number tokens, as countWords counts
   * them). Set by the analysis; absent on sections made elsewhere (a PDF's outline).
   */
  words?: number;
}

// ───────────────────────────── 3. tokenize ─────────────────────────────

export interface Token extends Range {
  text: string;
  /** Lower-cased text. */
  lower: string;
  kind: 'word' | 'number' | 'punct';
  /** For hyphenated compounds («IKT-løsninger»): the parts, each with offsets. */
  parts?: Token[];
}

// ───────────────────────────── 4. match ─────────────────────────────

export type Category =
  | 'directive'
  | 'enabling'
  | 'innovation'
  | 'cocreation'
  | 'collaboration'
  | 'control'
  | 'district';

export const CATEGORIES: readonly Category[] = [
  'directive',
  'enabling',
  'innovation',
  'cocreation',
  'collaboration',
  'control',
  'district',
];

export interface TermMatch extends Range {
  text: string;
  /** Lexicon entry id. */
  entry: string;
  category: Category;
  weight: number;
  /** True when the term is negated or reduced («redusert detaljstyring», «ikke … innovasjon»). */
  negated?: boolean;
}

// ───────────────────────────── 5. classify ─────────────────────────────

export type Deontic = 'obligation' | 'prohibition' | 'recommendation' | 'permission' | 'intention' | 'none';
export type DistrictRole = 'obligated' | 'enabled' | 'involved' | 'mentioned' | 'none';

/** The district roles a sentence can give, in report order (`none` left out). */
export const DISTRICT_ROLES: readonly Exclude<DistrictRole, 'none'>[] = ['obligated', 'enabled', 'involved', 'mentioned'];
export type Framing = 'top-down' | 'enabling' | 'neutral';

/** Where the obliged actor stands relative to the writer. */
export type ActorLevel = 'superior' | 'subordinate' | 'self' | 'peer' | 'unknown';

/** Exactly the fields of the gold files (`classify` prints these plus `text`). */
export interface SentenceLabels {
  deontic: Deontic;
  directive: boolean;
  actor: string | null;
  district: DistrictRole;
  innovation: boolean;
  cocreation: boolean;
  collaboration: boolean;
  control: boolean;
  framing: Framing;
}

export interface SentenceAnalysis extends SentenceLabels, Range {
  index: number;
  text: string;
  /** The deontic cue («skal», «ber om», «bør» …) that decided `deontic`, with offsets. */
  cue?: TermMatch;
  /** Offsets of the actor's head noun. */
  actorRange?: Range;
  actorLevel: ActorLevel;
  /** What decided the deontic label and the framing (a rule, or the learned layer's strongest evidence). */
  reason: { deontic: string; framing: string };
  /** All lexicon matches inside the sentence. */
  matches: TermMatch[];
  /** 1-based page of the sentence start. */
  page: number;
  section: number;
  /** True when the sentence lies in a running header/footer (not counted). */
  excluded: boolean;
  /**
   * Set when the «sentence» is a piece of an over-long one that segmentation cut (longer than
   * MAX_SENTENCE_CHARS in src/core/segment/segment.ts: a table pasted as one line, a text without full stops).
   */
  cut?: true;
}

// ───────────────────────────── 6. score ─────────────────────────────

export interface ScoreComponent {
  id: string;
  label: string;
  /** The measured quantity (e.g. 12.3 directives per 1,000 words). */
  value: number;
  unit: string;
  /** Signed contribution to the score; contributions add up to `Score.value`. */
  contribution: number;
  /** Indexes of the sentences behind the component. */
  sentences: number[];
}

export interface Score {
  /** -100 (top-down) … +100 (enabling). */
  value: number;
  label: string;
  axes: {
    /** 0…100: directive and control pressure. */
    directive: number;
    /** 0…100: enabling and participation. */
    enabling: number;
  };
  components: ScoreComponent[];
}

// ───────────────────────────── 7. report ─────────────────────────────

export type StudyTerm = 'innovasjon' | 'utvikling' | 'samskaping' | 'samarbeid' | 'skal' | 'må';

export interface Finding extends Range {
  page: number;
  category: Category;
  /** Finer label: obligation, prohibition, permission, recommendation, trust, legal, … */
  subtype?: string;
  entry: string;
  text: string;
  /** Index of the sentence in `DocumentAnalysis.sentences`. */
  sentence: number;
}

export interface DistrictSummary {
  mentions: number;
  roles: Record<Exclude<DistrictRole, 'none'>, number>;
  /** Sentences about innovation or co-creation. */
  innovationSentences: number;
  /** … of which give a district a role (any role but `mentioned`). */
  innovationWithDistrictRole: number;
  /** Sentence indexes of the gap: innovation/co-creation sentences without a district role. */
  gap: number[];
}

export interface DocumentAnalysis {
  file?: string;
  format: SourceFormat;
  pages: number;
  /** Content words (without running headers, footers, page numbers). */
  words: number;
  /** Every word extracted. */
  extractedWords: number;
  sentences: SentenceAnalysis[];
  sections: Section[];
  score: Score;
  counts: { exact: Record<StudyTerm, number>; inflected: Record<StudyTerm, number> };
  /** Number of sentences per category. */
  categories: Record<Category, number>;
  district: DistrictSummary;
  findings: Finding[];
  /** Written standard: Bokmål or Nynorsk (detected, or as set by the caller). */
  language: 'nb' | 'nn';
  /** Who the document is written by and to, as inferred (for the relative-actor scoring). */
  stance: { writerLevel: string; kind: string; evidence: string[] };
  warnings: string[];
}
