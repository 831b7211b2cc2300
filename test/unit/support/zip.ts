/**
 * Test helpers: ZIP archives written byte by byte (so a test can make one lie about its sizes), and DEFLATE streams
 * of zeros of any length, built without inflating them: a zip bomb is generated in the test, never committed.
 */
import * as zlib from 'zlib';

export interface RawEntry {
  name: string;
  /** The bytes stored in the archive (compressed when method is 8). */
  data: Uint8Array;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** The uncompressed size written in the headers (may lie). */
  size: number;
}

function u16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}

function u32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

/** A ZIP archive of the entries as given (CRC-32 written as 0: the reader under test does not check it). */
export function writeZip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.from([
      ...u32(0x04034b50), ...u16(20), ...u16(0x800), ...u16(e.method), ...u16(0), ...u16(0x21),
      ...u32(0), ...u32(e.data.length), ...u32(e.size), ...u16(name.length), ...u16(0),
    ]);
    parts.push(local, name, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength));
    central.push(
      Buffer.from([
        ...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0x800), ...u16(e.method), ...u16(0), ...u16(0x21),
        ...u32(0), ...u32(e.data.length), ...u32(e.size), ...u16(name.length), ...u16(0), ...u16(0),
        ...u16(0), ...u16(0), ...u32(0), ...u32(offset),
      ]),
      name,
    );
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.from([
    ...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length),
    ...u32(cd.length), ...u32(offset), ...u16(0),
  ]);
  return Buffer.concat([...parts, cd, eocd]);
}

/**
 * A raw DEFLATE stream that inflates to `blocks` × 16 MB of zeros, about 16 KB per 16 MB (the format's limit is
 * ~1032:1). One 16 MB run is compressed with a sync flush (non-final blocks ending on a byte boundary), repeated —
 * its back-references only ever see zeros — and closed by an empty final block.
 */
export function deflatedZeros(blocks: number): { data: Buffer; size: number } {
  const block = 16 * 1024 * 1024;
  const run = zlib.deflateRawSync(Buffer.alloc(block), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return { data: Buffer.concat([...new Array<Buffer>(blocks).fill(run), finalEmptyBlock]), size: blocks * block };
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const RELS =
  '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

/** A DOCX whose word/document.xml is `doc` (content types and relationships stored around it). */
export function docxWith(doc: RawEntry): Buffer {
  const stored = (name: string, text: string): RawEntry => {
    const data = Buffer.from(text, 'utf8');
    return { name, data, method: 0, size: data.length };
  };
  return writeZip([stored('[Content_Types].xml', CONTENT_TYPES), stored('_rels/.rels', RELS), doc]);
}

/**
 * The zip bomb of the issue: a 1.5 MB DOCX whose word/document.xml inflates to 1.5 GB. With `declare` its headers
 * state another uncompressed size (a crafted archive that lies); by default they tell the truth.
 */
export function zipBombDocx(declare?: number): { bytes: Buffer; inflated: number } {
  const { data, size } = deflatedZeros(96);
  return { bytes: docxWith({ name: 'word/document.xml', data, method: 8, size: declare ?? size }), inflated: size };
}
