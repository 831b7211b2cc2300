/**
 * REFI-QDA (QDA-XML 1.0) export and codebook import, for NVivo, ATLAS.ti, MAXQDA and QualCoder.
 *
 *   .qdpx  a zip with `project.qde` (namespace urn:QDA-XML:project:1.0) and the sources in `sources/`:
 *          text documents as <TextSource plainTextPath="internal://<guid>.txt"> (a DOCX with the original file as
 *          its richTextPath="internal://<guid>.docx"); PDFs as <PDFSource
 *          path="internal://<guid>.pdf"> with a <Representation> text source holding our extracted text, to
 *          which the codings refer. Codebook, users, codings (<PlainTextSelection> + <Coding>), notes
 *          (researchers' memos, one per source with its Policy Lens summary, and orphaned codings) and
 *          document variables.
 *   .qdc   a codebook (namespace urn:QDA-XML:codebook:1.0): written by `codebookQdc`, read by `importQdc`.
 *
 * Offsets are Unicode code points over the text file as shipped: UTF-8 without BOM, LF line ends (the
 * canonical text of coding/text.ts), so importers that count in code points (QualCoder) or characters
 * agree. GUIDs are upper case; Policy Lens's own objects get name-based GUIDs, so exporting the same
 * project twice gives the same GUIDs.
 */
import { zipSync, strToU8 } from 'fflate';
import type { SourceFormat } from '../types';
import { anchorQuote } from '../coding/anchor';
import { Code, Codebook, CodeSet, isColor } from '../coding/codebook';
import type { Coding, CodingUser } from '../coding/codings';
import { isGuid, nameGuid, newGuid, normalizeGuid } from '../coding/guid';
import { CanonicalText } from '../coding/text';
import { sha256Hex as sha256 } from '../util/hash';
import { Attrs, parseXml, XmlElement, XmlWriter } from './xml';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface QdpxSource {
  /** Name shown in the QDA tool (usually the file name). */
  name: string;
  /** Where it came from (used for the GUID and the description). */
  file?: string;
  format: SourceFormat;
  /** The analysed text; it is made canonical (no BOM, LF) for the archive. */
  text: string;
  /** PDF sources: the original file, shipped next to its text representation. */
  pdf?: Uint8Array;
  /** DOCX sources: the original file, shipped as the text source's rich text (the codings refer to the plain text). */
  docx?: Uint8Array;
  codings: readonly Coding[];
  description?: string;
  /** A note attached to the source (e.g. its Policy Lens scorecard). */
  note?: string;
  /** Document variables (REFI-QDA <Variables>): numbers become Float, booleans Boolean, the rest Text. */
  variables?: Record<string, string | number | boolean>;
  guid?: string;
}

export interface QdpxProject {
  name: string;
  origin?: string;
  description?: string;
  /** Time stamp of the project (default now). */
  created?: Date | string;
  /** The user who made the export (Project@creatingUserGUID); default the first user or the autocoder. */
  creator?: CodingUser;
  users?: CodingUser[];
  codebook: Codebook;
  sources: readonly QdpxSource[];
  notes?: { name: string; text: string }[];
}

export interface QdpxStats {
  sources: number;
  selections: number;
  codings: number;
  /** Codings whose quote had to be looked up again because the stored position no longer held it. */
  reanchored: number;
  /** Codings that could not be placed in the text: listed in a note instead. */
  orphaned: number;
  notes: number;
  users: number;
  codes: number;
}

export interface QdpxBuild {
  /** project.qde */
  xml: string;
  /** Archive paths (sources/…) → bytes. */
  files: Record<string, Uint8Array>;
  stats: QdpxStats;
  warnings: string[];
}

function isoDate(d: Date | string | undefined): string {
  const t = d === undefined ? new Date() : typeof d === 'string' ? new Date(d) : d;
  return Number.isNaN(t.getTime()) ? new Date().toISOString() : t.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A valid xsd:dateTime or undefined. */
function dateTime(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = new Date(s);
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** xsd:decimal lexical form (no exponent). */
function decimal(n: number): string {
  if (!Number.isFinite(n)) return '0';
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

function guidOr(id: string | undefined, fallbackName: string): string {
  return id && isGuid(id) ? normalizeGuid(id) : nameGuid(fallbackName);
}

function shorten(s: string, n = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  const cps = [...t];
  return cps.length <= n ? t : cps.slice(0, n - 1).join('') + '…';
}

interface Selection {
  guid: string;
  start: number;
  end: number;
  exact: string;
  codings: Coding[];
}

/** Builds project.qde and the source files (everything but the zip). */
export function buildProject(p: QdpxProject): QdpxBuild {
  const warnings: string[] = [];
  const created = isoDate(p.created);
  const files: Record<string, Uint8Array> = {};
  const stats: QdpxStats = { sources: 0, selections: 0, codings: 0, reanchored: 0, orphaned: 0, notes: 0, users: 0, codes: 0 };

  // users: the given ones, then every coding's creator
  const users = new Map<string, CodingUser>();
  const addUser = (u: CodingUser | undefined): string | undefined => {
    if (!u || !isGuid(u.id)) return undefined;
    const id = normalizeGuid(u.id);
    if (!users.has(id)) users.set(id, { id, name: u.name });
    return id;
  };
  for (const u of p.users ?? []) addUser(u);
  const creatorId = addUser(p.creator) ?? [...users.keys()][0];
  for (const s of p.sources) for (const c of s.codings) addUser(c.creator);
  const projectUser = creatorId ?? addUser({ id: nameGuid('user:policy-lens-export'), name: 'Policy Lens' })!;

  // codebook: every code a coding refers to must exist
  const codes = new Map<string, Code>();
  for (const c of p.codebook.codes) {
    if (!isGuid(c.id)) {
      warnings.push(`code «${c.name}» has no valid GUID and was left out`);
      continue;
    }
    codes.set(normalizeGuid(c.id), { ...c, id: normalizeGuid(c.id), parent: c.parent ? normalizeGuid(c.parent) : undefined });
  }
  for (const s of p.sources) {
    for (const c of s.codings) {
      const id = isGuid(c.code) ? normalizeGuid(c.code) : undefined;
      if (id && !codes.has(id)) {
        codes.set(id, { id, name: `Unknown code ${id.slice(0, 8)}`, description: 'A code used by codings but missing from the codebook.' });
        warnings.push(`code ${id} is used by codings but not in the codebook; exported as «Unknown code»`);
      }
    }
  }
  stats.codes = codes.size;

  // notes collected while writing sources
  const notes: { guid: string; name: string; text: string; user?: string; created?: string }[] = [];
  const addNote = (name: string, text: string, key: string, user?: string, when?: string): string => {
    const guid = nameGuid(`note:${key}`);
    notes.push({ guid, name, text, user, created: when });
    return guid;
  };

  // variables
  const varTypes = new Map<string, 'Float' | 'Boolean' | 'Text'>();
  for (const s of p.sources) {
    for (const [k, v] of Object.entries(s.variables ?? {})) {
      const t = typeof v === 'number' ? 'Float' : typeof v === 'boolean' ? 'Boolean' : 'Text';
      const had = varTypes.get(k);
      varTypes.set(k, had && had !== t ? 'Text' : t);
    }
  }
  const varGuid = (name: string) => nameGuid(`variable:${name}`);

  const w = new XmlWriter();
  w.open('Project', {
    xmlns: PROJECT_NS,
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': `${PROJECT_NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`,
    name: p.name,
    origin: p.origin ?? 'Policy Lens',
    creatingUserGUID: projectUser,
    creationDateTime: created,
  });

  // Users (written now; all users are known)
  w.open('Users');
  for (const u of users.values()) w.leaf('User', { guid: u.id, name: u.name });
  w.close();
  stats.users = users.size;

  // CodeBook
  if (codes.size) {
    w.open('CodeBook').open('Codes');
    writeCodes(w, [...codes.values()]);
    w.close().close();
  }

  if (varTypes.size) {
    w.open('Variables');
    for (const [name, type] of varTypes) w.leaf('Variable', { guid: varGuid(name), name, typeOfVariable: type });
    w.close();
  }

  // Sources
  if (p.sources.length) w.open('Sources');
  const usedGuids = new Set<string>();
  for (const s of p.sources) {
    const canon = new CanonicalText(s.text);
    let sourceGuid = guidOr(s.guid, `source:${s.file ?? s.name}:${sha256(canon.text)}`);
    if (usedGuids.has(sourceGuid)) sourceGuid = newGuid();
    usedGuids.add(sourceGuid);
    stats.sources++;

    // place every coding: the stored position if it still holds the quote, else the quote looked up again
    const selections = new Map<string, Selection>();
    const orphans: Coding[] = [];
    for (const c of s.codings) {
      if (!isGuid(c.code)) {
        warnings.push(`${s.name}: a coding has no valid code GUID and was left out`);
        continue;
      }
      const [quote, pos] = c.target.selector;
      const r = anchorQuote(canon, quote, { start: pos.start, end: pos.end });
      if (!r.span || r.status === 'orphaned' || c.anchor?.status === 'orphaned') {
        orphans.push(c);
        continue;
      }
      if (r.status !== 'exact') stats.reanchored++;
      const cp = canon.index.spanToCodePoints(r.span);
      if (cp.end <= cp.start) {
        orphans.push(c);
        continue;
      }
      const key = `${cp.start}:${cp.end}`;
      let sel = selections.get(key);
      if (!sel) {
        sel = { guid: nameGuid(`selection:${sourceGuid}:${key}`), start: cp.start, end: cp.end, exact: canon.text.slice(r.span.start, r.span.end), codings: [] };
        selections.set(key, sel);
      }
      sel.codings.push(c);
    }
    stats.orphaned += orphans.length;

    const sourceNotes: string[] = [];
    if (s.note) sourceNotes.push(addNote(`${s.name}: Policy Lens`, s.note, `source:${sourceGuid}`, projectUser, created));
    if (orphans.length) {
      const text =
        `${orphans.length} coding(s) of ${s.name} could not be placed in the current text (the passage was deleted or ` +
        `changed too much). They are kept here:\n\n` +
        orphans
          .map((c) => `- ${codes.get(normalizeGuid(c.code))?.name ?? c.code}: «${c.target.selector[0].exact}» (was at ${c.target.selector[1].start}–${c.target.selector[1].end})${c.memo ? ` — ${c.memo}` : ''}`)
          .join('\n');
      sourceNotes.push(addNote(`${s.name}: orphaned codings`, text, `orphans:${sourceGuid}`, projectUser, created));
      warnings.push(`${s.name}: ${orphans.length} orphaned coding(s) exported as a note`);
    }

    const writeSourceTail = () => {
      for (const n of sourceNotes) w.leaf('NoteRef', { targetGUID: n });
      for (const [k, v] of Object.entries(s.variables ?? {})) {
        w.open('VariableValue');
        w.leaf('VariableRef', { targetGUID: varGuid(k) });
        const t = varTypes.get(k);
        if (t === 'Float') w.text('FloatValue', decimal(v as number));
        else if (t === 'Boolean') w.text('BooleanValue', String(v));
        else w.text('TextValue', String(v));
        w.close();
      }
    };

    const textBytes = strToU8(canon.text);
    const sorted = [...selections.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    const common: Attrs = { name: s.name, creatingUser: projectUser, creationDateTime: created };
    if (s.format === 'pdf' && s.pdf) {
      const repGuid = nameGuid(`representation:${sourceGuid}`);
      files[`sources/${sourceGuid}.pdf`] = s.pdf;
      files[`sources/${repGuid}.txt`] = textBytes;
      w.open('PDFSource', { guid: sourceGuid, ...common, path: `internal://${sourceGuid}.pdf` });
      if (s.description) w.text('Description', s.description);
      // The codings refer to the text representation (our extracted text), not to regions of the PDF.
      w.open('Representation', {
        guid: repGuid,
        name: `${s.name} (text)`,
        plainTextPath: `internal://${repGuid}.txt`,
        creatingUser: projectUser,
        creationDateTime: created,
      });
      writeSelections(sorted);
      w.close();
      writeSourceTail();
      w.close();
    } else {
      if (s.format === 'pdf') warnings.push(`${s.name}: the PDF itself was not given; exported as a text source`);
      files[`sources/${sourceGuid}.txt`] = textBytes;
      const rich = s.format === 'docx' && s.docx ? { richTextPath: `internal://${sourceGuid}.docx` } : {};
      if (rich.richTextPath) files[`sources/${sourceGuid}.docx`] = s.docx!;
      w.open('TextSource', { guid: sourceGuid, ...common, ...rich, plainTextPath: `internal://${sourceGuid}.txt` });
      if (s.description) w.text('Description', s.description);
      writeSelections(sorted);
      writeSourceTail();
      w.close();
    }

    function writeSelections(sorted: Selection[]) {
      for (const sel of sorted) {
        const first = sel.codings[0];
        w.open('PlainTextSelection', {
          guid: sel.guid,
          name: shorten(sel.exact),
          startPosition: sel.start,
          endPosition: sel.end,
          creatingUser: addUserId(first.creator) ?? projectUser,
          creationDateTime: dateTime(first.created) ?? created,
        });
        const auto = sel.codings.filter((c) => c.origin === 'autocode' && c.memo).map((c) => c.memo!);
        if (auto.length) w.text('Description', auto.join('\n'));
        const noteRefs: string[] = [];
        for (const c of sel.codings) {
          w.open('Coding', {
            guid: guidOr(c.id, `coding:${sel.guid}:${c.code}`),
            creatingUser: addUserId(c.creator) ?? projectUser,
            creationDateTime: dateTime(c.created) ?? created,
          });
          w.leaf('CodeRef', { targetGUID: normalizeGuid(c.code) });
          w.close();
          stats.codings++;
          if (c.memo && c.origin !== 'autocode') {
            noteRefs.push(addNote(`Memo: ${shorten(sel.exact, 40)}`, c.memo, `memo:${c.id}`, addUserId(c.creator) ?? projectUser, dateTime(c.modified ?? c.created)));
          }
        }
        for (const n of noteRefs) w.leaf('NoteRef', { targetGUID: n });
        w.close();
        stats.selections++;
      }
    }
  }
  if (p.sources.length) w.close();

  (p.notes ?? []).forEach((n, i) => addNote(n.name, n.text, `project:${i}:${n.name}`, projectUser, created));
  if (notes.length) {
    w.open('Notes');
    for (const n of notes) {
      w.open('Note', { guid: n.guid, name: n.name, creatingUser: n.user ?? projectUser, creationDateTime: n.created ?? created });
      w.text('PlainTextContent', n.text);
      w.close();
    }
    w.close();
  }
  stats.notes = notes.length;

  const sets = (p.codebook.sets ?? []).filter((s) => isGuid(s.id));
  if (sets.length) {
    w.open('Sets');
    for (const s of sets) {
      w.open('Set', { guid: normalizeGuid(s.id), name: s.name });
      if (s.description) w.text('Description', s.description);
      for (const c of s.codes) if (codes.has(normalizeGuid(c))) w.leaf('MemberCode', { targetGUID: normalizeGuid(c) });
      w.close();
    }
    w.close();
  }
  if (p.description) w.text('Description', p.description);
  w.close();
  return { xml: w.toString(), files, stats, warnings };

  function addUserId(u: CodingUser | undefined): string | undefined {
    return u && isGuid(u.id) ? normalizeGuid(u.id) : undefined;
  }
}

/** Writes the code tree (children nested under their parents; orphans of a missing parent at the top). */
function writeCodes(w: XmlWriter, codes: Code[]): void {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | undefined, Code[]>();
  for (const c of codes) {
    const parent = c.parent && ids.has(c.parent) && c.parent !== c.id ? c.parent : undefined;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  const seen = new Set<string>();
  const write = (c: Code) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    const kids = (children.get(c.id) ?? []).filter((k) => !seen.has(k.id));
    const attrs: Attrs = { guid: c.id, name: c.name, isCodable: c.codable === false ? 'false' : 'true', color: isColor(c.color) ? c.color : undefined };
    if (!c.description && kids.length === 0) {
      w.leaf('Code', attrs);
      return;
    }
    w.open('Code', attrs);
    if (c.description) w.text('Description', c.description);
    for (const k of kids) write(k);
    w.close();
  };
  for (const c of children.get(undefined) ?? []) write(c);
  // codes caught in a parent cycle: write them at the top level
  for (const c of codes) if (!seen.has(c.id)) write({ ...c, parent: undefined });
}

/** The .qdpx archive (a zip: project.qde + sources/). */
export function exportQdpx(p: QdpxProject): { zip: Uint8Array; stats: QdpxStats; warnings: string[]; xml: string } {
  const b = buildProject(p);
  const entries: Record<string, Uint8Array | [Uint8Array, { level: 0 | 6 }]> = { 'project.qde': strToU8(b.xml) };
  for (const [name, data] of Object.entries(b.files)) entries[name] = [data, { level: /\.(pdf|docx)$/.test(name) ? 0 : 6 }];
  const zip = zipSync(entries as Parameters<typeof zipSync>[0], { level: 6 });
  return { zip, stats: b.stats, warnings: b.warnings, xml: b.xml };
}

/** A REFI-QDA codebook (.qdc). */
export function codebookQdc(cb: Codebook, opts: { origin?: string } = {}): string {
  const w = new XmlWriter();
  w.open('CodeBook', {
    xmlns: CODEBOOK_NS,
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': `${CODEBOOK_NS} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd`,
    origin: opts.origin ?? 'Policy Lens',
  });
  w.open('Codes');
  const codes = cb.codes.filter((c) => isGuid(c.id)).map((c) => ({ ...c, id: normalizeGuid(c.id), parent: c.parent ? normalizeGuid(c.parent) : undefined }));
  if (codes.length === 0) throw new Error('A REFI-QDA codebook needs at least one code.');
  writeCodes(w, codes);
  w.close();
  const sets = (cb.sets ?? []).filter((s) => isGuid(s.id));
  if (sets.length) {
    w.open('Sets');
    const ids = new Set(codes.map((c) => c.id));
    for (const s of sets) {
      w.open('Set', { guid: normalizeGuid(s.id), name: s.name });
      if (s.description) w.text('Description', s.description);
      for (const c of s.codes) if (ids.has(normalizeGuid(c))) w.leaf('MemberCode', { guid: normalizeGuid(c) });
      w.close();
    }
    w.close();
  }
  w.close();
  return w.toString();
}

/**
 * Reads a REFI-QDA codebook: a .qdc (<CodeBook> in urn:QDA-XML:codebook:1.0) or the codebook of a
 * project.qde (<Project> in urn:QDA-XML:project:1.0). Codes keep their GUIDs (so codings made in another
 * tool still match); problems that can be repaired (a missing GUID, a bad colour) are warnings.
 */
export function importQdc(xml: string): { codebook: Codebook; warnings: string[] } {
  const root = parseXml(xml);
  const warnings: string[] = [];
  let book: XmlElement | undefined;
  let ns: string;
  if (root.name === 'CodeBook' && root.ns === CODEBOOK_NS) {
    book = root;
    ns = CODEBOOK_NS;
  } else if (root.name === 'Project' && root.ns === PROJECT_NS) {
    book = root.children.find((c) => c.name === 'CodeBook' && c.ns === PROJECT_NS);
    ns = PROJECT_NS;
    if (!book) throw new Error('The project has no codebook.');
  } else {
    throw new Error(`Not a REFI-QDA codebook: the root is <${root.name}>${root.ns ? ` in ${root.ns}` : ' without a namespace'} (expected <CodeBook xmlns="${CODEBOOK_NS}">).`);
  }
  const kids = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name && c.ns === ns);
  const codesEl = kids(book, 'Codes')[0];
  if (!codesEl) throw new Error('The codebook has no <Codes>.');
  const codes: Code[] = [];
  const seen = new Set<string>();
  const read = (e: XmlElement, parent: string | undefined) => {
    const name = (e.attrs.name ?? '').trim();
    let id = e.attrs.guid;
    if (!isGuid(id)) {
      warnings.push(`line ${e.line}: code «${name || '?'}» has ${id ? `an invalid GUID «${id}»` : 'no GUID'}; a new one was made`);
      id = newGuid();
    }
    id = normalizeGuid(id);
    if (seen.has(id)) {
      warnings.push(`line ${e.line}: duplicate code GUID ${id}; a new one was made`);
      id = newGuid();
    }
    seen.add(id);
    const code: Code = { id, name: name || `Code ${codes.length + 1}` };
    if (!name) warnings.push(`line ${e.line}: a code without a name was called «${code.name}»`);
    const color = e.attrs.color;
    if (color !== undefined) {
      if (isColor(color.trim())) code.color = color.trim().toUpperCase();
      else warnings.push(`line ${e.line}: «${color}» is not a colour; left out`);
    }
    const codable = (e.attrs.isCodable ?? 'true').trim();
    if (codable === 'false' || codable === '0') code.codable = false;
    const desc = kids(e, 'Description')[0]?.text.trim();
    if (desc) code.description = desc;
    if (parent) code.parent = parent;
    codes.push(code);
    for (const c of kids(e, 'Code')) read(c, id);
  };
  for (const c of kids(codesEl, 'Code')) read(c, undefined);
  const sets: CodeSet[] = [];
  // a .qdc has <Sets> in its <CodeBook> (the root); a project has them in <Project> (also the root)
  for (const setsEl of kids(root, 'Sets')) {
    for (const s of kids(setsEl, 'Set')) {
      const id = isGuid(s.attrs.guid) ? normalizeGuid(s.attrs.guid) : newGuid();
      const members = kids(s, 'MemberCode')
        .map((m) => m.attrs.guid ?? m.attrs.targetGUID)
        .filter((g): g is string => isGuid(g))
        .map(normalizeGuid)
        .filter((g) => seen.has(g));
      const set: CodeSet = { id, name: s.attrs.name ?? 'Set', codes: members };
      const desc = kids(s, 'Description')[0]?.text.trim();
      if (desc) set.description = desc;
      sets.push(set);
    }
  }
  return { codebook: { format: 'policy-lens-codebook', version: 1, name: book.attrs.origin, codes, ...(sets.length ? { sets } : {}) }, warnings };
}
