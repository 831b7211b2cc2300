/**
 * Feature templates of the word-class tagger, shared by training (scripts/train-tagger.ts) and tagging
 * (tagger.ts). A greedy averaged perceptron after Honnibal's and NLTK's PerceptronTagger, with the extra
 * suffix, shape and compound features that help Norwegian (see ../shared/research/tagging.md §2).
 *
 * Features are grouped by what they depend on, so that the tagger can add up, once per word type, the
 * weights of the features that depend on that word alone (its own, and as a neighbour to the left or right):
 *
 *   own(w)        the word itself: form, suffixes, prefix, shape, the head of a hyphenated compound
 *   left1(w)      w as the word before the current one;  left2(w) two before
 *   right1(w)     w as the word after the current one;   right2(w) two after
 *   history(t1,t2) the two previous tags (and the bias)
 *   combo(t1, w)  the previous tag with the current word
 *   initial       the first word of a sentence, capitalised
 */

/** Universal POS tags (UD v2), in the model's order. */
export const UPOS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as const;
export type Upos = (typeof UPOS)[number];

export const START = '-START-';
export const START2 = '-START2-';

/** An ASCII digit (what \d matches without the u flag). */
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The normalised form used for context words: numbers and years folded, otherwise lower case. */
export function norm(word: string): string {
  if (word.length > 0 && isDigit(word.charCodeAt(0))) {
    if (word.length === 4 && isDigit(word.charCodeAt(1)) && isDigit(word.charCodeAt(2)) && isDigit(word.charCodeAt(3))) return '!YEAR';
    return '!DIGITS';
  }
  return word.toLowerCase();
}

function shape(word: string): string {
  let s = '';
  let last = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
    if (c !== last) s += c;
    last = c;
    if (s.length > 5) break;
  }
  return s;
}

/** Features of the word itself. */
export function ownFeatures(word: string): string[] {
  const lower = word.toLowerCase();
  const n = norm(word);
  const f = [
    'w=' + n,
    'S3=' + word.slice(-3), // cased, as in NLTK: capitals carry proper-noun evidence
    'P1=' + word[0],
    's1=' + lower.slice(-1),
    's2=' + lower.slice(-2),
    's4=' + lower.slice(-4),
    's5=' + lower.slice(-5),
    's6=' + lower.slice(-6),
    'p4=' + lower.slice(0, 4),
    'p3=' + lower.slice(0, 3),
    'sh=' + shape(word),
  ];
  const dash = Math.max(lower.lastIndexOf('-'), lower.lastIndexOf('‐'), lower.lastIndexOf('‑'));
  if (dash > 0 && dash < lower.length - 1) {
    const tail = lower.slice(dash + 1);
    f.push('hy=' + tail.slice(-4), 'hyw=' + tail);
  }
  if (word.length === 1) f.push('len1');
  return f;
}

export function left1Features(word: string): string[] {
  return ['w-1=' + norm(word), 's-1=' + word.toLowerCase().slice(-3)];
}

export function left2Features(word: string): string[] {
  return ['w-2=' + norm(word)];
}

export function right1Features(word: string): string[] {
  return ['w+1=' + norm(word), 's+1=' + word.toLowerCase().slice(-3)];
}

export function right2Features(word: string): string[] {
  return ['w+2=' + norm(word)];
}

export function historyFeatures(t1: string, t2: string): string[] {
  return ['bias', 't-1=' + t1, 't-2=' + t2, 't-12=' + t1 + ' ' + t2];
}

export function comboFeature(t1: string, word: string): string {
  return 't-1w=' + t1 + ' ' + norm(word);
}

/** The word before with the current word's ending («har» + «-et», «blir» + «-t»). */
export function contextSuffixFeature(prev: string, word: string): string {
  return 'w-1s3=' + norm(prev) + ' ' + word.toLowerCase().slice(-3);
}

export const INITIAL_CAP = 'init-cap';

export function isInitialCap(i: number, word: string): boolean {
  return i === 0 && /^\p{Lu}/u.test(word);
}

/** Padding words outside the sentence. */
export const PAD_BEFORE = ['-START-', '-START2-'];
export const PAD_AFTER = ['-END-', '-END2-'];

/** All the features of position i (training; the tagger computes the same sums group by group). */
export function featuresAt(words: readonly string[], i: number, t1: string, t2: string, right?: readonly string[]): string[] {
  const w = (k: number) => (k < 0 ? PAD_BEFORE[-k - 1] : k >= words.length ? PAD_AFTER[k - words.length] : words[k]);
  const f = [
    ...ownFeatures(words[i]),
    ...left1Features(w(i - 1)),
    ...left2Features(w(i - 2)),
    ...right1Features(w(i + 1)),
    ...right2Features(w(i + 2)),
    ...historyFeatures(t1, t2),
    comboFeature(t1, words[i]),
    contextSuffixFeature(w(i - 1), words[i]),
  ];
  if (isInitialCap(i, words[i])) f.push(INITIAL_CAP);
  if (right) {
    const r = (k: number) => (k < right.length ? right[k] : k === right.length ? '-END-' : '-END2-');
    f.push(...rightTagFeatures(t1, r(i + 1), r(i + 2)), rightComboFeature(r(i + 1), words[i]));
  }
  return f;
}

/** Second pass: the tags the first pass gave the next two words. */
export function rightTagFeatures(t1: string, r1: string, r2: string): string[] {
  return ['r+1=' + r1, 'r+2=' + r2, 'r+12=' + r1 + ' ' + r2, 't-1r+1=' + t1 + ' ' + r1];
}

export function rightComboFeature(r1: string, word: string): string {
  return 'r+1w=' + r1 + ' ' + norm(word);
}

const FNV_OFFSET = 0x811c9dc5;

/**
 * 32-bit FNV-1a hash of a feature name; `h` continues the hash of a prefix, so that «t-1w=NOUN » + word is hashed
 * without building the string. The model stores its features by this hash (see model.ts).
 */
export function fnv(s: string, h = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
