/**
 * The «Compare Framing with…» report: its model (built from the engine's VersionComparison, every string localized
 * by the host — the webview has no text of its own), the messages between the report's webview
 * (media/compare/compare.js) and the host, and the check every message from the webview passes before the host
 * acts on it. No `vscode` import.
 *
 *   host → webview   { type: 'model', model: CompareReportModel }
 *   webview → host   ready · reveal (one side of an item of the model shown) · rendered (what it drew)
 *
 * The webview never sends offsets or paths: it names a sentence by the index of its item in the model it shows and
 * the side (old or new); the host looks the range up itself. A message about an older model, an item out of range
 * or without that side, an unknown type or field, or a wrong type is dropped.
 */
import { checkShape, Schema } from '../webviewMessages';

/** A piece of a sentence: unchanged, or only in this version. */
export interface Segment {
  text: string;
  changed: boolean;
}

export interface ReportSentence {
  segments: Segment[];
  /** «line 12» */
  where: string;
  framing: 'top-down' | 'enabling' | 'neutral';
  framingLabel: string;
  scoreText: string;
}

export interface ReportItem {
  old?: ReportSentence;
  new?: ReportSentence;
  /** «+54», «−27» (sentence score change), or an empty string. */
  deltaText: string;
  /** A note on the item: «moved», «enabled (was: none)». */
  note: string;
}

export interface ReportGroup {
  id: 'more-top-down' | 'more-enabling' | 'edited' | 'added' | 'removed' | 'moved' | 'districts-gained' | 'districts-lost';
  title: string;
  hint: string;
  items: number[];
}

export interface CompareReportModel {
  id: number;
  title: string;
  oldLabel: string;
  newLabel: string;
  score: { oldText: string; newText: string; deltaText: string; delta: number; oldLabel: string; newLabel: string; oldPosition: number; newPosition: number };
  rows: { label: string; oldText: string; newText: string; deltaText: string; delta: number }[];
  groups: ReportGroup[];
  items: ReportItem[];
  terms: { term: string; oldText: string; newText: string }[];
  termsAdded: string;
  termsRemoved: string;
  summary: string;
  strings: Record<string, string>;
}

export type FromReport =
  | { type: 'ready' }
  | { type: 'reveal'; model: number; item: number; side: 'old' | 'new' }
  | { type: 'rendered'; model: number; items: number; groups: number };

export type ToReport = { type: 'model'; model: CompareReportModel };

const SCHEMA: Schema<FromReport['type']> = {
  ready: {},
  reveal: { model: 'int', item: 'int', side: ['old', 'new'] },
  rendered: { model: 'int', items: 'int', groups: 'int' },
};

/**
 * The message, if the host acts on it now: of the schema's shape (../webviewMessages.ts), about the model shown, an
 * item of it that has that side.
 */
export function parseReportMessage(raw: unknown, shown: CompareReportModel | undefined): FromReport | undefined {
  const msg = checkShape(raw, SCHEMA);
  if (!msg) return undefined;
  if (msg.type !== 'ready' && (!shown || msg.model !== shown.id)) return undefined;
  if (msg.type === 'reveal') {
    const item = shown!.items[msg.item as number];
    if (!item || !item[msg.side as 'old' | 'new']) return undefined;
  }
  return msg as unknown as FromReport;
}

/** Word-level changes of two versions of a sentence (longest common subsequence of words). */
export function diffWords(a: string, b: string): [Segment[], Segment[]] {
  const x = a.match(/\S+\s*/g) ?? [];
  const y = b.match(/\S+\s*/g) ?? [];
  const n = x.length;
  const m = y.length;
  if (n * m > 40_000) return [[{ text: a, changed: true }], [{ text: b, changed: true }]];
  const key = (s: string) => s.trim().toLowerCase();
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = key(x[i]) === key(y[j]) ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const sa: Segment[] = [];
  const sb: Segment[] = [];
  const push = (list: Segment[], text: string, changed: boolean) => {
    const last = list[list.length - 1];
    if (last && last.changed === changed) last.text += text;
    else list.push({ text, changed });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && key(x[i]) === key(y[j])) {
      push(sa, x[i++], false);
      push(sb, y[j++], false);
    } else if (j < m && (i >= n || dp[i][j + 1] >= dp[i + 1][j])) push(sb, y[j++], true);
    else push(sa, x[i++], true);
  }
  return [sa, sb];
}
