/**
 * Training of the averaged perceptron (Collins 2002; lazy averaging by timestamps as in Honnibal's tagger).
 * Used by scripts/train-tagger.ts for the word-class layer and by the learned sentence classifier.
 * Nothing here runs when documents are analysed.
 */

export class AveragedPerceptron {
  readonly classes: readonly string[];
  private readonly n: number;
  private readonly w = new Map<string, Float64Array>();
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private instances = 0;

  constructor(classes: readonly string[]) {
    this.classes = classes;
    this.n = classes.length;
  }

  scores(features: readonly string[], values?: readonly number[]): Float64Array {
    const s = new Float64Array(this.n);
    for (let j = 0; j < features.length; j++) {
      const w = this.w.get(features[j]);
      if (!w) continue;
      const x = values ? values[j] : 1;
      for (let k = 0; k < this.n; k++) s[k] += w[k] * x;
    }
    return s;
  }

  predict(features: readonly string[], values?: readonly number[]): number {
    const s = this.scores(features, values);
    let best = 0;
    for (let k = 1; k < this.n; k++) if (s[k] > s[best]) best = k;
    return best;
  }

  /** One training step: moves weight from the guess to the truth. */
  update(truth: number, guess: number, features: readonly string[], values?: readonly number[]): void {
    this.instances++;
    if (truth === guess) return;
    for (let j = 0; j < features.length; j++) {
      const f = features[j];
      let w = this.w.get(f);
      if (!w) {
        w = new Float64Array(this.n);
        this.w.set(f, w);
        this.totals.set(f, new Float64Array(this.n));
        this.stamps.set(f, new Float64Array(this.n));
      }
      const tot = this.totals.get(f)!;
      const st = this.stamps.get(f)!;
      const x = values ? values[j] : 1;
      for (const [k, d] of [[truth, x], [guess, -x]] as const) {
        tot[k] += (this.instances - st[k]) * w[k];
        st[k] = this.instances;
        w[k] += d;
      }
    }
  }

  /** The averaged weights (the model to keep). */
  averaged(): Map<string, Float64Array> {
    const out = new Map<string, Float64Array>();
    for (const [f, w] of this.w) {
      const tot = this.totals.get(f)!;
      const st = this.stamps.get(f)!;
      const a = new Float64Array(this.n);
      let any = false;
      for (let k = 0; k < this.n; k++) {
        const total = tot[k] + (this.instances - st[k]) * w[k];
        a[k] = total / Math.max(1, this.instances);
        if (a[k] !== 0) any = true;
      }
      if (any) out.set(f, a);
    }
    return out;
  }
}

/** A deterministic random number generator (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic shuffle, so that training is reproducible. */
export function seededShuffle<T>(items: T[], seed: number): T[] {
  const rand = seededRandom(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
