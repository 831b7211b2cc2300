/**
 * Tiny XML tools for REFI-QDA: an escaping writer, and a small, strict, non-validating parser for reading a
 * codebook (.qdc). No dependency.
 *
 * The parser reads elements, attributes, namespaces (default and prefixed), text, CDATA, comments,
 * processing instructions, the five predefined entities and character references. It refuses a DOCTYPE
 * (no entity expansion, so no «billion laughs» or external entities) and reports malformed input with line
 * and column.
 */

// ───────────────────────────── writing ─────────────────────────────

/** Characters XML 1.0 does not allow at all (removed): C0 controls but TAB/LF/CR, lone surrogates, U+FFFE/F. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripInvalidXml(s: string): string {
  return s.replace(INVALID_XML, '');
}

export function escapeText(s: string): string {
  return stripInvalidXml(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttr(s: string): string {
  return stripInvalidXml(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export type Attrs = Record<string, string | number | boolean | undefined | null>;

function attrs(a: Attrs | undefined): string {
  if (!a) return '';
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null) continue;
    out += ` ${k}="${escapeAttr(String(v))}"`;
  }
  return out;
}

/** An indenting XML writer. Text content is written inline, so no white space is added inside it. */
export class XmlWriter {
  private out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  private stack: string[] = [];

  private indent(): string {
    return '  '.repeat(this.stack.length);
  }

  open(name: string, a?: Attrs): this {
    this.out.push(`${this.indent()}<${name}${attrs(a)}>\n`);
    this.stack.push(name);
    return this;
  }

  close(): this {
    const name = this.stack.pop();
    if (!name) throw new Error('XmlWriter: close() without open()');
    this.out.push(`${this.indent()}</${name}>\n`);
    return this;
  }

  leaf(name: string, a?: Attrs): this {
    this.out.push(`${this.indent()}<${name}${attrs(a)}/>\n`);
    return this;
  }

  text(name: string, content: string, a?: Attrs): this {
    this.out.push(`${this.indent()}<${name}${attrs(a)}>${escapeText(content)}</${name}>\n`);
    return this;
  }

  toString(): string {
    if (this.stack.length) throw new Error(`XmlWriter: unclosed <${this.stack[this.stack.length - 1]}>`);
    return this.out.join('');
  }
}

// ───────────────────────────── parsing ─────────────────────────────

export interface XmlElement {
  /** Local name. */
  name: string;
  /** Namespace URI ('' for none). */
  ns: string;
  /** Attributes by local name (namespaced attributes other than xmlns also by `{uri}local`). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), concatenated. */
  text: string;
  line: number;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${message}`);
    this.name = 'XmlError';
  }
}

const NAME = /[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parses an XML document; returns the root element. */
export function parseXml(src: string): XmlElement {
  if (src.charCodeAt(0) === 0xfeff) src = src.slice(1);
  let pos = 0;
  const where = (p: number) => {
    let line = 1;
    let col = 1;
    for (let i = 0; i < p && i < src.length; i++) {
      if (src.charCodeAt(i) === 10) {
        line++;
        col = 1;
      } else col++;
    }
    return { line, col };
  };
  const fail = (msg: string, p = pos): never => {
    const { line, col } = where(p);
    throw new XmlError(msg, line, col);
  };
  const lineAt = (p: number) => where(p).line;

  const decode = (s: string, at: number): string =>
    s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);|&/g, (m, ref: string | undefined) => {
      if (!ref) return fail('a bare "&" (write &amp;)', at);
      if (ref[0] === '#') {
        const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!Number.isFinite(cp) || cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return fail(`bad character reference ${m}`, at);
        return String.fromCodePoint(cp);
      }
      const e = ENTITIES[ref];
      if (e === undefined) return fail(`unknown entity ${m}`, at);
      return e;
    });

  const skipWs = () => {
    while (pos < src.length && /\s/.test(src[pos])) pos++;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(src);
    if (!m) return fail('a name was expected');
    pos += m[0].length;
    return m[0];
  };
  const skipMisc = () => {
    for (;;) {
      skipWs();
      if (src.startsWith('<?', pos)) {
        const e = src.indexOf('?>', pos);
        if (e < 0) fail('unterminated processing instruction');
        pos = e + 2;
      } else if (src.startsWith('<!--', pos)) {
        const e = src.indexOf('-->', pos + 4);
        if (e < 0) fail('unterminated comment');
        pos = e + 3;
      } else if (src.startsWith('<!DOCTYPE', pos)) {
        fail('DOCTYPE is not allowed');
      } else return;
    }
  };

  type Raw = { qname: string; attrs: [string, string][]; children: Raw[]; text: string; line: number };

  const parseElement = (): Raw => {
    const start = pos;
    if (src[pos] !== '<') fail('"<" expected');
    pos++;
    const qname = readName();
    const at: [string, string][] = [];
    for (;;) {
      const before = pos;
      skipWs();
      if (src.startsWith('/>', pos)) {
        pos += 2;
        return { qname, attrs: at, children: [], text: '', line: lineAt(start) };
      }
      if (src[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail('white space expected before an attribute');
      const an = readName();
      skipWs();
      if (src[pos] !== '=') fail(`"=" expected after ${an}`);
      pos++;
      skipWs();
      const q = src[pos];
      if (q !== '"' && q !== "'") fail('a quoted attribute value was expected');
      const e = src.indexOf(q, pos + 1);
      if (e < 0) fail('unterminated attribute value');
      const raw = src.slice(pos + 1, e);
      if (raw.includes('<')) fail('"<" in an attribute value');
      if (at.some(([n]) => n === an)) fail(`duplicate attribute ${an}`);
      // attribute value normalisation: literal white space characters become spaces
      at.push([an, decode(raw.replace(/[\t\n\r]/g, ' '), pos)]);
      pos = e + 1;
    }
    const el: Raw = { qname, attrs: at, children: [], text: '', line: lineAt(start) };
    for (;;) {
      if (pos >= src.length) fail(`<${qname}> is not closed`, start);
      if (src.startsWith('</', pos)) {
        pos += 2;
        const close = readName();
        if (close !== qname) fail(`</${close}> closes <${qname}>`);
        skipWs();
        if (src[pos] !== '>') fail('">" expected');
        pos++;
        return el;
      }
      if (src.startsWith('<!--', pos)) {
        const e = src.indexOf('-->', pos + 4);
        if (e < 0) fail('unterminated comment');
        pos = e + 3;
      } else if (src.startsWith('<![CDATA[', pos)) {
        const e = src.indexOf(']]>', pos + 9);
        if (e < 0) fail('unterminated CDATA section');
        el.text += src.slice(pos + 9, e);
        pos = e + 3;
      } else if (src.startsWith('<?', pos)) {
        const e = src.indexOf('?>', pos);
        if (e < 0) fail('unterminated processing instruction');
        pos = e + 2;
      } else if (src.startsWith('<!', pos)) {
        fail('markup declarations are not allowed');
      } else if (src[pos] === '<') {
        el.children.push(parseElement());
      } else {
        const e = src.indexOf('<', pos);
        const end = e < 0 ? src.length : e;
        el.text += decode(src.slice(pos, end).replace(/\r\n?/g, '\n'), pos);
        pos = end;
      }
    }
  };

  skipMisc();
  if (pos >= src.length) fail('no root element');
  const root = parseElement();
  skipMisc();
  if (pos < src.length) fail('content after the root element');

  // namespaces
  const resolve = (r: Raw, scope: Map<string, string>): XmlElement => {
    const local = new Map(scope);
    for (const [n, v] of r.attrs) {
      if (n === 'xmlns') local.set('', v);
      else if (n.startsWith('xmlns:')) local.set(n.slice(6), v);
    }
    const split = (q: string): [string, string] => {
      const i = q.indexOf(':');
      return i < 0 ? ['', q] : [q.slice(0, i), q.slice(i + 1)];
    };
    const [prefix, name] = split(r.qname);
    const ns = local.get(prefix);
    if (prefix && ns === undefined) fail(`undeclared namespace prefix "${prefix}"`);
    const attrsOut: Record<string, string> = {};
    for (const [n, v] of r.attrs) {
      if (n === 'xmlns' || n.startsWith('xmlns:')) continue;
      const [p, l] = split(n);
      if (!p) attrsOut[l] = v;
      else {
        const uri = p === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : local.get(p);
        if (uri === undefined) fail(`undeclared namespace prefix "${p}"`);
        attrsOut[`{${uri}}${l}`] = v;
      }
    }
    return { name, ns: ns ?? '', attrs: attrsOut, children: r.children.map((c) => resolve(c, local)), text: r.text, line: r.line };
  };
  return resolve(root, new Map([['', '']]));
}
