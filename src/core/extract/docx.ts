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
 * Headings stay plain text. The result has one page.
 */
import { ExtractedDocument, ExtractionError } from '../types';
import { formatBytes, LimitError, Limits, MB, resolveLimits } from '../limits';
import { readZip } from './zip';

const utf8 = new TextDecoder('utf-8');

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
  list: boolean;
  styleList: boolean;
  heading: boolean;
  cell: number;
  /** Paragraphs of text boxes anchored in this paragraph. */
  children: Block[];
}

interface Block {
  text: string;
  /** Table cell the paragraph belongs to (0: none); paragraphs of one cell are joined by a line break. */
  cell: number;
}

interface StyleInfo {
  /** Style ids whose paragraphs are numbered or bulleted (w:numPr in the style, following basedOn). */
  lists: Set<string>;
  /** Heading style ids (heading n / Overskrift n / Title / Tittel, or an outline level): never list items. */
  headings: Set<string>;
}

function readStyles(stylesXml: string | undefined): StyleInfo {
  const lists = new Set<string>();
  const headings = new Set<string>();
  if (!stylesXml) return { lists, headings };
  const based = new Map<string, string>();
  const re = /<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(stylesXml)) !== null) {
    const id = attr(m[1], 'w:styleId');
    if (!id) continue;
    const body = m[2];
    const nameTag = /<w:name\b([^>]*)\/?>/.exec(body);
    const name = (nameTag && attr(nameTag[1], 'w:val')) ?? '';
    if (/^(?:heading \d|title|subtitle)$/i.test(name) || /^(?:overskrift|heading|tittel|title)\d*$/i.test(id) || /<w:outlineLvl\b/.test(body)) {
      headings.add(id);
    }
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(body);
    if (numPr) {
      const numId = /<w:numId\b([^>]*)\/?>/.exec(numPr[1]);
      if (!numId || attr(numId[1], 'w:val') !== '0') lists.add(id);
    }
    const b = /<w:basedOn\b([^>]*)\/?>/.exec(body);
    const bv = b && attr(b[1], 'w:val');
    if (bv) based.set(id, bv);
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
  return { lists, headings };
}

/** Reads the blocks of one WordprocessingML part (document, footnotes, endnotes). */
function readPart(xml: string, styles: StyleInfo, opts: { notes?: boolean } = {}): Block[] {
  const blocks: Block[] = [];
  const paras: Para[] = [];
  const cells: number[] = [];
  let cellSeq = 0;
  let skipDepth = 0;
  let skipName = '';
  let inText = 0; // inside w:t
  let inRun = 0;
  let inNumPr = false;
  let inPPr = 0;
  /** Inside a note that is a separator (footnotes.xml / endnotes.xml). */
  let skipNote = false;

  const emit = (b: Block, children: Block[]) => {
    if (b.text.trim()) blocks.push(b);
    for (const c of children) if (c.text.trim()) blocks.push(c);
  };

  const re = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=>\/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const textChunk = m[6] ?? m[5];
    if (textChunk !== undefined) {
      if (inText && !skipDepth && !skipNote && paras.length) {
        paras[paras.length - 1].text += m[6] !== undefined ? decodeXml(textChunk) : textChunk;
      }
      continue;
    }
    const name = m[2];
    if (!name) continue;
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    const attrs = m[3] ?? '';

    // Paragraph properties are skipped for text, but list numbering and style are read from them.
    if (name === 'w:pPr') {
      if (!closing && !selfClosing) inPPr++;
      else if (closing) inPPr = Math.max(0, inPPr - 1);
      continue;
    }
    if (inPPr) {
      const p = paras[paras.length - 1];
      if (!p) continue;
      if (name === 'w:numPr') inNumPr = !closing && !selfClosing;
      else if (name === 'w:numId' && inNumPr && !closing) p.list = attr(attrs, 'w:val') !== '0';
      else if (name === 'w:pStyle' && !closing) {
        const style = attr(attrs, 'w:val') ?? '';
        p.styleList = styles.lists.has(style);
        p.heading = styles.headings.has(style);
      } else if (name === 'w:outlineLvl' && !closing) p.heading = true;
      continue;
    }

    if (skipDepth) {
      if (name === skipName) {
        if (closing) skipDepth--;
        else if (!selfClosing) skipDepth++;
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
          const block = { text, cell: p.cell };
          const parent = paras[paras.length - 1];
          if (parent) parent.children.push(block, ...p.children);
          else emit(block, p.children);
        } else if (selfClosing) {
          // An empty paragraph.
        } else {
          paras.push({ text: '', list: false, styleList: false, heading: false, cell: cells[cells.length - 1] ?? 0, children: [] });
        }
        break;
      case 'w:tc':
        if (closing) cells.pop();
        else if (!selfClosing) cells.push(++cellSeq);
        break;
      case 'w:r':
        if (closing) inRun = Math.max(0, inRun - 1);
        else if (!selfClosing) inRun++;
        break;
      case 'w:t':
        if (closing) inText = Math.max(0, inText - 1);
        else if (!selfClosing) inText++;
        break;
      case 'w:tab':
        if (inRun && paras.length) paras[paras.length - 1].text += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (inRun && paras.length && !closing) paras[paras.length - 1].text += '\n';
        break;
      case 'w:sym': {
        // A Symbol/Wingdings character (mostly bullets), kept as its private-use code point.
        const code = parseInt(attr(attrs, 'w:char') ?? '', 16);
        if (inRun && paras.length && Number.isFinite(code)) paras[paras.length - 1].text += String.fromCodePoint(code);
        break;
      }
      case 'w:noBreakHyphen':
        if (inRun && paras.length) paras[paras.length - 1].text += '-';
        break;
      default:
        break;
    }
  }
  // Unclosed paragraphs (a truncated part): keep what was read.
  while (paras.length) {
    const p = paras.pop()!;
    emit({ text: p.text.trim(), cell: p.cell }, p.children);
  }
  return blocks;
}

function joinBlocks(blocks: Block[]): string {
  let out = '';
  blocks.forEach((b, i) => {
    if (i > 0) out += b.cell && b.cell === blocks[i - 1].cell ? '\n' : '\n\n';
    out += b.text;
  });
  return out;
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
 * `limits.textMB`.
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
  const blocks = readPart(xml, styles);
  for (const part of ['word/footnotes.xml', 'word/endnotes.xml']) {
    const bytes = files[part];
    if (bytes) blocks.push(...readPart(utf8.decode(bytes), styles, { notes: true }).map((b) => ({ ...b, cell: 0 })));
  }
  const text = joinBlocks(blocks);
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
    warnings,
  };
}
