import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  addCode,
  anchorQuote,
  autocode,
  CanonicalText,
  categoryCode,
  codePath,
  codingAgreement,
  Coding,
  codingFilePath,
  codingOfCanonical,
  CodePointIndex,
  cohenKappa,
  createCoding,
  defaultCodebook,
  editDistance,
  emptyCodingFile,
  findCodingFile,
  isGuid,
  loadDocument,
  LoadedDocument,
  nameGuid,
  readCodingFile,
  reanchorCodings,
  relativeSource,
  removeCode,
  updateCode,
  validateCodebook,
  writeCodingFile,
} from '../../src/core/workspace';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LETTER = path.join(ROOT, 'test', 'fixtures', 'corpus', 'hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet.md');
const OSLO = path.join(ROOT, 'test', 'fixtures', 'corpus', 'helsefellesskap_oslo_innsiktsrapport_psykisk_helse_barn_unge_2025_EXCERPT.md');
const CODE = nameGuid('test:code');

describe('coding: text offsets', function () {
  it('converts between UTF-16 and code points around astral characters', function () {
    const t = 'a😀bæ🇳🇴c';
    const idx = new CodePointIndex(t);
    assert.strictEqual(idx.length, [...t].length);
    for (let cp = 0; cp <= idx.length; cp++) {
      const u = idx.toUtf16(cp);
      assert.strictEqual(idx.toCodePoint(u), cp);
      assert.strictEqual(t.slice(0, u), [...t].slice(0, cp).join(''));
    }
    // an offset inside a surrogate pair counts as the pair's start
    assert.strictEqual(idx.toCodePoint(2), 1);
  });

  it('makes text canonical (no BOM, LF only) and maps offsets both ways', function () {
    const raw = '\uFEFFLinje én\r\nLinje to\rLinje tre\n😀 slutt';
    const c = new CanonicalText(raw);
    assert.strictEqual(c.text, 'Linje én\nLinje to\nLinje tre\n😀 slutt');
    for (const word of ['én', 'to', 'tre', 'slutt']) {
      const r = raw.indexOf(word);
      const k = c.fromRaw(r);
      assert.strictEqual(c.text.slice(k, k + word.length), word);
      assert.strictEqual(c.toRaw(k), r);
    }
    // the canonical LF of a CRLF maps to its CR; an offset between CR and LF to before the line break
    const cr = raw.indexOf('\r\n');
    assert.strictEqual(c.toRaw(c.fromRaw(cr)), cr);
    assert.strictEqual(c.fromRaw(cr + 1), c.fromRaw(cr));
    const p = c.rawToPosition({ start: raw.indexOf('slutt'), end: raw.length });
    assert.deepStrictEqual(p, { start: [...c.text].length - 5, end: [...c.text].length });
    assert.deepStrictEqual(c.positionToRaw(p), { start: raw.indexOf('slutt'), end: raw.length });
    assert.ok(new CanonicalText('abc\n').identical);
  });
});

describe('coding: re-anchoring after edits', function () {
  let text: string;
  let doc: CanonicalText;
  let coding: Coding;
  const SENTENCE = 'Helsedirektoratet skal samarbeide med Folkehelseinstituttet og Norsk helsenett SF.';

  before(function () {
    text = new CanonicalText(fs.readFileSync(LETTER, 'utf8')).text;
    doc = new CanonicalText(text);
    const at = text.indexOf(SENTENCE);
    assert.ok(at > 0);
    coding = codingOfCanonical(doc, { start: at, end: at + SENTENCE.length }, { code: CODE, source: 'letter.md', memo: 'samarbeid pålagt' });
  });

  const anchor = (edited: string) => reanchorCodings(new CanonicalText(edited), [coding], { now: '2026-01-01T00:00:00Z' });
  const at = () => text.indexOf(SENTENCE);

  it('stores the quote with 32 characters of context and the code point position', function () {
    const [q, p] = coding.target.selector;
    assert.strictEqual(q.exact, SENTENCE);
    assert.strictEqual(q.prefix, text.slice(at() - 32, at()));
    assert.strictEqual(q.suffix, text.slice(at() + SENTENCE.length, at() + SENTENCE.length + 32));
    assert.deepStrictEqual([p.start, p.end], [[...text.slice(0, at())].length, [...text.slice(0, at())].length + SENTENCE.length]);
  });

  it('is exact when nothing changed', function () {
    const r = anchor(text);
    assert.deepStrictEqual(r.report, { exact: 1, moved: 0, fuzzy: 0, orphaned: 0 });
    assert.deepStrictEqual(r.codings[0].target, coding.target);
  });

  it('moves with an insertion before the passage (far before, and right before it)', function () {
    for (const edited of [
      text.slice(0, 200) + 'Et nytt avsnitt om bydelene og samskaping. ' + text.slice(200),
      text.slice(0, at()) + 'Innledende setning. ' + text.slice(at()),
    ]) {
      const r = anchor(edited);
      assert.strictEqual(r.report.moved, 1);
      const c = r.codings[0];
      assert.strictEqual(c.anchor!.status, 'moved');
      const idx = new CodePointIndex(edited);
      const [q, p] = c.target.selector;
      assert.strictEqual(q.exact, SENTENCE);
      assert.strictEqual(edited.slice(idx.toUtf16(p.start), idx.toUtf16(p.end)), SENTENCE);
      assert.strictEqual(c.id, coding.id);
      assert.strictEqual(c.memo, coding.memo);
    }
  });

  it('stays with an insertion after the passage (right after it)', function () {
    const end = at() + SENTENCE.length;
    const r = anchor(text.slice(0, end) + ' Dette gjelder fra 2027.' + text.slice(end));
    assert.strictEqual(r.codings[0].anchor!.status, 'exact');
    assert.strictEqual(r.codings[0].target.selector[0].exact, SENTENCE);
  });

  it('grows with an insertion inside the passage (fuzzy, the old quote kept for review)', function () {
    const inside = at() + 'Helsedirektoratet skal samarbeide med'.length;
    const edited = text.slice(0, inside) + ' bydelene,' + text.slice(inside);
    const r = anchor(edited);
    const c = r.codings[0];
    assert.strictEqual(c.anchor!.status, 'fuzzy');
    assert.ok(c.anchor!.similarity > 0.85, String(c.anchor!.similarity));
    assert.strictEqual(c.anchor!.previousExact, SENTENCE);
    assert.strictEqual(c.target.selector[0].exact, 'Helsedirektoratet skal samarbeide med bydelene, Folkehelseinstituttet og Norsk helsenett SF.');
    // anchored again, the edited passage is now exact
    const again = reanchorCodings(new CanonicalText(edited), [c]);
    assert.strictEqual(again.codings[0].anchor!.status, 'exact');
  });

  it('follows a small change of wording inside the passage and the whole document turned into CRLF', function () {
    const edited = text.replace(SENTENCE, SENTENCE.replace('samarbeide med', 'samarbeide tett med')).replace(/\n/g, '\r\n');
    const c = anchor(edited).codings[0];
    assert.strictEqual(c.anchor!.status, 'fuzzy');
    assert.match(c.target.selector[0].exact, /samarbeide tett med Folkehelseinstituttet/);
  });

  it('keeps a coding whose passage was deleted, flagged orphaned with its old selectors (never dropped)', function () {
    const edited = text.slice(0, at()) + text.slice(at() + SENTENCE.length);
    const r = anchor(edited);
    assert.deepStrictEqual(r.report, { exact: 0, moved: 0, fuzzy: 0, orphaned: 1 });
    assert.strictEqual(r.codings.length, 1);
    const c = r.codings[0];
    assert.strictEqual(c.anchor!.status, 'orphaned');
    assert.deepStrictEqual(c.target, coding.target);
    assert.strictEqual(c.id, coding.id);
    // and it stays orphaned (and kept) on the next round
    assert.strictEqual(reanchorCodings(new CanonicalText(edited), [c]).codings[0].anchor!.status, 'orphaned');
  });

  it('tells repeated short quotes apart by their context', function () {
    const t = 'Bydelene skal rapportere. Etaten skal evaluere. Byrådet skal vedta.';
    const d = new CanonicalText(t);
    const i = t.indexOf('skal evaluere') ;
    const c = codingOfCanonical(d, { start: i, end: i + 4 }, { code: CODE, source: 's' });
    const edited = 'Ny innledning. ' + t;
    const r = reanchorCodings(new CanonicalText(edited), [c]).codings[0];
    const p = r.target.selector[1];
    assert.strictEqual(edited.slice(p.start, p.end), 'skal');
    assert.strictEqual(edited.slice(p.end, p.end + 9), ' evaluere');
  });

  it('anchorQuote and editDistance behave at the edges', function () {
    assert.strictEqual(editDistance('kitten', 'sitting'), 3);
    assert.strictEqual(editDistance('abc', 'abc'), 0);
    assert.strictEqual(editDistance('abcdef', 'xyz', 2), 3);
    const d = new CanonicalText('kort');
    assert.strictEqual(anchorQuote(d, { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }, { start: 0, end: 0 }).status, 'orphaned');
    // a coding at the very start of the text (empty prefix) survives an edit at the end
    const t = 'Samskaping er sentralt i strategien. Mer tekst følger.';
    const c = codingOfCanonical(new CanonicalText(t), { start: 0, end: 10 }, { code: CODE, source: 's' });
    assert.strictEqual(reanchorCodings(new CanonicalText(t + ' Og enda mer.'), [c]).codings[0].anchor!.status, 'exact');
  });
});

describe('coding: codebook', function () {
  it('has the engine’s seven categories and the study’s three themes with inhibitors and promoters', function () {
    const cb = defaultCodebook();
    assert.deepStrictEqual(validateCodebook(cb), []);
    assert.strictEqual(cb.codes.length, 2 + 7 + 3 * 3);
    for (const c of ['directive', 'enabling', 'innovation', 'cocreation', 'collaboration', 'control', 'district'] as const) {
      const code = categoryCode(cb, c)!;
      assert.ok(code && isGuid(code.id) && /^#[0-9A-F]{6}$/.test(code.color!), c);
    }
    const names = cb.codes.map((c) => c.name);
    for (const n of ['Organisering og ledelse', 'Kultur, holdninger og kompetanse', 'Økonomi', 'Hemmer: økonomi', 'Fremmer: organisering og ledelse']) {
      assert.ok(names.includes(n), n);
    }
    assert.strictEqual(codePath(cb, cb.codes.find((c) => c.name === 'Hemmer: økonomi')!.id), 'Hemmere og fremmere / Økonomi / Hemmer: økonomi');
    // the same GUIDs every time (autocodings from different runs refer to the same codes)
    assert.deepStrictEqual(defaultCodebook().codes.map((c) => c.id), cb.codes.map((c) => c.id));
  });

  it('adds, updates and removes codes without changing the original, refusing bad input', function () {
    const cb = defaultCodebook();
    const parent = cb.codes.find((c) => c.key === 'study:economy')!;
    const { codebook, code } = addCode(cb, { name: 'Internkjøp', color: '#aa3300', description: 'Internal purchasing', parent: parent.id });
    assert.strictEqual(cb.codes.length, 18);
    assert.strictEqual(codebook.codes.length, 19);
    assert.ok(isGuid(code.id));
    assert.strictEqual(code.color, '#AA3300');
    assert.throws(() => addCode(codebook, { name: 'internkjøp', parent: parent.id }), /already a code/);
    assert.throws(() => addCode(codebook, { name: 'X', color: 'red' }), /not a colour/);
    assert.throws(() => addCode(codebook, { name: 'X', parent: nameGuid('nope') }), /No parent/);
    const renamed = updateCode(codebook, code.id, { name: 'Internkjøp og prising' });
    assert.strictEqual(renamed.codes.find((c) => c.id === code.id)!.name, 'Internkjøp og prising');
    assert.throws(() => updateCode(codebook, parent.id, { parent: code.id }), /under itself/);
    const removed = removeCode(codebook, parent.id);
    // children of a removed code move up to its parent
    assert.strictEqual(removed.codes.find((c) => c.id === code.id)!.parent, parent.parent);
    assert.deepStrictEqual(validateCodebook(removed), []);
  });
});

describe('coding: storage', function () {
  let tmp: string;
  before(function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-codings-'));
  });
  after(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes a document’s codings atomically to .policylens/codings/<name>.json and reads them back', async function () {
    const docPath = path.join(tmp, 'brev', 'tildelingsbrev 2026.md');
    fs.mkdirSync(path.dirname(docPath), { recursive: true });
    fs.writeFileSync(docPath, 'Bydelene skal samskape. 😀 Det er bra.\n');
    const canon = new CanonicalText(fs.readFileSync(docPath, 'utf8'));
    const source = relativeSource(tmp, docPath);
    assert.strictEqual(source, 'brev/tildelingsbrev 2026.md');
    const c = createCoding(canon, { start: 27, end: 38 }, { code: CODE, source, creator: { id: nameGuid('user:ada'), name: 'Ada' } });
    const file = codingFilePath(tmp, docPath);
    assert.strictEqual(file, path.join(tmp, '.policylens', 'codings', 'brev%2Ftildelingsbrev 2026.md.json'));
    await writeCodingFile(file, { ...emptyCodingFile(source), codings: [c] }, canon.text);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), ['brev%2Ftildelingsbrev 2026.md.json']);
    const back = await readCodingFile(file);
    assert.deepStrictEqual(back.codings, [c]);
    assert.match(back.textSha256!, /^[0-9a-f]{64}$/);
    // position in code points: the emoji counts as one
    assert.deepStrictEqual([c.target.selector[1].start, c.target.selector[1].end], [26, 37]);
    assert.strictEqual(c.target.selector[0].exact, 'Det er bra.');
    // found from the document, walking up to the folder that holds .policylens
    assert.deepStrictEqual(await findCodingFile(docPath, tmp), { file, root: tmp });
    assert.strictEqual(await findCodingFile(docPath), undefined);
  });

  it('refuses a broken codings file instead of dropping it; a missing one is empty', async function () {
    const file = path.join(tmp, 'broken.json');
    fs.writeFileSync(file, '{"format":"policy-lens-codings","version":1,"source":"x","codings":[{"id":"nope"}]}');
    await assert.rejects(readCodingFile(file), /not a GUID/);
    fs.writeFileSync(file, '{ not json');
    await assert.rejects(readCodingFile(file), /not valid JSON/);
    assert.deepStrictEqual((await readCodingFile(path.join(tmp, 'none.json'), 'a.md')).codings, []);
  });
});

describe('coding: autocoding', function () {
  let doc: LoadedDocument;
  before(async function () {
    doc = await loadDocument(LETTER);
  });

  it('codes every finding at match level, one coding per unit and category at sentence and paragraph level', function () {
    const cb = defaultCodebook();
    const src = { source: 'letter.md', text: doc.text, format: doc.format, analysis: doc.analysis };
    const match = autocode(src, cb, { level: 'match', created: '2026-01-01T00:00:00Z' });
    const sentence = autocode(src, cb, { level: 'sentence', created: '2026-01-01T00:00:00Z' });
    const paragraph = autocode(src, cb, { level: 'paragraph', created: '2026-01-01T00:00:00Z' });
    const distinct = new Set(doc.analysis.findings.map((f) => `${f.category}:${f.start}:${f.end}`));
    assert.strictEqual(match.length, distinct.size);
    const sentenceUnits = new Set(doc.analysis.findings.map((f) => `${f.category}:${f.sentence}`));
    assert.strictEqual(sentence.length, sentenceUnits.size);
    assert.ok(paragraph.length <= sentence.length && paragraph.length > 0);
    const canon = new CanonicalText(doc.text);
    for (const c of [...match, ...sentence, ...paragraph]) {
      const [q, p] = c.target.selector;
      const u = canon.index.spanToUtf16(p);
      assert.strictEqual(canon.text.slice(u.start, u.end), q.exact);
      assert.strictEqual(c.origin, 'autocode');
      assert.ok(c.memo!.startsWith('Autocoded'));
    }
    // a directive sentence is coded with the Directive code, the whole sentence
    const dir = categoryCode(cb, 'directive')!.id;
    const s = doc.analysis.sentences.find((x) => x.directive && /^Helsedirektoratet skal/.test(x.text))!;
    assert.ok(sentence.some((c) => c.code === dir && c.target.selector[0].exact === s.text));
    // the same GUIDs on a second run (idempotent merge)
    assert.deepStrictEqual(autocode(src, cb, { level: 'sentence' }).map((c) => c.id), sentence.map((c) => c.id));
    // only some categories
    const only = autocode(src, cb, { level: 'match', categories: ['cocreation'] });
    assert.ok(only.length > 0 && only.every((c) => c.code === categoryCode(cb, 'cocreation')!.id));
  });
});

describe('coding: agreement (Cohen’s kappa)', function () {
  it('reproduces the worked example of Cohen (1960)', function () {
    // Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological
    // Measurement, 20(1), 37–46: two judges, 200 cases, three categories (the paper's Table 1, in counts).
    // p_o = .70, p_c = .41, κ = .29 / .59 = .49.
    const table = [
      [88, 14, 18],
      [10, 40, 10],
      [2, 6, 12],
    ];
    const k = cohenKappa(table);
    assert.strictEqual(k.n, 200);
    assert.ok(Math.abs(k.po - 0.7) < 1e-12);
    assert.ok(Math.abs(k.pe - 0.41) < 1e-12);
    assert.ok(Math.abs(k.kappa! - 0.29 / 0.59) < 1e-12);
    assert.strictEqual(k.kappa!.toFixed(2), '0.49');
    // the same table as proportions gives the same kappa
    assert.ok(Math.abs(cohenKappa(table.map((r) => r.map((v) => v / 200))).kappa! - k.kappa!) < 1e-12);
  });

  it('handles the degenerate tables', function () {
    assert.strictEqual(cohenKappa([[0, 0], [0, 0]]).kappa, null);
    assert.strictEqual(cohenKappa([[5, 0], [0, 0]]).kappa, 1); // complete agreement, p_e = 1
    assert.strictEqual(cohenKappa([[0, 5], [0, 0]]).kappa, 0); // p_o = p_e = 0
    assert.throws(() => cohenKappa([[1, 2]]), /square/);
  });

  it('compares two coders per code over sentences and characters, with the disagreements', function () {
    const text = 'Bydelene skal rapportere. Bydelene kan prøve ut nye løsninger. Etaten skal samskape med innbyggerne. Alt annet er likt.';
    const canon = new CanonicalText(text);
    const sent = (s: string) => {
      const i = text.indexOf(s);
      return { start: i, end: i + s.length };
    };
    const A = nameGuid('coder:a');
    const B = nameGuid('coder:b');
    const DIR = nameGuid('code:dir');
    const INN = nameGuid('code:inn');
    const mk = (code: string, s: string, who: string) => codingOfCanonical(canon, sent(s), { code, source: 'd', creator: { id: who } });
    const coderA = [mk(DIR, 'Bydelene skal rapportere.', A), mk(DIR, 'Etaten skal samskape med innbyggerne.', A), mk(INN, 'prøve ut nye løsninger', A)];
    const coderB = [mk(DIR, 'Bydelene skal rapportere.', B), mk(INN, 'Bydelene kan prøve ut nye løsninger.', B), mk(INN, 'samskape', B)];
    const r = codingAgreement([{ source: 'd', text }], coderA, coderB, { unit: 'sentence' });
    assert.strictEqual(r.unit, 'sentence');
    const dir = r.perCode.find((p) => p.code === DIR)!;
    // 4 sentences: both on 1, only A on 1, neither on 2
    assert.deepStrictEqual(dir.table, { both: 1, onlyA: 1, onlyB: 0, neither: 2 });
    // p_o = 3/4, p_A = 1/2, p_B = 1/4, p_e = 1/8 + 3/8 = 1/2, κ = 1/2
    assert.ok(Math.abs(dir.kappa! - 0.5) < 1e-12);
    assert.deepStrictEqual(dir.disagreements.map((d) => [d.coder, d.text]), [['A', 'Etaten skal samskape med innbyggerne.']]);
    const inn = r.perCode.find((p) => p.code === INN)!;
    assert.deepStrictEqual(inn.table, { both: 1, onlyA: 0, onlyB: 1, neither: 2 });
    assert.strictEqual(r.pooled.table.both, 2);
    // characters: the intervals themselves
    const rc = codingAgreement([{ source: 'd', text }], coderA, coderB, { unit: 'character' });
    const innC = rc.perCode.find((p) => p.code === INN)!;
    const total = canon.index.length;
    const aLen = 'prøve ut nye løsninger'.length;
    const bLen = 'Bydelene kan prøve ut nye løsninger.'.length + 'samskape'.length;
    assert.deepStrictEqual(innC.table, { both: aLen, onlyA: 0, onlyB: bLen - aLen, neither: total - bLen });
    assert.deepStrictEqual(innC.disagreements.map((d) => d.text), ['Bydelene kan ', '.', 'samskape']);
    // an orphaned coding is not counted
    const orphan = { ...coderA[0], anchor: { status: 'orphaned' as const, similarity: 0, checked: '' } };
    assert.strictEqual(codingAgreement([{ source: 'd', text }], [orphan], coderB).skipped.A, 1);
  });

  it('compares the autocoding with a researcher’s coding of a real document', async function () {
    const doc = await loadDocument(OSLO);
    const cb = defaultCodebook();
    const auto = autocode({ source: 'oslo.md', text: doc.text, format: doc.format, analysis: doc.analysis }, cb, { level: 'sentence' });
    // the "researcher" agrees on the district codings except the first, and adds one of her own
    const district = categoryCode(cb, 'district')!.id;
    const researcher = auto.filter((c) => c.code === district).slice(1);
    const canon = new CanonicalText(doc.text);
    const extra = canon.text.indexOf('bydel');
    researcher.push(codingOfCanonical(canon, { start: extra, end: extra + 5 }, { code: district, source: 'oslo.md' }));
    const r = codingAgreement([{ source: 'oslo.md', text: doc.text, format: doc.format }], auto, researcher, { unit: 'sentence', codes: [district] });
    const d = r.perCode[0];
    assert.ok(d.table.both > 5, JSON.stringify(d.table));
    assert.ok(d.kappa! > 0.8 && d.kappa! < 1, String(d.kappa));
    assert.ok(d.disagreements.length >= 1 && d.disagreements.some((x) => x.coder === 'A'));
  });
});
