import type { PackedWeights, TaggerModelFile } from './model';
import { fromBase64, HashedWeights } from './model';

/**
 * The tagger model in binary form, for the Node bundles (esbuild.js writes dist/models/tag.json and tag.bin from
 * src/core/tag/model.json): the weights' arrays as raw bytes in one file instead of base64 inside 3 MB of JSON, so
 * that loading the model is one read of the bytes, with no JSON text to decode and parse and no base64 to decode,
 * and the lookup index HashedWeights would build at load is stored with them. The head keeps everything else of the
 * model file, each array replaced by where its bytes lie in the binary file.
 */

const ARRAYS = ['hashes', 'counts', 'tags', 'values'] as const;

/** Where one array's bytes lie in the binary file. */
export interface ByteRange {
  offset: number;
  length: number;
}

export type BinaryPass = Omit<PackedWeights, (typeof ARRAYS)[number] | 'index'> &
  Record<(typeof ARRAYS)[number], ByteRange> & { index: { start: ByteRange; buckets: ByteRange } };

export interface BinaryHead extends Omit<TaggerModelFile, 'passes'> {
  passes: BinaryPass[];
  /** Length of the binary file (checked when it is read). */
  bytes: number;
}

/** Splits a model file into its head and its bytes (each array starts at a multiple of 4: typed-array views need no copy). */
export function packBinary(model: TaggerModelFile): { head: BinaryHead; bytes: Uint8Array } {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const put = (b: Uint8Array): ByteRange => {
    const r = { offset, length: b.length };
    chunks.push(b);
    const padded = (b.length + 3) & ~3;
    if (padded > b.length) chunks.push(new Uint8Array(padded - b.length));
    offset += padded;
    return r;
  };
  const passes = model.passes.map((p) => {
    // (each array decoded once: written out, and read by HashedWeights to build the index)
    const decoded = { ...p };
    for (const k of ARRAYS) decoded[k] = fromBase64(p[k] as string);
    const out = { ...p } as unknown as BinaryPass;
    for (const k of ARRAYS) out[k] = put(decoded[k] as Uint8Array);
    const index = new HashedWeights(decoded).index();
    out.index = { start: put(index.start), buckets: put(index.buckets) };
    return out;
  });
  const bytes = new Uint8Array(offset);
  let o = 0;
  for (const c of chunks) {
    bytes.set(c, o);
    o += c.length;
  }
  return { head: { ...model, passes, bytes: offset }, bytes };
}

/** The model file again, its arrays as views of `bytes` (no copy). Throws when the bytes do not fit the head. */
export function unpackBinary(head: BinaryHead, bytes: Uint8Array): TaggerModelFile {
  if (bytes.length !== head.bytes) throw new Error(`tagger model: the binary file has ${bytes.length} bytes, its head says ${head.bytes}`);
  const view = (r: ByteRange, what: string): Uint8Array => {
    if (r.offset + r.length > bytes.length) throw new Error(`tagger model: ${what} lies outside the binary file`);
    return bytes.subarray(r.offset, r.offset + r.length);
  };
  const passes = head.passes.map((p) => {
    const out = { ...p } as unknown as PackedWeights;
    for (const k of ARRAYS) out[k] = view(p[k], k);
    out.index = { start: view(p.index.start, 'the index'), buckets: view(p.index.buckets, 'the index') };
    return out;
  });
  const { bytes: _, ...rest } = head;
  return { ...rest, passes } as TaggerModelFile;
}
