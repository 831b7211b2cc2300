/**
 * Robustness: rewrites of a sentence that do not change what it says, and so must not change its labels. Each one
 * stands for something real text does to a sentence that the labelled sets rarely show: a list item's numbering or
 * bullet, a label before a colon, a sentence quoted whole, a word processor's or a web page's invisible characters and spaces, a PDF's footnote number run into a
 * word, a light adverb between a modal and its verb. `npm run eval` prints, per rewrite, the share of rewritten
 * sentences whose labels changed; `--check` holds each share under its ceiling (test/fixtures/gold/floors.json,
 * `robustness`). Only counts are printed, never sentences (the hold-out documents are among them).
 */
import type { SentenceLabels } from '../src/core/node';

export interface Rewrite {
  name: string;
  /** What the rewrite does, for the printed table. */
  what: string;
  /** The rewritten sentence, or null when the rewrite does not apply. */
  apply(sentence: string): string | null;
}

const LONG_WORD = /\p{L}{10,}/gu;
const HAS_LONG_WORD = /\p{L}{10,}/u;

export const REWRITES: readonly Rewrite[] = [
  { name: 'list-number', what: '«2. » before the sentence', apply: (s) => '2. ' + s },
  { name: 'bullet', what: '«- » before the sentence', apply: (s) => '- ' + s },
  { name: 'round-bullet', what: '«• » before the sentence', apply: (s) => '• ' + s },
  { name: 'quoted', what: 'the sentence in «…» (quoted whole)', apply: (s) => '«' + s + '»' },
  { name: 'label', what: '«Merknad: » before the sentence', apply: (s) => (/^\p{Lu}/u.test(s) ? 'Merknad: ' + s : null) },
  { name: 'nbsp', what: 'every space non-breaking', apply: (s) => (s.includes(' ') ? s.replace(/ /g, '\u00a0') : null) },
  { name: 'double-space', what: 'every space doubled', apply: (s) => (s.includes(' ') ? s.replace(/ /g, '  ') : null) },
  {
    name: 'soft-hyphen',
    what: 'a soft hyphen inside every word of 10+ letters',
    apply: (s) => (HAS_LONG_WORD.test(s) ? s.replace(LONG_WORD, (w) => w.slice(0, 5) + '\u00ad' + w.slice(5)) : null),
  },
  {
    name: 'zero-width-space',
    what: 'a zero-width space inside every word of 10+ letters',
    apply: (s) => (HAS_LONG_WORD.test(s) ? s.replace(LONG_WORD, (w) => w.slice(0, 4) + '\u200b' + w.slice(4)) : null),
  },
  { name: 'footnote', what: 'a footnote number run into the last word («…innbyggerne12.»)', apply: (s) => (/\p{L}\.$/u.test(s) ? s.slice(0, -1) + '12.' : null) },
  { name: 'light-adverb', what: '«også» after the first modal', apply: (s) => afterModal(s, 'også') },
  { name: 'adverbial-phrase', what: '«blant annet» after the first modal', apply: (s) => afterModal(s, 'blant annet') },
  { name: 'abbreviation', what: '«bl.a.» after the first modal', apply: (s) => afterModal(s, 'bl.a.') },
];

/** The sentence with `words` after its first modal (not before a negation or a light adverb already there), or null. */
function afterModal(s: string, words: string): string | null {
  const m = /(^|\s)(skal|må|bør|kan|vil) (?!ikke|ikkje|også|òg)/u.exec(s);
  return m ? s.slice(0, m.index + m[0].length) + words + ' ' + s.slice(m.index + m[0].length) : null;
}

const FIELDS = ['deontic', 'actor', 'district', 'innovation', 'cocreation', 'collaboration', 'control', 'framing'] as const;

/** True when the two label sets differ in a gold field (the actor compared case-insensitively). */
export function labelsDiffer(a: SentenceLabels, b: SentenceLabels): boolean {
  for (const f of FIELDS) {
    const x = a[f];
    const y = b[f];
    if (f === 'actor' ? (x ?? '').toString().toLowerCase() !== (y ?? '').toString().toLowerCase() : x !== y) return true;
  }
  return false;
}

export interface RobustnessRow {
  name: string;
  what: string;
  rewritten: number;
  changed: number;
  share: number;
}

/** Classifies every sentence and each of its rewrites; counts the rewrites whose labels differ. */
export function robustness(sentences: readonly string[], classify: (s: string) => SentenceLabels): RobustnessRow[] {
  const plain = sentences.map((s) => classify(s));
  return REWRITES.map((r) => {
    let rewritten = 0;
    let changed = 0;
    sentences.forEach((s, i) => {
      const t = r.apply(s);
      if (t === null || t === s) return;
      rewritten++;
      if (labelsDiffer(plain[i], classify(t))) changed++;
    });
    return { name: r.name, what: r.what, rewritten, changed, share: rewritten ? changed / rewritten : 0 };
  });
}
