import { fnv } from './features';

/**
 * The word-level feature templates of features.ts as their hashes (the model stores features by hash), computed
 * from the word's characters without building the feature strings: FNV-1a is a left-to-right fold, so the hash of
 * «s4=» + ending is the hash of «s4=» continued over the ending's characters. Same hashes, in the same order, as
 * fnv() of each string of ownFeatures(), left1Features()… (test/unit/tag.test.ts compares them).
 */

/** FNV-1a of s[from, to), continuing h. */
export function fnvRange(s: string, from: number, to: number, h: number): number {
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hash of the last k characters of s (all of s when it is shorter), continuing h: fnv(s.slice(-k), h). */
function tail(s: string, k: number, h: number): number {
  return fnvRange(s, Math.max(0, s.length - k), s.length, h);
}

const H = {
  w: fnv('w='),
  S3: fnv('S3='),
  P1: fnv('P1='),
  s1: fnv('s1='),
  s2: fnv('s2='),
  s4: fnv('s4='),
  s5: fnv('s5='),
  s6: fnv('s6='),
  p4: fnv('p4='),
  p3: fnv('p3='),
  sh: fnv('sh='),
  hy: fnv('hy='),
  hyw: fnv('hyw='),
  len1: fnv('len1'),
  wm1: fnv('w-1='),
  sm1: fnv('s-1='),
  wm2: fnv('w-2='),
  wp1: fnv('w+1='),
  sp1: fnv('s+1='),
  wp2: fnv('w+2='),
};

const isUpper = (ch: string) => /\p{Lu}/u.test(ch);
const isLower = (ch: string) => /\p{Ll}/u.test(ch);

/** shape() of features.ts: the word's character classes (X upper, x lower, d digit, else the character), runs collapsed, at most six. */
export function shapeOf(word: string): string {
  let s = '';
  let last = '';
  for (let i = 0; i < word.length; ) {
    const c = word.charCodeAt(i);
    let cls: string;
    let size = 1;
    if (c < 128) {
      cls = c >= 65 && c <= 90 ? 'X' : c >= 97 && c <= 122 ? 'x' : c >= 48 && c <= 57 ? 'd' : word[i];
    } else {
      const cp = word.codePointAt(i)!;
      size = cp > 0xffff ? 2 : 1;
      const ch = word.slice(i, i + size);
      cls = isUpper(ch) ? 'X' : isLower(ch) ? 'x' : ch;
    }
    i += size;
    if (cls !== last) s += cls;
    last = cls;
    if (s.length > 5) break;
  }
  return s;
}

/** Hashes of ownFeatures(word), in order; `lower` is word.toLowerCase(), `n` is norm(word). */
export function ownHashes(word: string, lower: string, n: string): number[] {
  const out = new Uint32Array(MAX_OWN_HASHES);
  return Array.from(out.subarray(0, ownHashesInto(word, lower, n, out)));
}

/** The most hashes ownHashesInto writes. */
export const MAX_OWN_HASHES = 14;

/** ownHashes() written into `out` (at least MAX_OWN_HASHES long, reused by the tagger: no array per word); returns their number. */
export function ownHashesInto(word: string, lower: string, n: string, out: Uint32Array): number {
  const ll = lower.length;
  out[0] = fnv(n, H.w);
  out[1] = tail(word, 3, H.S3);
  out[2] = word.length > 0 ? fnvRange(word, 0, 1, H.P1) : fnv('undefined', H.P1);
  out[3] = tail(lower, 1, H.s1);
  out[4] = tail(lower, 2, H.s2);
  out[5] = tail(lower, 4, H.s4);
  out[6] = tail(lower, 5, H.s5);
  out[7] = tail(lower, 6, H.s6);
  out[8] = fnvRange(lower, 0, Math.min(4, ll), H.p4);
  out[9] = fnvRange(lower, 0, Math.min(3, ll), H.p3);
  out[10] = fnv(shapeOf(word), H.sh);
  let k = 11;
  const dash = Math.max(lower.lastIndexOf('-'), lower.lastIndexOf('‐'), lower.lastIndexOf('‑'));
  if (dash > 0 && dash < ll - 1) {
    out[k++] = fnvRange(lower, Math.max(dash + 1, ll - 4), ll, H.hy);
    out[k++] = fnvRange(lower, dash + 1, ll, H.hyw);
  }
  if (word.length === 1) out[k++] = H.len1;
  return k;
}

/** Hashes of left1Features(word). */
export function left1Hashes(lower: string, n: string): number[] {
  return [left1Hash0(n), left1Hash1(lower)];
}
/** The two hashes of left1Features(word), one by one (no array). */
export function left1Hash0(n: string): number {
  return fnv(n, H.wm1);
}
export function left1Hash1(lower: string): number {
  return tail(lower, 3, H.sm1);
}

/** Hash of left2Features(word)'s one feature. */
export function left2Hash(n: string): number {
  return fnv(n, H.wm2);
}

/** Hashes of right1Features(word). */
export function right1Hashes(lower: string, n: string): number[] {
  return [right1Hash0(n), right1Hash1(lower)];
}
/** The two hashes of right1Features(word), one by one. */
export function right1Hash0(n: string): number {
  return fnv(n, H.wp1);
}
export function right1Hash1(lower: string): number {
  return tail(lower, 3, H.sp1);
}

/** Hash of right2Features(word)'s one feature. */
export function right2Hash(n: string): number {
  return fnv(n, H.wp2);
}
