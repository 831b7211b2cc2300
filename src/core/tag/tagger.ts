import { HashedWeights } from './model';
import { fnv, historyFeatures, INITIAL_CAP, norm, PAD_AFTER, PAD_BEFORE, rightTagFeatures, START, START2, UPOS } from './features';
import { left1Hash0, left1Hash1, left2Hash, MAX_OWN_HASHES, ownHashesInto, right1Hash0, right1Hash1, right2Hash } from './featureHashes';

/**
 * The word-class tagger at run time: a greedy averaged perceptron in two passes (features in features.ts).
 *
 * Speed: the weights of the features that depend on one word only are added up once per word type and cached in
 * flat typed arrays per pass (PassSums: no typed array per word type); the rows of the features that pair a word
 * with a tag («t-1w», «r+1w») are looked up once per word type and tag; the hashes are computed from the
 * characters (featureHashes.ts), so tagging a token is a dozen vector additions and no string building. The
 * scratch arrays (feature hashes, scores, the passes' tags and margins) are reused from sentence to sentence.
 */

/** Where each sum lies in a word type's row of a pass's sums, in multiples of the number of tags. */
const OWN = 0;
const LEFT1 = 1;
const LEFT2 = 2;
const RIGHT1 = 3;
const RIGHT2 = 4;
const PARTS = 5;

/** Word types the passes' sums have room for at first (grown by doubling). */
const INITIAL_TYPES = 256;

/** Scratch for a word's own feature hashes (tagging is synchronous: one at a time). */
const ownScratch = new Uint32Array(MAX_OWN_HASHES);

/**
 * One pass's sums of weights for every word type the tagger knows, in flat typed arrays indexed by the type's id:
 * three arrays that grow by doubling instead of a few small typed arrays per word type (each of which V8 would back
 * with a buffer of its own, allocated and freed one by one). Each sum is computed the first time it is needed: a word
 * the tag dictionary decides is never scored (no own sum, no tag-pair rows), only read as a neighbour.
 */
class PassSums {
  /** Per id, PARTS × n values: own, left1, left2, right1, right2. */
  vec: Float32Array;
  /** Per id, bit P set: part P of its row of `vec` is summed. */
  private done: Uint8Array;
  /** Per id, 2 (n + 2) rows: of «t-1w» per previous tag (0…n+1), then of «r+1w» per next tag; -2 = not looked up, -1 = none. */
  private rows: Int32Array;
  private readonly width: number;
  private readonly rowWidth: number;

  constructor(private readonly pass: Pass) {
    this.width = PARTS * pass.n;
    this.rowWidth = 2 * (pass.n + 2);
    this.vec = new Float32Array(0);
    this.done = new Uint8Array(0);
    this.rows = new Int32Array(0);
  }

  /** Makes room for id and marks its sums as not computed (a new type, or an id reused after the cache was emptied). */
  reset(id: number): void {
    if (id >= this.done.length) {
      const cap = Math.max(INITIAL_TYPES, 2 * this.done.length, id + 1);
      const vec = new Float32Array(cap * this.width);
      vec.set(this.vec);
      this.vec = vec;
      const done = new Uint8Array(cap);
      done.set(this.done);
      this.done = done;
      const rows = new Int32Array(cap * this.rowWidth);
      rows.set(this.rows);
      this.rows = rows;
    }
    this.done[id] = 0;
    this.rows.fill(-2, id * this.rowWidth, (id + 1) * this.rowWidth);
  }

  /** Offset in `vec` of part P of the type's sums, summed on first use. */
  part(t: WordType, part: number): number {
    const n = this.pass.n;
    const off = t.id * this.width + part * n;
    if ((this.done[t.id] & (1 << part)) === 0) {
      this.done[t.id] |= 1 << part;
      const v = this.vec;
      v.fill(0, off, off + n);
      const p = this.pass;
      if (part === OWN) {
        const k = ownHashesInto(t.word, t.lower, t.norm, ownScratch);
        for (let j = 0; j < k; j++) p.addHash(ownScratch[j], v, off);
      } else if (part === LEFT1) {
        p.addHash(left1Hash0(t.norm), v, off);
        p.addHash(left1Hash1(t.lower), v, off);
      } else if (part === LEFT2) p.addHash(left2Hash(t.norm), v, off);
      else if (part === RIGHT1) {
        p.addHash(right1Hash0(t.norm), v, off);
        p.addHash(right1Hash1(t.lower), v, off);
      } else p.addHash(right2Hash(t.norm), v, off);
    }
    return off;
  }

  /** Row of «t-1w=<tag t1> <word>», or -1. */
  combo(t: WordType, t1: number): number {
    const k = t.id * this.rowWidth + t1;
    if (this.rows[k] === -2) this.rows[k] = this.pass.comboRow(t1, t.norm);
    return this.rows[k];
  }

  /** Row of «r+1w=<tag r1> <word>», or -1. */
  rcombo(t: WordType, r1: number): number {
    const k = t.id * this.rowWidth + this.pass.n + 2 + r1;
    if (this.rows[k] === -2) this.rows[k] = this.pass.rcomboRow(r1, t.norm);
    return this.rows[k];
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
  /** Bit k set: tag k may be chosen (every open class; a closed class only for a form seen with it in training). */
  readonly allowed: number;
  /** Its index into each pass's sums (PassSums). */
  readonly id: number;
  /** Hash of «w-1s3=<norm> », to be continued with the next word's ending; NaN until computed (a double from the start: the field keeps one representation). */
  afterHash: number;
  /** The lemma of the form's first (standard, tag) slot lemmatised, and that slot (-1: none yet), filled by index.ts. */
  lemma: string;
  lemmaSlot: number;
  /** Lemmas of further slots (a form tagged two ways), by slot. */
  moreLemmas: Map<number, string> | undefined;
}

const AFTER_HASH = fnv('w-1s3=');

function afterHashOf(t: WordType): number {
  if (Number.isNaN(t.afterHash)) t.afterHash = fnv(t.norm + ' ', AFTER_HASH);
  return t.afterHash;
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
  /** The sums of the word types' features in this pass. */
  readonly sums: PassSums;
  /** Scratch: the tags' scores at one word. */
  private readonly scores: Float32Array;

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
    this.sums = new PassSums(this);
    this.scores = new Float32Array(this.n);
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

  /** Adds the weights of the feature with hash h, if the model has it, to v from `offset`. */
  addHash(h: number, v: Float32Array, offset: number): void {
    const r = this.w.row(h);
    if (r >= 0) this.w.add(v, r, offset);
  }

  comboRow(t1: number, nw: string): number {
    return this.w.row(fnv(nw, this.comboHash[t1]));
  }

  rcomboRow(r1: number, nw: string): number {
    return this.w.row(fnv(nw, this.rcomboHash[r1]));
  }

  /**
   * One pass: tag indexes for the words into `out`; `first` holds the first pass's tag indexes (second pass).
   * `margins` receives each word's score margin over the runner-up; a second pass keeps the first pass's tag, without
   * scoring, where that margin was at least `sure` (most words: the first pass is certain of them).
   */
  run(types: readonly WordType[], pads: readonly WordType[], initialCap: boolean, out: Int16Array, margins: Float32Array, first?: Int16Array, sure = Infinity): void {
    const n = this.n;
    const len = types.length;
    const sums = this.sums;
    const w = this.w;
    const scores = this.scores;
    let t1 = n; // START
    let t2 = n + 1; // START2
    const right = first !== undefined && this.secondPass;
    for (let i = 0; i < len; i++) {
      const ty = types[i];
      let best = ty.dict;
      if (best < 0 && first && margins[i] >= sure) best = first[i];
      if (best < 0) {
        // the parts are summed before `vec` is read: summing never reallocates it (only new types do, in Tagger.types)
        const own = sums.part(ty, OWN);
        const l1 = sums.part(i >= 1 ? types[i - 1] : pads[0], LEFT1);
        const l2 = sums.part(i >= 2 ? types[i - 2] : i === 1 ? pads[0] : pads[1], LEFT2);
        const r1 = sums.part(i + 1 < len ? types[i + 1] : pads[2], RIGHT1);
        const r2 = sums.part(i + 2 < len ? types[i + 2] : i + 1 < len ? pads[2] : pads[3], RIGHT2);
        const v = sums.vec;
        const h = this.historyOf(t1, t2);
        for (let k = 0; k < n; k++) scores[k] = v[own + k] + v[l1 + k] + v[l2 + k] + v[r1 + k] + v[r2 + k] + h[k];
        if (i === 0 && initialCap) for (let k = 0; k < n; k++) scores[k] += this.initial[k];
        const combo = sums.combo(ty, t1);
        if (combo >= 0) w.add(scores, combo);
        const cs = w.row(fnv(ty.s3, afterHashOf(i >= 1 ? types[i - 1] : pads[0])));
        if (cs >= 0) w.add(scores, cs);
        if (right && first) {
          const f1 = i + 1 < len ? first[i + 1] : n;
          const f2 = i + 2 < len ? first[i + 2] : i + 1 < len ? n : n + 1;
          const rr = this.rrOf(f1, f2);
          const tr = this.trOf(t1, f1);
          for (let k = 0; k < n; k++) scores[k] += rr[k] + tr[k];
          const rc = sums.rcombo(ty, f1);
          if (rc >= 0) w.add(scores, rc);
        }
        best = -1;
        let bestScore = -Infinity;
        let second = -Infinity;
        const allowed = ty.allowed;
        for (let k = 0; k < n; k++) {
          if (((allowed >>> k) & 1) === 0) continue;
          if (best < 0 || scores[k] > bestScore) {
            second = bestScore;
            bestScore = scores[k];
            best = k;
          } else if (scores[k] > second) second = scores[k];
        }
        if (!first) margins[i] = bestScore - second;
      }
      out[i] = best;
      t2 = t1;
      t1 = best;
    }
  }
}

export class Tagger {
  readonly tags: readonly string[];
  private readonly tagdict: Map<string, number>;
  private readonly passes: Pass[];
  private readonly cache = new Map<string, WordType>();
  private readonly pads: WordType[] = [];
  /** The next word type's id (its index into the passes' sums). */
  private nextId = 0;
  /** Scratch for the tags of each pass and the first pass's margins, grown to the longest sentence. */
  private out1 = new Int16Array(64);
  private out2 = new Int16Array(64);
  private margins = new Float32Array(64);
  /** First-pass margin above which the second pass keeps the first pass's tag (see Pass.run). */
  sure = Infinity;

  /** Bits of the closed word classes that only the forms of the closed lexicon may take (0: no constraint). */
  private readonly closedTags: number;
  /** Form (lower case) → bits of the closed classes it was seen with in training. */
  private readonly closedForms = new Map<string, number>();

  /**
   * `weights2`: the second pass's weights (it also reads the first pass's tags of the next two words). `closed`: the
   * closed word classes and their forms seen in training (parseClosedLexicon): a form is given a closed class only
   * if it was seen with it («kartlegge» is never a determiner, whatever its neighbours say).
   */
  constructor(weights: HashedWeights, tagdict: Map<string, string>, weights2?: HashedWeights, tags: readonly string[] = UPOS, closed?: ReadonlyMap<string, readonly string[]>) {
    this.tags = tags;
    this.tagdict = new Map([...tagdict].map(([w, t]) => [w, tags.indexOf(t)]));
    let closedTags = 0;
    if (closed)
      for (const [tag, forms] of closed) {
        const k = tags.indexOf(tag);
        if (k < 0) continue;
        closedTags |= 1 << k;
        for (const f of forms) this.closedForms.set(f, (this.closedForms.get(f) ?? 0) | (1 << k));
      }
    this.closedTags = closedTags;
    this.passes = [new Pass(weights, tags, false)];
    if (weights2) this.passes.push(new Pass(weights2, tags, true));
    for (const w of [...PAD_BEFORE, ...PAD_AFTER]) this.pads.push(this.type(w));
  }

  private type(word: string): WordType {
    let t = this.cache.get(word);
    if (!t) {
      const lower = word.toLowerCase();
      const id = this.nextId++;
      const allowed = ~this.closedTags | (this.closedForms.get(lower) ?? 0);
      t = { word, lower, norm: norm(word), s3: lower.slice(-3), dict: this.tagdict.get(lower) ?? -1, allowed, id, afterHash: NaN, lemma: '', lemmaSlot: -1, moreLemmas: undefined };
      for (const p of this.passes) p.sums.reset(id);
      this.cache.set(word, t);
    }
    return t;
  }

  /** Tag indexes (into `tags`) for a sentence's words and punctuation, in order; valid until the next call. */
  tagIndexes(words: readonly string[], passes = this.passes.length): Int16Array {
    return this.tagTypes(this.types(words), words, passes);
  }

  /**
   * The word types of a sentence's words (cached per form), in an array built by push (one elements kind). When the
   * cache has grown past CACHE_LIMIT, it is emptied first (before a sentence, never inside one: the sentence's types
   * keep their ids until it is tagged), so its memory stays bounded by the limit plus one sentence's words.
   */
  types(words: readonly string[]): WordType[] {
    if (this.cache.size >= CACHE_LIMIT) {
      this.cache.clear();
      for (const p of this.pads) this.cache.set(p.word, p);
      this.nextId = this.pads.length;
    }
    const out: WordType[] = [];
    for (let i = 0; i < words.length; i++) out.push(this.type(words[i]));
    return out;
  }

  /** Tag indexes for words whose types are given (types(words)); valid until the next call (a view of a reused array). */
  tagTypes(types: readonly WordType[], words: readonly string[], passes = this.passes.length): Int16Array {
    const len = types.length;
    if (len > this.margins.length) {
      const cap = Math.max(len, 2 * this.margins.length);
      this.out1 = new Int16Array(cap);
      this.out2 = new Int16Array(cap);
      this.margins = new Float32Array(cap);
    }
    const initialCap = words.length > 0 && /^\p{Lu}/u.test(words[0]);
    this.passes[0].run(types, this.pads, initialCap, this.out1, this.margins);
    if (passes > 1 && this.passes[1]) {
      this.passes[1].run(types, this.pads, initialCap, this.out2, this.margins, this.out1, this.sure);
      return this.out2.subarray(0, len);
    }
    return this.out1.subarray(0, len);
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

/** The closed word classes: a fixed set of forms, which the training data list (a new word is never one of them). */
export const CLOSED_CLASSES = ['ADP', 'AUX', 'CCONJ', 'DET', 'PART', 'PRON', 'SCONJ'] as const;

/** The forms seen with each closed class in training ("TAG\tform form …" lines, the model file's `closed`). */
export function buildClosedLexicon(counts: Map<string, Map<string, number>>): string {
  const forms = new Map<string, string[]>(CLOSED_CLASSES.map((t) => [t, []]));
  for (const [w, c] of counts) for (const t of c.keys()) forms.get(t)?.push(w);
  return [...forms].map(([t, fs]) => `${t}\t${fs.sort().join(' ')}`).join('\n');
}

export function parseClosedLexicon(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1).split(' ').filter(Boolean));
  }
  return out;
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

