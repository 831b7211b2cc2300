/**
 * The audit cache: one JSON file per document (named by a hash of its absolute path) holding the row and
 * what it was computed from: the SHA-256 of the file's bytes, the engine fingerprint and the lexicon
 * fingerprint. An entry is used only when all three match; anything else (a changed file, another engine,
 * another lexicon, a truncated or foreign file) is a miss, and the entry is rewritten after the analysis.
 * Files are written atomically (a temporary file in the same folder, then rename), so a reader never sees a
 * half-written entry and two processes auditing the same folder at once cannot corrupt it.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { AuditRow, isAuditRow } from './row';
import { nodeCrypto } from './builtins';

export const CACHE_MAGIC = 'policy-lens-audit-cache';

/** A failure that depends only on the file's bytes (an encrypted or corrupt PDF …): cached like a row. */
export interface CachedFailure {
  message: string;
  code: string;
}

export interface CacheEntry {
  format: typeof CACHE_MAGIC;
  version: 1;
  /** Absolute path of the document when the entry was written. */
  file: string;
  sha256: string;
  engine: string;
  lexicon: string;
  size: number;
  written: string;
  row?: AuditRow;
  failure?: CachedFailure;
}

export type CacheLookup =
  | { kind: 'hit'; entry: CacheEntry }
  | { kind: 'miss'; reason: 'absent' | 'changed' | 'engine' | 'lexicon' }
  | { kind: 'corrupt'; reason: string };

/** SHA-256 (hex) of bytes. */
export function sha256(data: Uint8Array | string): string {
  return nodeCrypto().createHash('sha256').update(data).digest('hex');
}

/** Writes `data` to `file` atomically: a temporary file next to it, then rename. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fsp.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  try {
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, file);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

export class AuditCache {
  constructor(
    readonly dir: string,
    readonly engine: string,
    readonly lexicon: string,
  ) {}

  /** The cache file of a document. */
  pathFor(file: string): string {
    return path.join(this.dir, sha256(path.resolve(file)).slice(0, 40) + '.json');
  }

  async lookup(file: string, hash: string): Promise<CacheLookup> {
    let text: string;
    try {
      text = await fsp.readFile(this.pathFor(file), 'utf8');
    } catch {
      return { kind: 'miss', reason: 'absent' };
    }
    let entry: CacheEntry;
    try {
      entry = JSON.parse(text) as CacheEntry;
    } catch (e) {
      return { kind: 'corrupt', reason: `not JSON (${(e as Error).message})` };
    }
    if (!entry || typeof entry !== 'object' || entry.format !== CACHE_MAGIC || entry.version !== 1) {
      return { kind: 'corrupt', reason: 'not a Policy Lens audit cache entry' };
    }
    if (typeof entry.sha256 !== 'string' || typeof entry.engine !== 'string' || typeof entry.lexicon !== 'string') {
      return { kind: 'corrupt', reason: 'missing fingerprints' };
    }
    if (entry.row !== undefined ? !isAuditRow(entry.row) : !entry.failure || typeof entry.failure.message !== 'string') {
      return { kind: 'corrupt', reason: 'no valid row' };
    }
    if (entry.sha256 !== hash) return { kind: 'miss', reason: 'changed' };
    if (entry.engine !== this.engine) return { kind: 'miss', reason: 'engine' };
    if (entry.lexicon !== this.lexicon) return { kind: 'miss', reason: 'lexicon' };
    return { kind: 'hit', entry };
  }

  async store(file: string, hash: string, size: number, result: { row?: AuditRow; failure?: CachedFailure }): Promise<void> {
    const entry: CacheEntry = {
      format: CACHE_MAGIC,
      version: 1,
      file: path.resolve(file),
      sha256: hash,
      engine: this.engine,
      lexicon: this.lexicon,
      size,
      written: new Date().toISOString(),
      ...(result.row ? { row: result.row } : { failure: result.failure }),
    };
    await writeFileAtomic(this.pathFor(file), JSON.stringify(entry));
  }
}
