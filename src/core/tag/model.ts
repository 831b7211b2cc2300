import { LemmaTables } from './lemma';
import { fnv } from './features';

/**
 * The word-class model file (src/core/tag/model.json): versioned data written by scripts/train-tagger.ts.
 *
 * Each pass's weights are stored by feature hash (FNV-1a, features.ts), so that loading the model is a few
 * base64 decodes, with no feature names to split or index:
 *   hashes  base64 Uint32 (little-endian), ascending: one per feature
 *   counts  base64 Uint8: the number of non-zero weights of each feature
 *   tags    base64 Uint8: the class index of each non-zero weight, feature after feature
 *   values  base64 Int16 (little-endian): the weights, × scale
 */
export interface PackedWeights {
  features: number;
  scale: number;
  /** Base64 in model.json; raw bytes when read from the binary form (binary.ts). */
  hashes: string | Uint8Array;
  counts: string | Uint8Array;
  tags: string | Uint8Array;
  values: string | Uint8Array;
  /** The lookup index HashedWeights builds at load, stored with the weights in the binary form (binary.ts). */
  index?: WeightsIndex;
}

/** HashedWeights' index: each row's first weight (Uint32, rows + 1) and each bucket's first row (Uint32, 2^16 + 1), as bytes. */
export interface WeightsIndex {
  start: Uint8Array;
  buckets: Uint8Array;
}

export interface TaggerModelFile {
  format: 'policy-lens-tagger';
  version: string;
  license: string;
  attribution: string;
  trainedOn: string[];
  heldOut: Record<string, { upos: number; lemma: number; tokens: number }>;
  tags: string[];
  /** First pass, then the second (which also reads the first pass's tags of the next two words). */
  passes: PackedWeights[];
  /** "word\tUPOS" lines: words tagged directly. */
  tagdict: string;
  /** "UPOS\tform form …" lines: the forms seen with each closed word class in training (only they may take it). */
  closed?: string;
  /** First-pass margin above which the second pass keeps the first pass's tag (same held-out accuracy, less work). */
  sure?: number;
  lemma: { nb: LemmaTables; nn: LemmaTables };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without Buffer, so that the engine runs in Node and in a browser alike. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    parts.push(
      B64[a >> 2] + B64[((a & 3) << 4) | (b >> 4)] + (i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)] : '=') + (i + 2 < bytes.length ? B64[c & 63] : '='),
    );
  }
  return parts.join('');
}

const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) t[B64.charCodeAt(i)] = i;
  return t;
})();

/** The bytes of an array of the model: decoded from base64, or as they are; aligned for a typed-array view of `align` bytes. */
function bytesOf(x: string | Uint8Array, align = 1): Uint8Array {
  if (typeof x === 'string') return fromBase64(x);
  return x.byteOffset % align === 0 ? x : x.slice();
}

export function fromBase64(s: string): Uint8Array {
  // Node's Buffer decodes natively; browsers have atob; the loop below is the fallback for neither.
  const g = globalThis as { atob?: (s: string) => string; Buffer?: { from(s: string, enc: string): Uint8Array } };
  if (g.Buffer) {
    const b = g.Buffer.from(s, 'base64');
    return new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  }
  if (typeof g.atob === 'function') {
    const bin = g.atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  let len = s.length;
  while (len > 0 && s[len - 1] === '=') len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  for (let i = 0; i < len; i += 4) {
    const a = B64_INDEX[s.charCodeAt(i)];
    const b = B64_INDEX[s.charCodeAt(i + 1)];
    const c = i + 2 < len ? B64_INDEX[s.charCodeAt(i + 2)] : 0;
    const d = i + 3 < len ? B64_INDEX[s.charCodeAt(i + 3)] : 0;
    out[o++] = (a << 2) | (b >> 4);
    if (o < out.length) out[o++] = ((b & 15) << 4) | (c >> 2);
    if (o < out.length) out[o++] = ((c & 3) << 6) | d;
  }
  return out;
}

function le32(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] >>> 0;
    out[i * 4] = v & 0xff;
    out[i * 4 + 1] = (v >>> 8) & 0xff;
    out[i * 4 + 2] = (v >>> 16) & 0xff;
    out[i * 4 + 3] = v >>> 24;
  }
  return out;
}

function le16(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] & 0xffff;
    out[i * 2] = v & 0xff;
    out[i * 2 + 1] = v >> 8;
  }
  return out;
}

/**
 * Packs weights (pruning those under `minAbs`) by feature hash. Two features with the same hash keep the one
 * with more weight; `collisions` counts the others.
 */
export function packWeights(weights: Map<string, ArrayLike<number>>, minAbs: number): { packed: PackedWeights; collisions: number } {
  let max = 0;
  for (const w of weights.values()) for (let k = 0; k < w.length; k++) max = Math.max(max, Math.abs(w[k]));
  const scale = max / 32767 || 1;
  const byHash = new Map<number, { mass: number; kept: [number, number][] }>();
  let collisions = 0;
  for (const [f, w] of weights) {
    const kept: [number, number][] = [];
    let mass = 0;
    for (let k = 0; k < w.length; k++) {
      const q = Math.round(w[k] / scale);
      if (Math.abs(w[k]) >= minAbs && q !== 0) {
        kept.push([k, q]);
        mass += Math.abs(w[k]);
      }
    }
    if (!kept.length) continue;
    const h = fnv(f);
    const other = byHash.get(h);
    if (other) {
      collisions++;
      if (other.mass >= mass) continue;
    }
    byHash.set(h, { mass, kept });
  }
  const hashes = [...byHash.keys()].sort((a, b) => a - b);
  const counts: number[] = [];
  const tags: number[] = [];
  const values: number[] = [];
  for (const h of hashes) {
    const { kept } = byHash.get(h)!;
    counts.push(kept.length);
    for (const [k, q] of kept) {
      tags.push(k);
      values.push(q);
    }
  }
  return {
    packed: {
      features: hashes.length,
      scale,
      hashes: toBase64(le32(hashes)),
      counts: toBase64(Uint8Array.from(counts)),
      tags: toBase64(Uint8Array.from(tags)),
      values: toBase64(le16(values)),
    },
    collisions,
  };
}

/** Buckets of the hash index: by the top 16 bits of a hash. */
const BUCKET_BITS = 16;

/**
 * A pass's weights, looked up by feature hash. The hashes are stored in ascending order, so the index is built in
 * one sequential pass at load: for each value of a hash's top bits, the range of rows whose hashes have them (about
 * one row each); a lookup scans that range.
 */
export class HashedWeights {
  private readonly hashes: Uint32Array;
  private readonly buckets: Uint32Array;
  private readonly start: Uint32Array;
  private readonly tags: Uint8Array;
  private readonly values: Int16Array;
  private readonly scale: number;

  constructor(p: PackedWeights) {
    const hb = bytesOf(p.hashes, 4);
    const n = p.features;
    if (hb.length < 4 * n) throw new Error('tagger model: fewer feature hashes than features');
    const hashes = (this.hashes = new Uint32Array(hb.buffer, hb.byteOffset, n));
    const counts = bytesOf(p.counts);
    this.tags = bytesOf(p.tags);
    const vb = bytesOf(p.values, 2);
    this.values = new Int16Array(vb.buffer, vb.byteOffset, this.tags.length);
    this.scale = p.scale;
    if (p.index) {
      // the index stored with the weights (binary.ts); its sizes checked, its contents as the build wrote them
      const sb = bytesOf(p.index.start, 4);
      const bb = bytesOf(p.index.buckets, 4);
      if (sb.length !== 4 * (n + 1) || bb.length !== 4 * ((1 << BUCKET_BITS) + 1)) throw new Error('tagger model: the stored index does not fit the weights');
      this.start = new Uint32Array(sb.buffer, sb.byteOffset, n + 1);
      this.buckets = new Uint32Array(bb.buffer, bb.byteOffset, (1 << BUCKET_BITS) + 1);
      if (this.start[n] !== this.tags.length) throw new Error('tagger model: the stored index does not fit the weights');
      return;
    }
    const start = (this.start = new Uint32Array(n + 1));
    const buckets = (this.buckets = new Uint32Array((1 << BUCKET_BITS) + 1));
    const shift = 32 - BUCKET_BITS;
    let b = 0;
    let prev = -1;
    for (let r = 0; r < n; r++) {
      const h = hashes[r];
      if (h <= prev) throw new Error('tagger model: feature hashes are not in ascending order');
      prev = h;
      start[r + 1] = start[r] + counts[r];
      const top = h >>> shift;
      while (b <= top) buckets[b++] = r;
    }
    while (b < buckets.length) buckets[b++] = n;
  }

  /** The lookup index built at load, as bytes (stored by the binary form, so that a load need not build it). */
  index(): WeightsIndex {
    const bytes = (a: Uint32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    return { start: bytes(this.start), buckets: bytes(this.buckets) };
  }

  /** The row of the feature with hash h (an unsigned 32-bit hash, as fnv() gives), or -1. */
  row(h: number): number {
    const top = h >>> (32 - BUCKET_BITS);
    const hashes = this.hashes;
    for (let r = this.buckets[top], e = this.buckets[top + 1]; r < e; r++) if (hashes[r] === h) return r;
    return -1;
  }

  /** Adds row r's weights to v (to v[offset…] when given). */
  add(v: Float32Array, r: number, offset = 0): void {
    for (let j = this.start[r], e = this.start[r + 1]; j < e; j++) v[offset + this.tags[j]] += this.values[j] * this.scale;
  }

  /** Adds the weights of a feature (by name) to v. */
  addFeature(v: Float32Array, name: string): void {
    const r = this.row(fnv(name));
    if (r >= 0) this.add(v, r);
  }
}
