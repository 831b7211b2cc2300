import { HashedWeights } from './model';
import { fnv, historyFeatures, INITIAL_CAP, norm, PAD_AFTER, PAD_BEFORE, rightTagFeatures, START, START2, UPOS } from './features';
import { left1Hashes, left2Hash, ownHashes, right1Hashes, right2Hash } from './featureHashes';

/**
 * The word-class tagger at run time: a greedy averaged perceptron in two passes (features in features.ts).
 *
 * Speed: the weights of the features that depend on one word only are added up once per word type and cached;
 * features that pair a word with a tag («t-1w», «r+1w») or with the previous word's ending («w-1s3») are indexed
 * by word at load time, so tagging a token is a dozen vector additions and no string building.
 */

/** Where each sum lies in a word type's vector (`vec`), in multiples of the number of tags. */
const OWN = 0;
const LEFT1 = 1;
const LEFT2 = 2;
const RIGHT1 = 3;
const RIGHT2 = 4;

/**
 * A word type's sums of weights in one pass, each computed the first time it is needed: a word the tag
 * dictionary decides is never scored (no `own`, `combo`), only read as a neighbour. The five sums share one
 * array (`vec`, the sum of part P at P × n), and the rows of the tag-pair features one more: few objects per type.
 */
class PassVectors {
  /** own, left1, left2, right1, right2, n values each. */
  readonly vec: Float32Array;
  /** Bit P set: part P of `vec` is summed. */
  private done = 0;
  /** Row of «t-1w» per previous tag (0…n+1), then of «r+1w» per next tag: -2 = not looked up yet, -1 = none. */
  private rows: Int32Array | undefined;
  /** NaN until computed: a double from the start, as the hashes are (a small integer first would change the field's representation, and the objects' map, when the first hash is stored). */
  private _afterHash = NaN;

  constructor(
    private readonly pass: Pass,
    private readonly type: WordType,
  ) {
    this.vec = new Float32Array(5 * pass.n);
  }
  private part(part: number): Float32Array {
    if ((this.done & (1 << part)) === 0) {
      this.done |= 1 << part;
      const t = this.type;
      const hashes =
        part === OWN ? ownHashesOf(t)
        : part === LEFT1 ? left1Hashes(t.lower, t.norm)
        : part === LEFT2 ? [left2Hash(t.norm)]
        : part === RIGHT1 ? right1Hashes(t.lower, t.norm)
        : [right2Hash(t.norm)];
      this.pass.sumHashes(hashes, this.vec, part * this.pass.n);
    }
    return this.vec;
  }
  /** `vec` with its own features summed (at OWN × n). */
  get own(): Float32Array {
    return this.part(OWN);
  }
  /** `vec` with the features of this word as the previous one summed (at LEFT1 × n). */
  get left1(): Float32Array {
    return this.part(LEFT1);
  }
  get left2(): Float32Array {
    return this.part(LEFT2);
  }
  get right1(): Float32Array {
    return this.part(RIGHT1);
  }
  get right2(): Float32Array {
    return this.part(RIGHT2);
  }
  /** Hash of «w-1s3=<this word> », continued with the next word's ending. */
  get afterHash(): number {
    if (Number.isNaN(this._afterHash)) this._afterHash = this.pass.afterHashOf(this.type.norm);
    return this._afterHash;
  }
  private rowsOf(): Int32Array {
    return (this.rows ??= new Int32Array(2 * (this.pass.n + 2)).fill(-2));
  }
  combo(t1: number): number {
    const c = this.rowsOf();
    if (c[t1] === -2) c[t1] = this.pass.comboRow(t1, this.type.norm);
    return c[t1];
  }
  rcombo(r1: number): number {
    const c = this.rowsOf();
    const k = this.pass.n + 2 + r1;
    if (c[k] === -2) c[k] = this.pass.rcomboRow(r1, this.type.norm);
    return c[k];
  }
}

/** A word form as the tagger knows it (cached per form). */
export interface WordType {
  readonly word: string;
  readonly lower: string;
  /** norm(word): the form context features read. */
  readonly norm: string;
  readonly s3: string;
  /** Its tag when the tag dictionary decides it, else -1. */
  readonly dict: number;
  readonly pass: PassVectors[];
  /** Hashes of its own features (the same in both passes), computed on first use. */
  ownHashes: number[] | undefined;
  /** The lemma by written standard and tag, filled by the caller that lemmatises (index.ts). */
  lemmas: (string | undefined)[] | undefined;
}

function ownHashesOf(t: WordType): number[] {
  return (t.ownHashes ??= ownHashes(t.word, t.lower, t.norm));
}

/** Word types whose vectors are kept; the cache is emptied when it grows past this (memory stays bounded). */
const CACHE_LIMIT = 50_000;

/** One greedy pass: the first reads the left context's tags, the second also the first pass's tags to the right. */
class Pass {
  readonly n: number;
  /** Vectors of the two previous tags (and the bias), by t1 * (n + 2) + t2, summed on first use. */
  private readonly history: (Float32Array | undefined)[];
  private readonly initial: Float32Array;
  /** Second pass: vectors for the next two tags (r1, r2) and for (t-1, r1), summed on first use. */
  private readonly rr: (Float32Array | undefined)[] = [];
  private readonly tr: (Float32Array | undefined)[] = [];
  /** Tag names before a word (the tags, then START, START2) and after it (the tags, then -END-, -END2-). */
  private readonly before: readonly string[];
  private readonly after: readonly string[];
  /** Hashes of «t-1w=<tag> » per tag, and of «r+1w=<tag> ». */
  private readonly comboHash: number[];
  private readonly rcomboHash: number[];
  private readonly afterHash = fnv('w-1s3=');

  constructor(
    private readonly w: HashedWeights,
    tags: readonly string[],
    readonly secondPass: boolean,
  ) {
    this.n = tags.length;
    this.before = [...tags, START, START2];
    this.after = [...tags, '-END-', '-END2-'];
    this.history = [];
    this.initial = this.sum([INITIAL_CAP]);
    this.comboHash = this.before.map((t) => fnv('t-1w=' + t + ' '));
    this.rcomboHash = this.after.map((t) => fnv('r+1w=' + t + ' '));
  }

  private historyOf(t1: number, t2: number): Float32Array {
    const k = t1 * (this.n + 2) + t2;
    return (this.history[k] ??= this.sum(historyFeatures(this.before[t1], this.before[t2])));
  }

  private rrOf(r1: number, r2: number): Float32Array {
    const k = r1 * (this.n + 2) + r2;
    return (this.rr[k] ??= this.sum(rightTagFeatures('', this.after[r1], this.after[r2]).slice(0, 3)));
  }

  private trOf(t1: number, r1: number): Float32Array {
    const k = t1 * (this.n + 2) + r1;
    return (this.tr[k] ??= this.sum([rightTagFeatures(this.before[t1], this.after[r1], '')[3]]));
  }

  sum(features: readonly string[]): Float32Array {
    const v = new Float32Array(this.n);
    for (const f of features) this.w.addFeature(v, f);
    return v;
  }

  /** Adds the weights of features given by hash, in order, to v from `offset`. */
  sumHashes(hashes: readonly number[], v: Float32Array, offset: number): void {
    for (let k = 0; k < hashes.length; k++) {
      const r = this.w.row(hashes[k]);
      if (r >= 0) this.w.add(v, r, offset);
    }
  }

  comboRow(t1: number, nw: string): number {
    return this.w.row(fnv(nw, this.comboHash[t1]));
  }

  rcomboRow(r1: number, nw: string): number {
    return this.w.row(fnv(nw, this.rcomboHash[r1]));
  }

  afterHashOf(nw: string): number {
    return fnv(nw + ' ', this.afterHash);
  }

  vectors(type: WordType): PassVectors {
    return new PassVectors(this, type);
  }

  /** Tag indexes for the words; `first` holds the first pass's tag indexes (second pass). */
  /**
   * One pass. `margins` receives each word's score margin over the runner-up; a second pass keeps the first pass's
   * tag, without scoring, where that margin was at least `sure` (most words: the first pass is certain of them).
   */
  run(types: readonly WordType[], pads: readonly WordType[], p: number, initialCap: boolean, first?: Int16Array, margins?: Float32Array, sure = Infinity): Int16Array {
    const n = this.n;
    const len = types.length;
    const out = new Int16Array(len);
    const b0 = pads[0].pass[p];
    const b1 = pads[1].pass[p];
    const a0 = pads[2].pass[p];
    const a1v = pads[3].pass[p];
    const w = this.w;
    const scores = new Float32Array(n);
    let t1 = n; // START
    let t2 = n + 1; // START2
    const right = first !== undefined && this.secondPass;
    for (let i = 0; i < len; i++) {
      const ty = types[i];
      let best = ty.dict;
      if (best < 0 && first && margins && margins[i] >= sure) best = first[i];
      if (best < 0) {
        const v = ty.pass[p];
        const own = v.own;
        const l1 = i >= 1 ? types[i - 1].pass[p].left1 : b0.left1;
        const l2 = i >= 2 ? types[i - 2].pass[p].left2 : i === 1 ? b0.left2 : b1.left2;
        const r1 = i + 1 < len ? types[i + 1].pass[p].right1 : a0.right1;
        const r2 = i + 2 < len ? types[i + 2].pass[p].right2 : i + 1 < len ? a0.right2 : a1v.right2;
        const h = this.historyOf(t1, t2);
        const o1 = LEFT1 * n;
        const o2 = LEFT2 * n;
        const o3 = RIGHT1 * n;
        const o4 = RIGHT2 * n;
        for (let k = 0; k < n; k++) scores[k] = own[OWN * n + k] + l1[o1 + k] + l2[o2 + k] + r1[o3 + k] + r2[o4 + k] + h[k];
        if (i === 0 && initialCap) for (let k = 0; k < n; k++) scores[k] += this.initial[k];
        const combo = v.combo(t1);
        if (combo >= 0) w.add(scores, combo);
        const cs = w.row(fnv(ty.s3, (i >= 1 ? types[i - 1].pass[p] : b0).afterHash));
        if (cs >= 0) w.add(scores, cs);
        if (right && first) {
          const f1 = i + 1 < len ? first[i + 1] : n;
          const f2 = i + 2 < len ? first[i + 2] : i + 1 < len ? n : n + 1;
          const rr = this.rrOf(f1, f2);
          const tr = this.trOf(t1, f1);
          for (let k = 0; k < n; k++) scores[k] += rr[k] + tr[k];
          const rc = v.rcombo(f1);
          if (rc >= 0) w.add(scores, rc);
        }
        best = 0;
        let bestScore = scores[0];
        let second = -Infinity;
        for (let k = 1; k < n; k++) {
          if (scores[k] > bestScore) {
            second = bestScore;
            bestScore = scores[k];
            best = k;
          } else if (scores[k] > second) second = scores[k];
        }
        if (margins && !first) margins[i] = bestScore - second;
      }
      out[i] = best;
      t2 = t1;
      t1 = best;
    }
    return out;
  }
}

export class Tagger {
  readonly tags: readonly string[];
  private readonly tagdict: Map<string, number>;
  private readonly passes: Pass[];
  private readonly cache = new Map<string, WordType>();
  private pads: WordType[];
  /** First-pass margin above which the second pass keeps the first pass's tag (see Pass.run). */
  sure = Infinity;

  /** `weights2`: the second pass's weights (it also reads the first pass's tags of the next two words). */
  constructor(weights: HashedWeights, tagdict: Map<string, string>, weights2?: HashedWeights, tags: readonly string[] = UPOS) {
    this.tags = tags;
    this.tagdict = new Map([...tagdict].map(([w, t]) => [w, tags.indexOf(t)]));
    this.passes = [new Pass(weights, tags, false)];
    if (weights2) this.passes.push(new Pass(weights2, tags, true));
    this.pads = [...PAD_BEFORE, ...PAD_AFTER].map((w) => this.type(w));
  }

  private type(word: string): WordType {
    let t = this.cache.get(word);
    if (!t) {
      if (this.cache.size >= CACHE_LIMIT) {
        this.cache.clear();
        this.pads?.forEach((p, i) => this.cache.set([...PAD_BEFORE, ...PAD_AFTER][i], p));
      }
      const lower = word.toLowerCase();
      const pass: PassVectors[] = [];
      t = { word, lower, norm: norm(word), s3: lower.slice(-3), dict: this.tagdict.get(lower) ?? -1, pass, ownHashes: undefined, lemmas: undefined };
      for (const p of this.passes) pass.push(p.vectors(t));
      this.cache.set(word, t);
    }
    return t;
  }

  /** Tag indexes (into `tags`) for a sentence's words and punctuation, in order. */
  tagIndexes(words: readonly string[], passes = this.passes.length): Int16Array {
    return this.tagTypes(this.types(words), words, passes);
  }

  /** The word types of a sentence's words (cached per form), in an array built by push (one elements kind). */
  types(words: readonly string[]): WordType[] {
    const out: WordType[] = [];
    for (let i = 0; i < words.length; i++) out.push(this.type(words[i]));
    return out;
  }

  /** Tag indexes for words whose types are given (types(words)). */
  tagTypes(types: readonly WordType[], words: readonly string[], passes = this.passes.length): Int16Array {
    const initialCap = words.length > 0 && /^\p{Lu}/u.test(words[0]);
    const margins = new Float32Array(words.length).fill(Infinity);
    let t = this.passes[0].run(types, this.pads, 0, initialCap, undefined, margins);
    if (passes > 1 && this.passes[1]) t = this.passes[1].run(types, this.pads, 1, initialCap, t, margins, this.sure);
    return t;
  }

  /** Tags a sentence; returns one UPOS tag per word. */
  tag(words: readonly string[]): string[] {
    return Array.from(this.tagIndexes(words), (k) => this.tags[k]);
  }

  /** The first pass alone (training the second pass on it). */
  firstPass(words: readonly string[]): string[] {
    return Array.from(this.tagIndexes(words, 1), (k) => this.tags[k]);
  }
}

/** Words tagged directly: seen often enough and almost always with one tag. */
export function buildTagdict(counts: Map<string, Map<string, number>>, minCount = 20, minShare = 0.97): Map<string, string> {
  const dict = new Map<string, string>();
  for (const [w, c] of counts) {
    let total = 0;
    let best = '';
    let bestN = 0;
    for (const [t, k] of c) {
      total += k;
      if (k > bestN) {
        bestN = k;
        best = t;
      }
    }
    if (total >= minCount && bestN / total >= minShare) dict.set(w, best);
  }
  return dict;
}

