/**
 * Resource limits of the readers, checked before the work they guard: a file's size before it is read, a ZIP
 * archive's entry count and each part's declared size and compression ratio before anything is inflated (and the
 * inflated size while inflating, against the size the archive declared), a PDF's page count before its pages are
 * read, the text's size before it is analysed, its sentences as the segmentation finds them (before they are
 * classified).
 *
 * The engine takes them in its options (`ExtractOptions.limits`); it reads no setting, flag or environment
 * variable itself. The adapters map a CLI flag and a VS Code setting to each limit (LIMIT_INFO), and a refusal's
 * message names the file, the limit and both ways to raise it, in one line.
 */
import { ExtractionError } from './types';

export interface Limits {
  /** Largest file read, any format, in MB (2^20 bytes). */
  fileMB: number;
  /** Largest text analysed, in MB: a plain-text file's bytes, the characters extracted from a PDF or DOCX. */
  textMB: number;
  /** Most pages read from a PDF. */
  pdfPages: number;
  /** Most entries in a DOCX (ZIP) archive. */
  zipEntries: number;
  /** Largest uncompressed size of one part read from a DOCX, in MB. */
  zipPartMB: number;
  /** Largest uncompressed size of all the parts read from a DOCX, in MB. */
  zipTotalMB: number;
  /** Highest compression ratio (uncompressed ÷ compressed) of a part larger than 1 MB uncompressed. */
  zipRatio: number;
  /**
   * Most sentences analysed in one document. The memory an analysis keeps grows with its sentences, not its
   * characters: 32 MB of «1. 1. 1. …» is ten million sentences (4.6 GB before Node gave up). Real text has about one
   * sentence per 130 characters: the default lets about 25 MB of prose through (Meld. St. 9, a 660 KB white paper, has
   * 5,130), and 200,000 sentences dense with findings take 6–8 s and 530–580 MB.
   */
  sentences: number;
}

export type LimitName = keyof Limits;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  fileMB: 200,
  textMB: 32,
  pdfPages: 5000,
  zipEntries: 10_000,
  zipPartMB: 128,
  zipTotalMB: 256,
  zipRatio: 100,
  sentences: 200_000,
});

/** A part below this uncompressed size is never refused for its compression ratio (small, repetitive XML is normal). */
export const RATIO_GRACE_BYTES = 1024 * 1024;

/** For each limit: what it is, its unit, the CLI flag and the VS Code setting that raise it. */
export const LIMIT_INFO: Readonly<Record<LimitName, { what: string; unit: string; flag: string; setting: string }>> = {
  fileMB: { what: 'file size', unit: 'MB', flag: '--max-file-mb', setting: 'policyLens.limits.fileMB' },
  textMB: { what: 'text size', unit: 'MB', flag: '--max-text-mb', setting: 'policyLens.limits.textMB' },
  pdfPages: { what: 'PDF pages', unit: 'pages', flag: '--max-pdf-pages', setting: 'policyLens.limits.pdfPages' },
  zipEntries: { what: 'DOCX archive entries', unit: 'entries', flag: '--max-zip-entries', setting: 'policyLens.limits.zipEntries' },
  zipPartMB: { what: 'size of one DOCX part', unit: 'MB', flag: '--max-zip-part-mb', setting: 'policyLens.limits.zipPartMB' },
  zipTotalMB: { what: 'size of the DOCX parts read', unit: 'MB', flag: '--max-zip-total-mb', setting: 'policyLens.limits.zipTotalMB' },
  zipRatio: { what: 'compression ratio of a DOCX part', unit: '×', flag: '--max-zip-ratio', setting: 'policyLens.limits.zipRatio' },
  sentences: { what: 'sentences in one document', unit: 'sentences', flag: '--max-sentences', setting: 'policyLens.limits.sentences' },
};

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as LimitName[];

/** The limits in force: the defaults, with the given ones (positive finite numbers) over them. */
export function resolveLimits(given?: Partial<Limits>): Limits {
  const out: Limits = { ...DEFAULT_LIMITS };
  if (given) {
    for (const k of LIMIT_NAMES) {
      const v = given[k];
      if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[k] = v;
    }
  }
  return out;
}

export const MB = 1024 * 1024;

/**
 * The limits of a reader's options: `limits`, with the older `maxBytes` (bytes) as the file size when
 * `limits.fileMB` is not given.
 */
export function limitsOf(opts: { limits?: Partial<Limits>; maxBytes?: number }): Limits {
  const given = { ...opts.limits };
  if (given.fileMB === undefined && opts.maxBytes !== undefined) given.fileMB = opts.maxBytes / MB;
  return resolveLimits(given);
}

/** «1.5 GB», «64 MB», «812 KB»: a size for a message. */
export function formatBytes(n: number): string {
  if (n >= 1024 * MB) return `${(n / (1024 * MB)).toFixed(1)} GB`;
  if (n >= MB) return `${(n / MB).toFixed(n >= 10 * MB ? 0 : 1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

function formatLimit(name: LimitName, value: number): string {
  const unit = LIMIT_INFO[name].unit;
  // «500,000 sentences», «10,000 entries»; a size as given («0.05 MB»)
  const n = Number.isInteger(value) && value >= 10_000 ? value.toLocaleString('en') : String(value);
  return unit === '×' ? `${n}×` : `${n} ${unit}`;
}

/** A document refused by a resource limit (ExtractionError code `too-large`). */
export class LimitError extends ExtractionError {
  constructor(
    /** The file (or «The DOCX file» when unnamed). */
    readonly label: string,
    /** What is too large: «word/document.xml would inflate to 1.5 GB». */
    readonly what: string,
    readonly limit: LimitName,
    readonly value: number,
    file?: string,
  ) {
    const info = LIMIT_INFO[limit];
    super(
      `${label}: refused: ${what}, over the limit of ${formatLimit(limit, value)} (${info.what}); ` +
        `raise it with ${info.flag} on the command line or the setting ${info.setting} in VS Code.`,
      'too-large',
      file,
    );
    this.name = 'LimitError';
  }
}

/** Refuses a text with more sentences than the limit (found by the segmentation, before they are classified). */
export function tooManySentences(limits: Limits, label: string, file?: string): LimitError {
  return new LimitError(label, `its text has more than ${limits.sentences.toLocaleString('en')} sentences`, 'sentences', limits.sentences, file);
}

/** Refuses a text over the text size limit (its characters counted as bytes), before it is analysed. */
export function checkTextSize(text: string, limits: Limits, label: string, file?: string): void {
  if (text.length > limits.textMB * MB) throw new LimitError(label, `its text is ${formatBytes(text.length)}`, 'textMB', limits.textMB, file);
}
