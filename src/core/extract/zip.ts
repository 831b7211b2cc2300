/**
 * A ZIP reader with resource limits, for the DOCX extractor: it reads the central directory, checks the archive
 * against the limits before inflating anything, and inflates the parts it is asked for with a streaming inflater
 * that stops as soon as a part produces more than the archive declared.
 *
 * Checked before inflating (LimitError, naming the file, the limit and how to raise it):
 *   - the number of entries (limits.zipEntries), from the end-of-central-directory record;
 *   - each wanted part's declared uncompressed size (limits.zipPartMB) and compression ratio (limits.zipRatio, for
 *     parts above RATIO_GRACE_BYTES), and their sum (limits.zipTotalMB).
 * Checked while inflating (ExtractionError `corrupt`): a part that inflates to more than its declared size (an
 * archive that lies about its sizes, as a crafted zip bomb does) is refused at once, so memory never exceeds the
 * declared — already checked — sizes plus one inflated chunk.
 *
 * Pure TypeScript over a Uint8Array (fflate's Inflate for DEFLATE): no Node built-ins, so it runs in a browser too.
 */
import { Inflate } from 'fflate';
import { ExtractionError } from '../types';
import { formatBytes, LimitError, Limits, MB, RATIO_GRACE_BYTES } from '../limits';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  offset: number;
  encrypted: boolean;
}

export interface ZipReadOptions {
  limits: Limits;
  /** The file, for messages (default «The DOCX file»). */
  file?: string;
  /** Which entries to inflate. */
  filter: (name: string) => boolean;
}

/** Compressed bytes given to the inflater at a time: one push inflates to at most ~1032× this. */
const INFLATE_CHUNK = 16 * 1024;

// Decoders made on first use: constructing one costs about a millisecond of every CLI start-up, DOCX or not.
let utf8: InstanceType<typeof TextDecoder> | undefined;
let cp437ish: InstanceType<typeof TextDecoder> | undefined;

function u16(d: Uint8Array, o: number): number {
  return d[o] | (d[o + 1] << 8);
}

function u32(d: Uint8Array, o: number): number {
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16)) + d[o + 3] * 0x1000000;
}

function u64(d: Uint8Array, o: number): number {
  return u32(d, o) + u32(d, o + 4) * 0x100000000;
}

class Damaged extends Error {}

/** Reads the central directory: the entries, after checking their number against the limit. */
export function zipEntries(data: Uint8Array, opts: { limits: Limits; file?: string }): ZipEntry[] {
  const label = opts.file ?? 'The DOCX file';
  try {
    return readDirectory(data, opts.limits, label, opts.file);
  } catch (e) {
    if (e instanceof Damaged) throw new ExtractionError(`${label} is damaged: its ZIP archive cannot be read (${e.message}).`, 'corrupt', opts.file);
    throw e;
  }
}

function readDirectory(data: Uint8Array, limits: Limits, label: string, file: string | undefined): ZipEntry[] {
  // End of central directory: 22 bytes plus a comment of up to 65535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 5 && data[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Damaged('no end of central directory');
  let count = u16(data, eocd + 10);
  let cdSize = u32(data, eocd + 12);
  let cdOffset = u32(data, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator (20 bytes) right before the EOCD points at the ZIP64 end record.
    const loc = eocd - 20;
    if (loc < 0 || u32(data, loc) !== 0x07064b50) throw new Damaged('ZIP64 locator missing');
    const rec = u64(data, loc + 8);
    if (rec + 56 > data.length || u32(data, rec) !== 0x06064b50) throw new Damaged('ZIP64 end record missing');
    count = u64(data, rec + 32);
    cdSize = u64(data, rec + 40);
    cdOffset = u64(data, rec + 48);
  }
  if (count > limits.zipEntries) {
    throw new LimitError(label, `the archive has ${count} entries`, 'zipEntries', limits.zipEntries, file);
  }
  if (cdOffset + cdSize > data.length) throw new Damaged('central directory outside the file');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || u32(data, p) !== 0x02014b50) throw new Damaged('bad central directory entry');
    const flags = u16(data, p + 8);
    const method = u16(data, p + 10);
    let compressedSize = u32(data, p + 20);
    let size = u32(data, p + 24);
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const commentLen = u16(data, p + 32);
    let offset = u32(data, p + 42);
    if (p + 46 + nameLen + extraLen > data.length) throw new Damaged('bad central directory entry');
    const nameBytes = data.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? (utf8 ??= new TextDecoder('utf-8')) : (cp437ish ??= new TextDecoder('latin1'))).decode(nameBytes);
    // ZIP64 extra field (id 1): the 0xffffffff fields, in order size, compressed size, offset.
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(data, e);
        const len = u16(data, e + 2);
        if (id === 1) {
          let q = e + 4;
          if (size === 0xffffffff) (size = u64(data, q)), (q += 8);
          if (compressedSize === 0xffffffff) (compressedSize = u64(data, q)), (q += 8);
          if (offset === 0xffffffff) offset = u64(data, q);
          break;
        }
        e += 4 + len;
      }
    }
    entries.push({ name, method, compressedSize, size, offset, encrypted: (flags & 1) !== 0 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflates the entries that `opts.filter` accepts, after checking them against the limits; returns them by name.
 * Throws LimitError (`too-large`) or ExtractionError (`corrupt`, `encrypted`, `unsupported`).
 */
export function readZip(data: Uint8Array, opts: ZipReadOptions): Record<string, Uint8Array> {
  const { limits } = opts;
  const label = opts.file ?? 'The DOCX file';
  const file = opts.file;
  const wanted = zipEntries(data, { limits, file }).filter((e) => opts.filter(e.name));
  // Every check on the declared sizes comes before the first byte is inflated.
  let total = 0;
  for (const e of wanted) {
    if (e.size > limits.zipPartMB * MB) {
      throw new LimitError(label, `${e.name} would inflate to ${formatBytes(e.size)}`, 'zipPartMB', limits.zipPartMB, file);
    }
    const ratio = e.size / Math.max(1, e.compressedSize);
    if (e.size > RATIO_GRACE_BYTES && ratio > limits.zipRatio) {
      throw new LimitError(
        label,
        `${e.name} would inflate ${Math.round(ratio)}× (${formatBytes(e.compressedSize)} to ${formatBytes(e.size)})`,
        'zipRatio',
        limits.zipRatio,
        file,
      );
    }
    total += e.size;
  }
  if (total > limits.zipTotalMB * MB) {
    throw new LimitError(label, `its parts would inflate to ${formatBytes(total)} in all`, 'zipTotalMB', limits.zipTotalMB, file);
  }
  const out: Record<string, Uint8Array> = {};
  for (const e of wanted) {
    if (e.encrypted) throw new ExtractionError(`${label} is encrypted (${e.name}); save it without a password.`, 'encrypted', file);
    out[e.name] = inflateEntry(data, e, label, file);
  }
  return out;
}

function inflateEntry(data: Uint8Array, e: ZipEntry, label: string, file: string | undefined): Uint8Array {
  const damaged = (why: string) => new ExtractionError(`${label} is damaged: ${e.name} ${why}.`, 'corrupt', file);
  const h = e.offset;
  if (h + 30 > data.length || u32(data, h) !== 0x04034b50) throw damaged('has no local header');
  const start = h + 30 + u16(data, h + 26) + u16(data, h + 28);
  const end = start + e.compressedSize;
  if (end > data.length) throw damaged('runs past the end of the file');
  const compressed = data.subarray(start, end);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw damaged('is stored with two different sizes');
    return compressed;
  }
  if (e.method !== 8) {
    throw new ExtractionError(`${label} uses a compression method Policy Lens cannot read (${e.method}) for ${e.name}.`, 'unsupported', file);
  }
  // The output is allocated at the declared (checked) size; inflating past it stops at once.
  const outBuf = new Uint8Array(e.size);
  let got = 0;
  let finished = false;
  let overflow = false;
  const inflater = new Inflate((chunk, final) => {
    if (got + chunk.length > e.size) {
      overflow = true;
      return;
    }
    outBuf.set(chunk, got);
    got += chunk.length;
    if (final) finished = true;
  });
  try {
    for (let p = 0; p < compressed.length && !overflow && !finished; p += INFLATE_CHUNK) {
      const q = Math.min(compressed.length, p + INFLATE_CHUNK);
      inflater.push(compressed.subarray(p, q), q === compressed.length);
    }
  } catch (err) {
    throw damaged(`cannot be inflated (${(err as Error).message})`);
  }
  if (overflow) throw damaged(`inflates to more than the ${formatBytes(e.size)} its header declares (a crafted archive; not inflated further)`);
  if (got !== e.size) throw damaged(`inflates to ${formatBytes(got)}, not the ${formatBytes(e.size)} the archive declares`);
  return outBuf;
}
