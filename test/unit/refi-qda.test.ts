import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import {
  addCode,
  autocode,
  AUTOCODER,
  buildProject,
  CanonicalText,
  categoryCode,
  codebookQdc,
  Codebook,
  createCoding,
  defaultCodebook,
  escapeAttr,
  escapeText,
  exportQdpx,
  importQdc,
  loadDocument,
  nameGuid,
  parseXml,
  XmlElement,
  XmlWriter,
} from '../../src/core/workspace';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIX = path.join(ROOT, 'test', 'fixtures', 'refi-qda');
const PROJECT_XSD = path.join(FIX, 'Project.xsd');
const CODEBOOK_XSD = path.join(FIX, 'Codebook.xsd');
const PDF = path.join(ROOT, 'samples', 'ks_storbynettverk_innspill_2026.pdf');
const CREATED = '2026-05-04T10:00:00Z';
const ADA = { id: nameGuid('user:ada'), name: 'Ada Forsker' };

const hasXmllint = !spawnSync('xmllint', ['--version']).error;
let tmp: string;

const NO_XMLLINT = '(xmllint not found — Debian: apt-get install libxml2-utils — so the XSD validation is skipped)';

/**
 * Validates XML against an XSD with xmllint. Without xmllint the validation is skipped with a message (the
 * test's other checks still run); `required` skips the whole test instead.
 */
function validate(ctx: Mocha.Context, xml: string, xsd: string, required = false): void {
  if (!hasXmllint) {
    console.log(`      ${NO_XMLLINT}`);
    if (required) ctx.skip();
    return;
  }
  const file = path.join(tmp, `v-${Math.random().toString(36).slice(2)}.xml`);
  fs.writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, `xmllint: ${r.stderr}`);
}

function all(e: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (x: XmlElement) => {
    if (x.name === name) out.push(x);
    x.children.forEach(walk);
  };
  walk(e);
  return out;
}

function unzip(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

describe('REFI-QDA export and codebook import', function () {
  this.timeout(60_000);
  before(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-refi-'));
  });
  after(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the schema check is real: the REFI example validates, a copy without a required GUID does not', function () {
    const example = fs.readFileSync(path.join(FIX, 'examples', 'project.qde'), 'utf8');
    validate(this, example, PROJECT_XSD, true);
    validate(this, fs.readFileSync(path.join(FIX, 'examples', 'codebook.qdc'), 'utf8'), CODEBOOK_XSD, true);
    const broken = example.replace(' guid="40B11833-50C8-41F4-8A07-2FE961413D0C" name="Ada Coder"', ' name="Ada Coder"');
    assert.throws(() => validate(this, broken, PROJECT_XSD), /guid/);
  });

  it('writes a text project: valid project.qde, UTF-8 text without BOM and CR, positions in code points («æøå» and an emoji)', function () {
    const raw = '\uFEFFStrategi for bydelene 🚀\r\nBydelene skal samskape løsninger med innbyggerne på Grünerløkka.\r\nØkonomi: øremerkede midler til innovasjon i bydelene 👍.\r\n';
    const canon = new CanonicalText(raw);
    const quote = 'samskape løsninger med innbyggerne';
    const econ = 'øremerkede midler til innovasjon';
    let cb: Codebook = defaultCodebook();
    const added = addCode(cb, { name: 'Samskaping i praksis', color: '#123ABC', parent: categoryCode(cb, 'cocreation')!.id, description: 'Konkret «samskaping» & <praksis>' });
    cb = added.codebook;
    const promoterEconomy = cb.codes.find((c) => c.key === 'study:economy:promoter')!;
    const codings = [
      createCoding(canon, { start: raw.indexOf(quote), end: raw.indexOf(quote) + quote.length }, { code: added.code.id, source: 'strategi.md', creator: ADA, memo: 'Sentral «samskaping» — men hvem gjør det?', created: CREATED }),
      createCoding(canon, { start: raw.indexOf(econ), end: raw.indexOf(econ) + econ.length }, { code: promoterEconomy.id, source: 'strategi.md', creator: ADA, created: CREATED }),
      // a second code on the same passage shares the selection
      createCoding(canon, { start: raw.indexOf(econ), end: raw.indexOf(econ) + econ.length }, { code: categoryCode(cb, 'innovation')!.id, source: 'strategi.md', creator: AUTOCODER, origin: 'autocode', memo: 'Autocoded (match): «innovasjon»', created: CREATED }),
    ];
    // an orphaned coding (its passage is gone): exported as a note, never as a wrong selection
    const orphan = { ...createCoding(new CanonicalText('Dette avsnittet er slettet fra strategien.'), { start: 6, end: 16 }, { code: promoterEconomy.id, source: 'strategi.md', creator: ADA, created: CREATED }), anchor: { status: 'orphaned' as const, similarity: 0, checked: CREATED } };
    const res = exportQdpx({
      name: 'Strategi & brev',
      created: CREATED,
      users: [ADA],
      codebook: cb,
      sources: [{ name: 'strategi.md', file: 'strategi.md', format: 'md', text: raw, codings: [...codings, orphan], note: 'Policy Lens: score +12', variables: { 'Policy Lens score': 12.5, 'Policy Lens label': 'enabling', Reviewed: true } }],
      notes: [{ name: 'Om prosjektet', text: 'Eksportert i en test.' }],
    });
    const files = unzip(res.zip);
    assert.deepStrictEqual(Object.keys(files).sort().filter((f) => !f.startsWith('sources/')), ['project.qde']);
    const xml = strFromU8(files['project.qde']);
    validate(this, xml, PROJECT_XSD);

    const root = parseXml(xml);
    assert.strictEqual(root.ns, 'urn:QDA-XML:project:1.0');
    // every descendant inherits the namespace (no xmlns="")
    assert.ok(all(root, 'PlainTextSelection').every((e) => e.ns === 'urn:QDA-XML:project:1.0'));
    assert.ok(!xml.includes('xmlns=""'));
    const src = all(root, 'TextSource')[0];
    assert.match(src.attrs.plainTextPath, /^internal:\/\/[0-9A-F-]{36}\.txt$/);
    const txtPath = `sources/${src.attrs.plainTextPath.slice('internal://'.length)}`;
    const bytes = files[txtPath];
    assert.ok(bytes, txtPath);
    assert.notDeepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no BOM');
    const text = strFromU8(bytes);
    assert.ok(!text.includes('\r'), 'LF only');
    assert.strictEqual(text, canon.text);
    const cps = [...text];

    const sels = all(src, 'PlainTextSelection');
    assert.strictEqual(sels.length, 2);
    for (const [sel, exact] of [
      [sels[0], quote],
      [sels[1], econ],
    ] as const) {
      const start = Number(sel.attrs.startPosition);
      const end = Number(sel.attrs.endPosition);
      assert.strictEqual(cps.slice(start, end).join(''), exact);
      // the emoji before it makes code points and UTF-16 differ: the export counts code points
      assert.strictEqual(start, text.indexOf(exact) - 1);
    }
    assert.strictEqual(all(sels[1], 'Coding').length, 2);
    assert.strictEqual(all(sels[1], 'Description')[0].text, 'Autocoded (match): «innovasjon»');
    // the researcher's memo is a note, referenced from her selection
    const notes = all(root, 'Note');
    const memoRef = all(sels[0], 'NoteRef')[0].attrs.targetGUID;
    assert.strictEqual(all(notes.find((n) => n.attrs.guid === memoRef)!, 'PlainTextContent')[0].text, 'Sentral «samskaping» — men hvem gjør det?');
    const orphanNote = notes.find((n) => /orphaned/.test(n.attrs.name))!;
    assert.match(all(orphanNote, 'PlainTextContent')[0].text, /avsnittet/);
    assert.ok(notes.some((n) => n.attrs.name === 'Om prosjektet'));
    assert.strictEqual(res.stats.orphaned, 1);
    assert.strictEqual(res.stats.codings, 3);
    // users, codes and variables
    assert.deepStrictEqual(all(root, 'User').map((u) => u.attrs.name).sort(), ['Ada Forsker', 'Policy Lens (autocoding)']);
    const code = all(root, 'Code').find((c) => c.attrs.name === 'Samskaping i praksis')!;
    assert.strictEqual(code.attrs.color, '#123ABC');
    assert.strictEqual(all(code, 'Description')[0].text, 'Konkret «samskaping» & <praksis>');
    assert.deepStrictEqual(all(root, 'FloatValue').map((v) => v.text), ['12.5']);
    assert.deepStrictEqual(all(root, 'BooleanValue').map((v) => v.text), ['true']);
    // CodeRefs point to codes that exist
    const codeIds = new Set(all(root, 'Code').map((c) => c.attrs.guid));
    assert.ok(all(root, 'CodeRef').every((r) => codeIds.has(r.attrs.targetGUID)));
    // the same input gives the same project (name-based GUIDs)
    const again = buildProject({ name: 'Strategi & brev', created: CREATED, users: [ADA], codebook: cb, sources: [{ name: 'strategi.md', file: 'strategi.md', format: 'md', text: raw, codings: [...codings, orphan], note: 'Policy Lens: score +12', variables: { 'Policy Lens score': 12.5, 'Policy Lens label': 'enabling', Reviewed: true } }], notes: [{ name: 'Om prosjektet', text: 'Eksportert i en test.' }] });
    assert.strictEqual(again.xml, xml);
  });

  it('writes a PDF as a PDFSource with the PDF in sources/ and our extracted text as its Representation', async function () {
    const doc = await loadDocument(PDF, { keepBytes: true });
    const cb = defaultCodebook();
    const codings = autocode({ source: 'ks.pdf', text: doc.text, format: doc.format, analysis: doc.analysis }, cb, { level: 'sentence', created: CREATED });
    assert.ok(codings.length > 10);
    const res = exportQdpx({ name: 'KS', created: CREATED, codebook: cb, sources: [{ name: 'ks.pdf', file: PDF, format: 'pdf', text: doc.text, pdf: doc.bytes, codings }] });
    const files = unzip(res.zip);
    const xml = strFromU8(files['project.qde']);
    validate(this, xml, PROJECT_XSD);
    const root = parseXml(xml);
    const pdf = all(root, 'PDFSource')[0];
    const pdfFile = files[`sources/${pdf.attrs.path.slice('internal://'.length)}`];
    assert.deepStrictEqual(Buffer.from(pdfFile), fs.readFileSync(PDF));
    const rep = all(pdf, 'Representation')[0];
    const text = strFromU8(files[`sources/${rep.attrs.plainTextPath.slice('internal://'.length)}`]);
    assert.strictEqual(text, new CanonicalText(doc.text).text);
    const cps = [...text];
    const sels = all(rep, 'PlainTextSelection');
    assert.strictEqual(all(rep, 'Coding').length, codings.length);
    for (const s of sels) {
      const exact = cps.slice(Number(s.attrs.startPosition), Number(s.attrs.endPosition)).join('');
      const sentence = doc.analysis.sentences.find((x) => x.text === exact);
      assert.ok(sentence, `a whole sentence: ${exact.slice(0, 60)}`);
    }
  });

  it('writes a .qdc codebook valid against Codebook.xsd and reads it back unchanged', function () {
    let cb = defaultCodebook();
    cb = addCode(cb, { name: 'Tillit', color: '#0A0', description: 'Tillitsbasert styring' }).codebook;
    cb = { ...cb, sets: [{ id: nameGuid('set:study'), name: 'Studien', codes: cb.codes.filter((c) => c.key?.startsWith('study:')).map((c) => c.id) }] };
    const xml = codebookQdc(cb);
    validate(this, xml, CODEBOOK_XSD);
    const { codebook, warnings } = importQdc(xml);
    assert.deepStrictEqual(warnings, []);
    const strip = (c: Codebook) => c.codes.map(({ key: _k, ...rest }) => rest);
    assert.deepStrictEqual(strip(codebook), strip(cb).map((c) => (c.color ? { ...c, color: c.color.toUpperCase() } : c)));
    assert.deepStrictEqual(codebook.sets, cb.sets);
  });

  it('imports the REFI examples: a .qdc with a child code and a set, and the codebook of a project.qde', function () {
    const { codebook, warnings } = importQdc(fs.readFileSync(path.join(FIX, 'examples', 'codebook.qdc'), 'utf8'));
    assert.deepStrictEqual(warnings, []);
    assert.deepStrictEqual(
      codebook.codes.map((c) => [c.name, c.parent ? codebook.codes.find((p) => p.id === c.parent)!.name : null, c.color ?? null]),
      [
        ['Trust', null, '#1F77B4'],
        ['Institutional trust', 'Trust', null],
        ['Risk', null, '#D62728'],
      ],
    );
    assert.strictEqual(codebook.codes[0].description, 'Statements expressing trust.');
    assert.deepStrictEqual(codebook.sets!.map((s) => [s.name, s.codes.length]), [['Attitudes', 2]]);
    const fromProject = importQdc(fs.readFileSync(path.join(FIX, 'examples', 'project.qde'), 'utf8')).codebook;
    assert.deepStrictEqual(fromProject.codes.map((c) => c.id), ['D472085D-683E-43C6-AA29-3653E0620A8A', '1E58453E-ABA3-4994-BC14-3E0404AB5C72']);
  });

  it('refuses what is not a codebook, and repairs what it can with a warning', function () {
    assert.throws(() => importQdc('<CodeBook><Codes/></CodeBook>'), /Not a REFI-QDA codebook/);
    assert.throws(() => importQdc('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'), /DOCTYPE/);
    const { codebook, warnings } = importQdc(
      '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="{d472085d-683e-43c6-aa29-3653e0620a8a}" name="A" isCodable="1"/><Code name="B" isCodable="true" color="red"/></Codes></CodeBook>',
    );
    assert.strictEqual(codebook.codes[0].id, 'D472085D-683E-43C6-AA29-3653E0620A8A');
    assert.strictEqual(codebook.codes.length, 2);
    assert.strictEqual(warnings.length, 2);
    assert.match(warnings.join('\n'), /no GUID/);
    assert.match(warnings.join('\n'), /not a colour/);
  });
});

describe('the small XML writer and parser', function () {
  it('escapes text and attributes and drops characters XML cannot hold', function () {
    assert.strictEqual(escapeText('a < b & c > d\u0001'), 'a &lt; b &amp; c &gt; d');
    assert.strictEqual(escapeAttr('"x"\n\ty'), '&quot;x&quot;&#10;&#9;y');
    assert.strictEqual(escapeText('emoji 😀 ok, lone \uD800 surrogate'), 'emoji 😀 ok, lone  surrogate');
    const w = new XmlWriter();
    w.open('a', { b: 'c"d', skip: undefined }).text('t', 'x & y').leaf('e').close();
    const xml = w.toString();
    const root = parseXml(xml);
    assert.strictEqual(root.attrs.b, 'c"d');
    assert.ok(!('skip' in root.attrs));
    assert.strictEqual(root.children[0].text, 'x & y');
    assert.throws(() => new XmlWriter().open('a').toString(), /unclosed/);
  });

  it('parses namespaces, entities, character references, CDATA and comments; reports errors with line and column', function () {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!-- c -->\n<r xmlns="urn:a" xmlns:p="urn:p" p:x="1">\n  <p:k a=\'&lt;&#x1F600;&#229;\'>t<![CDATA[<raw>]]>&amp;</p:k>\n</r>',
    );
    assert.strictEqual(root.ns, 'urn:a');
    assert.strictEqual(root.attrs['{urn:p}x'], '1');
    const k = root.children[0];
    assert.deepStrictEqual([k.name, k.ns, k.attrs.a, k.text, k.line], ['k', 'urn:p', '<😀å', 't<raw>&', 4]);
    assert.throws(() => parseXml('<a>\n<b></a>'), /2:\d+: <\/a> closes <b>/);
    assert.throws(() => parseXml('<a>&nbsp;</a>'), /unknown entity/);
    assert.throws(() => parseXml('<a x="1" x="2"/>'), /duplicate attribute/);
    assert.throws(() => parseXml('<q:a/>'), /undeclared namespace prefix/);
    assert.throws(() => parseXml('<a/><b/>'), /after the root/);
  });
});
