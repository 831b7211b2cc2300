/**
 * What every Policy Lens document viewer (PDF, DOCX) and the extension host say to each other, and the checks every
 * message from a viewer passes before the host acts on it. No `vscode` import: the webview bundles, the workers
 * and the unit tests use this module too. Each viewer's own protocol (../pdf/protocol.ts, ../docx/protocol.ts)
 * adds its few messages and fields to these.
 *
 *   host → webview   analysis · status · display · reveal · explanation · codings · getSelection ·
 *                    find, requestReport, hover, select, nextFinding (tests)
 *   webview → host   ready · explain · report · selection
 *
 * A finding crosses the boundary as an index into the `analysis` message's arrays; the viewer places its words
 * from the offsets of the extracted text: it never searches for the words.
 */
import type { Category } from '../../core/types';

export const CATEGORY_IDS: readonly Category[] = ['directive', 'enabling', 'innovation', 'cocreation', 'collaboration', 'control', 'district'];

/** What every viewer needs of an analysis: the extracted text, the findings in columns, the score and sections. */
export interface BasePayload {
  /** Increases with every (re)load of the file; messages of an older generation are ignored. */
  generation: number;
  /** `preview`: a first part (or, for a DOCX, the text before its analysis); `final`: the whole document. */
  phase: 'preview' | 'final';
  /** Names this analysis (finding indexes refer to it): explanations are asked for by it. */
  analysisId: number;
  /** The extracted text (the engine's ExtractedDocument.text). */
  text: string;
  /** Findings, column-wise: offsets into `text`, category (index into CATEGORY_IDS), page, sentence. */
  findings: FindingColumns;
  score: { value: number; label: string };
  /** Sections for the strip (start: offset in `text`; page: 1 for text formats). */
  sections: SectionMark[];
  warnings: string[];
}

export interface FindingColumns {
  start: Int32Array;
  end: Int32Array;
  category: Uint8Array;
  page: Int32Array;
  sentence: Int32Array;
}

export interface SectionMark {
  title: string;
  page: number;
  level: number;
  start: number;
  directiveDensity: number;
  enablingDensity: number;
}

export type Severity = 'info' | 'warning' | 'error';

/** A one-line state shown in the viewer's toolbar / message bar. */
export interface StatusMessage {
  type: 'status';
  generation: number;
  state: 'loading' | 'analysing' | 'ready' | 'error';
  /** Why: password, encrypted, corrupt, no-text, unsupported, too-large, io, render, analysis. */
  code?: string;
  message?: string;
  severity?: Severity;
  /** Offer a button that asks for the password again (PDF). */
  passwordAction?: boolean;
}

export interface Explanation {
  finding: number;
  title: string;
  category: Category;
  categoryLabel: string;
  text: string;
  description: string;
  rows: [string, string][];
  score: string;
}

/** A coding as a viewer draws it: [start, end) of the text, the code's colour and name; `review`: autocoded. */
export interface CodingMark {
  start: number;
  end: number;
  color: string;
  label: string;
  review: boolean;
}

export interface DisplayMessage {
  type: 'display';
  visible: boolean;
  categories: Record<Category, boolean>;
  labels: Record<Category, string>;
}

/** Host → webview messages every viewer understands. */
export type CommonHostMessage =
  | StatusMessage
  | DisplayMessage
  /** Shows [start, end) of the text: scrolls there and flashes it; `select` also selects the words. */
  | { type: 'reveal'; analysisId: number; start: number; end: number; how: 'select' | 'flash' }
  | { type: 'explanation'; id: number; explanation: Explanation | null }
  | { type: 'find'; query: string }
  /** Asks for a full report (with the DOM check of hiddenDrawn); tests and the benchmark. */
  | { type: 'requestReport' }
  /** Moves the mouse over the first word of a finding, as a user would (tests, screenshots). */
  | { type: 'hover'; finding: number }
  /** Asks for the viewer's selection as a range of the extracted text (answered by `selection`). */
  | { type: 'getSelection'; id: number }
  /** The document's codings, drawn in their code's colour (offsets into the analysis' text). */
  | { type: 'codings'; analysisId: number; codings: CodingMark[] }
  /** Selects [start, end) of the text, as a user dragging over the words would (tests). */
  | { type: 'select'; start: number; end: number }
  /** Goes to the next (1) or previous (-1) finding and explains it, as F8 / Shift+F8 do (tests). */
  | { type: 'nextFinding'; direction: 1 | -1 };

/** What every viewer reports about itself (tests and the benchmark read it; the host only keeps the last one). */
export interface BaseReport {
  generation: number;
  phase: 'preview' | 'final' | 'none';
  /** Findings with at least one word placed in the viewer (from the offsets). */
  placedFindings: number;
  /** Findings whose words could not be placed. */
  unplacedFindings: number;
  /** Findings actually drawn so far (distinct). */
  drawnFindings: number;
  /** Of the drawn highlight elements: how many show a category that is switched off (should be 0; full reports only). */
  hiddenDrawn: number;
  /** Findings whose characters on screen differ from the host's text (should be 0). */
  textMismatches: number;
  /** True when `hiddenDrawn` was checked in the DOM (an answer to `requestReport`). */
  full: boolean;
  /** Milliseconds from the webview's start to the document shown with its highlights. */
  firstHighlightedMs?: number;
  /** Epoch ms of that moment (for benchmarks that start the clock elsewhere). */
  firstHighlightedAt?: number;
  /** Milestones, ms since the webview's start. */
  timeline?: Record<string, number>;
  findMatches: number;
  findIndex: number;
  /** Ranges revealed so far (`reveal`). */
  revealed: number;
  /** Codings drawn so far (distinct). */
  drawnCodings: number;
  /** Flash marks the last reveal drew when its words were shown (the flash itself lasts a moment), and now. */
  revealFlashed: number;
  flashing: number;
  selection: string;
  /** The message bar's text ('' when hidden) and the hover explanation's text ('' when hidden). */
  message: string;
  tooltip: string;
  error?: string;
}

/** Webview → host messages every viewer sends. */
export type CommonWebviewMessage =
  | { type: 'ready' }
  | { type: 'explain'; id: number; finding: number; analysisId: number }
  /** The answer to `getSelection`: the selected words as [start, end) of the analysis' text (start = end: none). */
  | { type: 'selection'; id: number; analysisId: number; start: number; end: number };

// ───────────────────────────── validation of webview messages ─────────────────────────────

export const MAX_STRING = 4096;

export type Obj = Record<string, unknown>;
export type Check = (v: unknown) => boolean;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isInt = (v: unknown, min = 0, max = 2 ** 31 - 1): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
export const isStr = (v: unknown, max = MAX_STRING): v is string => typeof v === 'string' && v.length <= max;
export const isNum = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
export const isIntArray = (v: unknown, maxLen: number) => Array.isArray(v) && v.length <= maxLen && v.every((x) => isInt(x, 0, 1e6));

/** Only these keys, each passing its check (so that nothing unexpected rides along). */
export function shape(o: Obj, checks: Record<string, Check>, optional: readonly string[] = []): boolean {
  for (const k of Object.keys(o)) if (!(k in checks)) return false;
  for (const [k, check] of Object.entries(checks)) {
    if (!(k in o) || o[k] === undefined) {
      if (optional.includes(k)) continue;
      return false;
    }
    if (!check(o[k])) return false;
  }
  return true;
}

const count: Check = (x) => isInt(x, 0, 1e7);

/** The checks of the fields every report has; a viewer adds its own (`extra`) and their optional ones. */
export function reportCheck(extra: Record<string, Check>, extraOptional: readonly string[] = []): Check {
  return (v) =>
    isObj(v) &&
    shape(
      v,
      {
        generation: count,
        phase: (x) => x === 'preview' || x === 'final' || x === 'none',
        placedFindings: count,
        unplacedFindings: count,
        drawnFindings: count,
        hiddenDrawn: count,
        textMismatches: count,
        full: (x) => typeof x === 'boolean',
        firstHighlightedMs: (x) => isNum(x, 0, 1e9),
        firstHighlightedAt: (x) => isNum(x, 0, 1e14),
        timeline: (x) => isObj(x) && Object.keys(x).length <= 20 && Object.entries(x).every(([k, t]) => k.length <= 40 && isNum(t, 0, 1e9)),
        findMatches: count,
        findIndex: (x) => isInt(x, -1, 1e7),
        revealed: count,
        drawnCodings: count,
        revealFlashed: count,
        flashing: count,
        selection: (x) => isStr(x, 400),
        message: (x) => isStr(x, 1000),
        tooltip: (x) => isStr(x, 2000),
        error: (x) => isStr(x),
        ...extra,
      },
      ['firstHighlightedMs', 'firstHighlightedAt', 'error', 'timeline', ...extraOptional],
    );
}

/**
 * The checks of a viewer's messages by type: the common ones (ready, explain, selection, report with `report`'s
 * check) plus the viewer's own. `parseMessage` then accepts a message only if its type is known and its fields
 * are exactly those, each well-formed.
 */
export function messageChecks(report: Check, own: Record<string, Record<string, Check>>): Record<string, Record<string, Check>> {
  return {
    ready: {},
    explain: { id: (x) => isInt(x), finding: (x) => isInt(x, 0, 1e8), analysisId: (x) => isInt(x) },
    selection: { id: (x) => isInt(x), analysisId: (x) => isInt(x), start: (x) => isInt(x, 0, 1e9), end: (x) => isInt(x, 0, 1e9) },
    report: { report },
    ...own,
  };
}

/**
 * A viewer's message if it is one of the known kinds with well-formed fields, else undefined (the host then ignores
 * it). The webview shows the document's content: treat whatever it says as untrusted.
 */
export function parseMessage<T>(raw: unknown, checks: Record<string, Record<string, Check>>): T | undefined {
  if (!isObj(raw) || typeof raw.type !== 'string') return undefined;
  const proto = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) return undefined;
  if (!Object.prototype.hasOwnProperty.call(checks, raw.type)) return undefined;
  if (!shape(raw, { type: () => true, ...checks[raw.type] })) return undefined;
  if (raw.type === 'selection' && (raw.start as number) > (raw.end as number)) return undefined;
  return raw as T;
}
