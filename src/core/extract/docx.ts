/**
 * DOCX text extraction: unzips the package with fflate and reads the WordprocessingML of the main document
 * part (normally word/document.xml) with a small streaming tag scanner — no XML library.
 *
 *   - each paragraph (w:p) is a block; blocks are separated by a blank line;
 *   - w:t text (XML entities decoded), w:tab → tab, w:br / w:cr → line break, w:noBreakHyphen → «-»;
 *   - list paragraphs (w:numPr on the paragraph or on its style) start with "- ";
 *   - tables: each cell is a block, the paragraphs of one cell are lines of that block;
 *   - text boxes (w:txbxContent) follow the paragraph that anchors them; mc:Fallback copies, deleted text
 *     (w:del), field instructions (w:instrText) and properties are skipped;
 *   - footnotes and endnotes are appended at the end after a blank line.
 *
 * Headings stay plain text. The result has one page. Besides the text, `layout` says how each paragraph is laid
 * out (heading level, list level, table cell, emphasis), for the DOCX viewer; it never changes the text.
 */
import { ExtractedDocument, ExtractionError, LayoutBlock, LayoutCell } from '../types';
import { formatBytes, LimitError, Limits, MB, resolveLimits, tooManySentences } from '../limits';
import { readZip } from './zip';

// made on first use: constructing a decoder costs about a millisecond of every CLI start-up
let decoder: InstanceType<typeof TextDecoder> | undefined;
const utf8 = { decode: (b: Uint8Array): string => (decoder ??= new TextDecoder('utf-8')).decode(b) };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the XML entities of text or an attribute value. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[2] ?? m[3] ?? '') : undefined;
}

/** Elements whose whole content is not document text. */
const SKIP = new Set([
  'w:pPr',
  'w:rPr',
  'w:sectPr',
  'w:tblPr',
  'w:tblGrid',
  'w:trPr',
  'w:tcPr',
  'w:del',
  'w:moveFrom',
  'w:instrText',
  'w:delInstrText',
  'mc:Fallback',
  'w:fldData',
  'wp:docPr',
  'm:oMathPara',
  'm:oMath',
]);

interface Para {
  text: string;
  /** Emphasis of each UTF-16 unit of `text` (1 bold, 2 italic, 4 underline); empty while there is none. */
  flags: number[];
  list: boolean;
  styleList: boolean;
  heading: boolean;
  cell: number;
  /** Layout: the paragraph's style, list level, outline level, alignment and tables. */
  style?: string;
  ilvl?: number;
  outline?: number;
  align?: LayoutBlock['align'];
  cells?: LayoutCell[];
  part?: LayoutBlock['part'];
  /** Paragraphs of text boxes anchored in this paragraph. */
  children: Block[];
}

interface Block {
  text: string;
  /** Table cell the paragraph belongs to (0: none); paragraphs of one cell are joined by a line break. */
  cell: number;
  /** How the paragraph is laid out (offsets relative to `text`). */
  layout: Omit<LayoutBlock, 'start' | 'end'>;
}

/** How a paragraph style looks: bold, italic, font size (half-points), alignment; resolved through basedOn. */
interface Look {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: LayoutBlock['align'];
}

interface StyleInfo {
  /** Style ids whose paragraphs are numbered or bulleted (w:numPr in the style, following basedOn). */
  lists: Set<string>;
  /** Heading style ids (heading n / Overskrift n / Title / Tittel, or an outline level): never list items. */
  headings: Set<string>;
  /** Heading levels of the heading styles: 0 for a title, else 1–9. */
  levels: Map<string, number>;
  looks: Map<string, Look>;
  /** The font size of normal text (half-points): sizes are drawn relative to it. */
  baseSize: number;
}

const ALIGN: Record<string, LayoutBlock['align']> = { center: 'center', right: 'right', end: 'right', both: 'justify', distribute: 'justify' };

/** An on/off property (w:b, w:i): on unless its w:val says 0/false/off. */
function onOff(attrs: string): boolean {
  const v = attr(attrs, 'w:val');
  return v === undefined || !/^(?:0|false|off|none)$/i.test(v);
}

function readStyles(stylesXml: string | undefined): StyleInfo {
  const lists = new Set<string>();
  const headings = new Set<string>();
  const levels = new Map<string, number>();
  const looks = new Map<string, Look>();
  let baseSize = 22;
  if (!stylesXml) return { lists, headings, levels, looks, baseSize };
  const based = new Map<string, string>();
  const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(stylesXml);
  const defSize = defaults && /<w:sz\b([^>]*)\/?>/.exec(defaults[1]);
  if (defSize) baseSize = Number(attr(defSize[1], 'w:val')) || baseSize;
  let normal: string | undefined;
  const re = /<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(stylesXml)) !== null) {
    const id = attr(m[1], 'w:styleId');
    if (!id) continue;
    const body = m[2];
    const nameTag = /<w:name\b([^>]*)\/?>/.exec(body);
    const name = (nameTag && attr(nameTag[1], 'w:val')) ?? '';
    const outline = /<w:outlineLvl\b([^>]*)\/?>/.exec(body);
    if (/^(?:heading \d|title|subtitle)$/i.test(name) || /^(?:overskrift|heading|tittel|title)\d*$/i.test(id) || outline) {
      headings.add(id);
      const n = /(\d)$/.exec(name) ?? /(\d)$/.exec(id);
      const level = outline ? Number(attr(outline[1], 'w:val')) + 1 : n ? Number(n[1]) : /^sub/i.test(name) ? 2 : 0;
      levels.set(id, Number.isFinite(level) ? Math.max(0, Math.min(9, level)) : 1);
    }
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(body);
    if (numPr) {
      const numId = /<w:numId\b([^>]*)\/?>/.exec(numPr[1]);
      if (!numId || attr(numId[1], 'w:val') !== '0') lists.add(id);
    }
    const b = /<w:basedOn\b([^>]*)\/?>/.exec(body);
    const bv = b && attr(b[1], 'w:val');
    if (bv) based.set(id, bv);
    if (/\bw:default="1"/.test(m[1]) && /\bw:type="paragraph"/.test(m[1])) normal = id;
    const look: Look = {};
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(body.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, ''));
    if (rPr) {
      const bold = /<w:b\b([^>]*)\/?>/.exec(rPr[1]);
      if (bold) look.bold = onOff(bold[1]);
      const it = /<w:i\b([^>]*)\/?>/.exec(rPr[1]);
      if (it) look.italic = onOff(it[1]);
      const sz = /<w:sz\b([^>]*)\/?>/.exec(rPr[1]);
      if (sz && Number(attr(sz[1], 'w:val'))) look.size = Number(attr(sz[1], 'w:val'));
    }
    const jc = /<w:pPr>[\s\S]*?<w:jc\b([^>]*)\/?>[\s\S]*?<\/w:pPr>/.exec(body);
    if (jc) look.align = ALIGN[attr(jc[1], 'w:val') ?? ''];
    looks.set(id, look);
  }
  // A style based on a list (heading) style is a list (heading) style too.
  for (const set of [lists, headings]) {
    for (const id of based.keys()) {
      let cur: string | undefined = id;
      for (let depth = 0; cur && depth < 20; depth++) {
        if (set.has(cur)) {
          set.add(id);
          break;
        }
        cur = based.get(cur);
      }
    }
  }
  for (const id of headings) lists.delete(id);
  // Levels and looks inherit through basedOn (the nearest style that says wins).
  const inherited = new Map<string, Look>();
  const lookOf = (id: string, depth = 0): Look => {
    const hit = inherited.get(id);
    if (hit) return hit;
    const own = looks.get(id) ?? {};
    const parent = based.get(id);
    const out = parent && depth < 20 ? { ...lookOf(parent, depth + 1), ...defined(own) } : { ...own };
    inherited.set(id, out);
    return out;
  };
  for (const id of looks.keys()) lookOf(id);
  for (const id of headings) {
    if (levels.has(id)) continue;
    let cur = based.get(id);
    for (let depth = 0; cur && depth < 20 && !levels.has(cur); depth++) cur = based.get(cur);
    levels.set(id, cur !== undefined ? (levels.get(cur) ?? 1) : 1);
  }
  if (normal && inherited.get(normal)?.size) baseSize = inherited.get(normal)!.size!;
  return { lists, headings, levels, looks: inherited, baseSize };
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The layout of a closed paragraph whose raw text (with its emphasis flags) became `text`: the kind, level and
 * marker, the style's look, and the emphasised runs mapped onto `text`. The extraction only drops white space around
 * line breaks and at the ends, and turns a leading bullet into "- " (or puts "- " in front), so the runs are placed
 * by walking both texts side by side.
 */
function layoutOf(p: Para, text: string, styles: StyleInfo): Block['layout'] {
  const out: Block['layout'] = { kind: 'paragraph' };
  const listItem = (p.list || p.styleList) && !p.heading;
  const marker = /^[-•–·▪◦*]\s/u.exec(text);
  if (p.heading) {
    out.kind = 'heading';
    out.level = p.outline !== undefined ? p.outline + 1 : p.style !== undefined ? (styles.levels.get(p.style) ?? 1) : 1;
  } else if (listItem || (marker && /^[\uE000-\uF8FF•▪◦●■➢➤►]/u.test(p.text.trimStart()))) {
    out.kind = 'listItem';
    out.level = Math.max(0, Math.min(8, p.ilvl ?? 0));
    if (marker) out.marker = marker[0].length;
  }
  const look = p.style !== undefined ? styles.looks.get(p.style) : undefined;
  if (look?.bold) out.bold = true;
  if (look?.italic) out.italic = true;
  if (look?.size && out.kind !== 'heading') {
    const scale = Math.round((look.size / styles.baseSize) * 20) / 20;
    if (scale !== 1) out.scale = Math.max(0.6, Math.min(2.5, scale));
  }
  const align = p.align ?? look?.align;
  if (align) out.align = align;
  if (p.cells?.length) out.cells = p.cells;
  if (p.part) out.part = p.part;
  if (p.flags.length) {
    const marks: [number, number, number][] = [];
    const body = out.marker ?? (listItem && text.startsWith('- ') ? 2 : 0);
    let i = 0;
    for (let j = body; j < text.length; j++) {
      const c = text[j];
      while (i < p.text.length && (p.text[i] === '\uF020' ? ' ' : p.text[i]) !== c) i++;
      if (i >= p.text.length) break;
      const f = p.flags[i++] ?? 0;
      const last = marks[marks.length - 1];
      if (!f) continue;
      if (last && last[1] === j && last[2] === f) last[1] = j + 1;
      else marks.push([j, j + 1, f]);
    }
    if (marks.length) out.marks = marks;
  }
  return out;
}

/**
 * Reads the blocks of one WordprocessingML part (document, footnotes, endnotes): its paragraphs, in order. `opts.separate` counts the paragraphs that stand apart in the text (not a
 * further paragraph of the same table cell): each holds a sentence of its own, so more than `opts.maxSeparate` of
 * them is refused (`opts.tooMany`) while reading, before a record is kept for every paragraph of a huge part.
 */
function readPart(
  xml: string,
  styles: StyleInfo,
  opts: { notes?: boolean; separate?: { count: number; lastCell: number }; maxSeparate?: number; tooMany?: () => Error } = {},
): Block[] {
  const blocks: Block[] = [];
  const separate = opts.separate ?? { count: 0, lastCell: 0 };
  const maxSeparate = opts.maxSeparate ?? Infinity;
  const push = (b: Block) => {
    const cell = opts.notes ? 0 : b.cell ?? 0;
    if (!(cell && cell === separate.lastCell)) separate.count++;
    separate.lastCell = cell;
    if (separate.count > maxSeparate && opts.tooMany) throw opts.tooMany();
    blocks.push(b);
  };
  const paras: Para[] = [];
  const cells: number[] = [];
  let cellSeq = 0;
  /** Open tables, outermost first: their number, the current row and column, the column span of the cell. */
  const tables: { table: number; row: number; col: number; span: number }[] = [];
  let tableSeq = 0;
  let skipDepth = 0;
  let skipName = '';
  let inText = 0; // inside w:t
  let inRun = 0;
  let inNumPr = false;
  let inPPr = 0;
  let inRPr = 0;
  let inTcPr = 0;
  /** Emphasis of the current run (1 bold, 2 italic, 4 underline). */
  let runFlags = 0;
  /** Inside a note that is a separator (footnotes.xml / endnotes.xml). */
  let skipNote = false;

  const add = (p: Para, s: string) => {
    // Flags are kept only from the first emphasised character on (most paragraphs have none).
    if (runFlags || p.flags.length) {
      while (p.flags.length < p.text.length) p.flags.push(0);
      for (let k = 0; k < s.length; k++) p.flags.push(runFlags);
    }
    p.text += s;
  };
  const emit = (b: Block, children: Block[]) => {
    if (b.text.trim()) push(b);
    for (const c of children) if (c.text.trim()) push(c);
  };

  const re = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=>\/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const textChunk = m[6] ?? m[5];
    if (textChunk !== undefined) {
      if (inText && !skipDepth && !skipNote && paras.length) {
        add(paras[paras.length - 1], m[6] !== undefined ? decodeXml(textChunk) : textChunk);
      }
      continue;
    }
    const name = m[2];
    if (!name) continue;
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    const attrs = m[3] ?? '';
    /** The depth inside an element of this name after this tag. */
    const nest = (depth: number) => (closing ? Math.max(0, depth - 1) : selfClosing ? depth : depth + 1);

    // Paragraph properties are skipped for text, but list numbering and style are read from them.
    if (name === 'w:pPr') {
      inPPr = nest(inPPr);
      continue;
    }
    if (inPPr) {
      const p = paras[paras.length - 1];
      if (!p) continue;
      if (name === 'w:numPr') inNumPr = !closing && !selfClosing;
      else if (name === 'w:numId' && inNumPr && !closing) p.list = attr(attrs, 'w:val') !== '0';
      else if (name === 'w:ilvl' && inNumPr && !closing) p.ilvl = Number(attr(attrs, 'w:val')) || 0;
      else if (name === 'w:pStyle' && !closing) {
        const style = attr(attrs, 'w:val') ?? '';
        p.style = style;
        p.styleList = styles.lists.has(style);
        p.heading = styles.headings.has(style);
      } else if (name === 'w:outlineLvl' && !closing) {
        p.heading = true;
        const lvl = Number(attr(attrs, 'w:val'));
        if (Number.isFinite(lvl)) p.outline = Math.max(0, Math.min(8, lvl));
      } else if (name === 'w:jc' && !closing && !inRPr) p.align = ALIGN[attr(attrs, 'w:val') ?? ''];
      continue;
    }

    if (skipDepth) {
      if (name === skipName) {
        if (closing) skipDepth--;
        else if (!selfClosing) skipDepth++;
      }
      continue;
    }
    // Run properties are not text; a run's emphasis is read from them.
    if (name === 'w:rPr') {
      inRPr = nest(inRPr);
      continue;
    }
    if (inRPr) {
      if (!closing && inRun) {
        const bit = name === 'w:b' ? 1 : name === 'w:i' ? 2 : name === 'w:u' ? 4 : 0;
        if (name === 'w:rStyle') {
          // A character style («kursiv», «Strong»): its emphasis, before the run's own properties.
          const look = styles.looks.get(attr(attrs, 'w:val') ?? '');
          if (look?.bold) runFlags |= 1;
          if (look?.italic) runFlags |= 2;
        } else if (bit) {
          const on = name === 'w:u' ? (attr(attrs, 'w:val') ?? 'single') !== 'none' : onOff(attrs);
          runFlags = on ? runFlags | bit : runFlags & ~bit;
        }
      }
      continue;
    }
    // Cell properties are not text; the columns a cell spans are read from them.
    if (name === 'w:tcPr') {
      inTcPr = nest(inTcPr);
      continue;
    }
    if (inTcPr) {
      if (name === 'w:gridSpan' && !closing && tables.length) {
        const n = Number(attr(attrs, 'w:val'));
        if (Number.isInteger(n) && n > 1) tables[tables.length - 1].span = Math.min(n, 64);
      }
      continue;
    }
    if (!closing && !selfClosing && SKIP.has(name)) {
      skipDepth = 1;
      skipName = name;
      continue;
    }

    switch (name) {
      case 'w:footnote':
      case 'w:endnote':
        if (opts.notes && !closing) {
          const type = attr(attrs, 'w:type');
          skipNote = !!type && type !== 'normal';
        }
        if (closing) skipNote = false;
        break;
      case 'w:p':
        if (closing) {
          const p = paras.pop();
          if (!p) break;
          let text = p.text.replace(/[ \t]+\n/g, '\n').replace(/\n[ \t]+/g, '\n').trim();
          // A bullet typed by hand (a Symbol/Wingdings character, «•») becomes "- " too.
          // (U+F020 is the space of a symbol font.)
          text = text.replace(/\uF020/g, ' ').replace(/^(?:[\uE000-\uF8FF•▪◦●■➢➤►]\s*)+/u, '- ');
          if (text && (p.list || p.styleList) && !p.heading && !/^[-•–·▪◦*]\s/u.test(text)) text = `- ${text}`;
          const block = { text, cell: p.cell, layout: layoutOf(p, text, styles) };
          const parent = paras[paras.length - 1];
          if (parent) parent.children.push(block, ...p.children);
          else emit(block, p.children);
        } else if (selfClosing) {
          // An empty paragraph.
        } else {
          paras.push({
            text: '',
            flags: [],
            list: false,
            styleList: false,
            heading: false,
            cell: cells[cells.length - 1] ?? 0,
            cells: tables.length ? tables.map(({ table, row, col, span }) => (span > 1 ? { table, row, col, span } : { table, row, col })) : undefined,
            part: opts.notes ? 'note' : paras.length ? 'textbox' : undefined,
            children: [],
          });
        }
        break;
      case 'w:tbl':
        if (closing) tables.pop();
        else if (!selfClosing) tables.push({ table: ++tableSeq, row: -1, col: -1, span: 1 });
        break;
      case 'w:tr':
        if (!closing && !selfClosing && tables.length) {
          const t = tables[tables.length - 1];
          t.row++;
          t.col = -1;
          t.span = 1;
        }
        break;
      case 'w:tc':
        if (closing) cells.pop();
        else if (!selfClosing) {
          cells.push(++cellSeq);
          const t = tables[tables.length - 1];
          if (t) {
            t.col += t.span;
            t.span = 1;
          }
        }
        break;
      case 'w:r':
        if (closing) inRun = Math.max(0, inRun - 1);
        else if (!selfClosing) {
          inRun++;
          runFlags = 0;
        }
        break;
      case 'w:t':
        if (closing) inText = Math.max(0, inText - 1);
        else if (!selfClosing) inText++;
        break;
      case 'w:tab':
        if (inRun && paras.length) add(paras[paras.length - 1], '\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (inRun && paras.length && !closing) add(paras[paras.length - 1], '\n');
        break;
      case 'w:sym': {
        // A Symbol/Wingdings character (mostly bullets), kept as its private-use code point.
        const code = parseInt(attr(attrs, 'w:char') ?? '', 16);
        if (inRun && paras.length && Number.isFinite(code)) add(paras[paras.length - 1], String.fromCodePoint(code));
        break;
      }
      case 'w:noBreakHyphen':
        if (inRun && paras.length) add(paras[paras.length - 1], '-');
        break;
      default:
        break;
    }
  }
  // Unclosed paragraphs (a truncated part): keep what was read.
  while (paras.length) {
    const p = paras.pop()!;
    const text = p.text.trim();
    emit({ text, cell: p.cell, layout: layoutOf(p, text, styles) }, p.children);
  }
  return blocks;
}

/** The blocks' text (paragraphs separated by a blank line, those of one table cell by a line break) and layout. */
function joinBlocks(blocks: Block[]): { text: string; layout: LayoutBlock[] } {
  let out = '';
  const layout: LayoutBlock[] = [];
  blocks.forEach((b, i) => {
    if (i > 0) out += b.cell && b.cell === blocks[i - 1].cell ? '\n' : '\n\n';
    const start = out.length;
    out += b.text;
    const l: LayoutBlock = { start, end: out.length, ...b.layout };
    if (l.marks) l.marks = l.marks.map(([s, e, f]) => [s + start, e + start, f]);
    layout.push(l);
  });
  return { text: out, layout };
}

/** The main document part from _rels/.rels (normally word/document.xml). */
function mainPartName(files: Record<string, Uint8Array>): string {
  const rels = files['_rels/.rels'];
  if (rels) {
    const xml = utf8.decode(rels);
    const re = /<Relationship\b([^>]*)\/?>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml)) !== null) {
      const type = attr(m[1], 'Type') ?? '';
      const target = attr(m[1], 'Target');
      if (target && /\/officeDocument$/.test(type)) return target.replace(/^\//, '');
    }
  }
  return 'word/document.xml';
}

function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5 || data[2] === 7);
}

function isOle(data: Uint8Array): boolean {
  return data.length >= 8 && data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0;
}

/**
 * Extracts the text of a DOCX file; throws ExtractionError with a message meant for the user. The archive is read
 * by zip.ts, which checks it against `opts.limits` before inflating anything; the text is checked against
 * `limits.textMB`, its paragraphs (while they are read) against `limits.sentences`.
 */
export function extractDocx(data: Uint8Array, opts: { file?: string; limits?: Partial<Limits> } = {}): ExtractedDocument {
  const file = opts.file;
  const label = file ?? 'The DOCX file';
  if (isOle(data)) {
    throw new ExtractionError(
      `${label} is an old binary Word (.doc) file or an encrypted document, not a DOCX; save it as .docx without a password.`,
      'unsupported',
      file,
    );
  }
  if (!isZip(data)) throw new ExtractionError(`${label} is not a DOCX file (not a ZIP package).`, 'corrupt', file);
  const limits = resolveLimits(opts.limits);
  // Only the XML parts that carry text; media and fonts are not inflated.
  const files = readZip(data, {
    limits,
    file,
    filter: (name) => name === '_rels/.rels' || (/^word\/[^/]+\.xml$/.test(name) && !/^word\/(?:fontTable|theme|settings|webSettings|numbering)/.test(name)),
  });
  const main = mainPartName(files);
  const doc = files[main] ?? files['word/document.xml'];
  if (!doc) throw new ExtractionError(`${label} is damaged or not a Word document: ${main} is missing.`, 'corrupt', file);
  const warnings: string[] = [];
  const styles = readStyles(files['word/styles.xml'] ? utf8.decode(files['word/styles.xml']) : undefined);
  const xml = utf8.decode(doc);
  if (!/<w:body\b/.test(xml)) {
    throw new ExtractionError(`${label} is damaged: ${main} has no document body.`, 'corrupt', file);
  }
  // every paragraph that stands apart holds a sentence: more than the sentence limit is refused while reading
  const count = { separate: { count: 0, lastCell: 0 }, maxSeparate: limits.sentences, tooMany: () => tooManySentences(limits, label, file) };
  const blocks = readPart(xml, styles, count);
  for (const part of ['word/footnotes.xml', 'word/endnotes.xml']) {
    const bytes = files[part];
    // (pushed one by one: a spread of a long array overflows the call stack)
    if (bytes) for (const b of readPart(utf8.decode(bytes), styles, { notes: true, ...count })) blocks.push({ ...b, cell: 0 });
  }
  const { text, layout } = joinBlocks(blocks);
  if (text.length > limits.textMB * MB) {
    throw new LimitError(label, `its text is ${formatBytes(text.length)}`, 'textMB', limits.textMB, file);
  }
  if (!text.trim()) warnings.push(`${label} contains no text.`);
  return {
    text,
    format: 'docx',
    pages: 1,
    pageSpans: [{ page: 1, start: 0, end: text.length }],
    excluded: [],
    layout,
    warnings,
  };
}
