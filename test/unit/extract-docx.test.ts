import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { extractFile } from '../../src/core/extract/file';
import { decodeXml, extractDocx } from '../../src/core/extract/docx';
import { ExtractionError } from '../../src/core/types';
import { countWords } from '../../src/core/tokenize/words';
import { countTerms } from '../../scripts/compare-pdftotext';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const HARSTAD = path.join(ROOT, 'test', 'fixtures', 'docx', 'harstad_kommune_handlingsplan_likestilling_mangfold.docx');
/** The corpus (not in a fresh clone): the Meld. St. 9 DOCX and pandoc's text of it. */
const CORPUS = '/work/shared/corpus';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

/** A minimal DOCX package around a w:body. */
function makeDocx(body: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W} ${MC}><w:body>${body}</w:body></w:document>`),
  };
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;

function throwsWith(fn: () => unknown, code: ExtractionError['code'], message?: RegExp): void {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ExtractionError, `expected an ExtractionError, got ${String(e)}`);
    assert.strictEqual(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return;
  }
  assert.fail(`expected ExtractionError '${code}'`);
}

describe('extractDocx — Harstad kommune (real DOCX)', () => {
  const d = extractDocx(new Uint8Array(fs.readFileSync(HARSTAD)), { file: HARSTAD });

  it('reads the text as plain paragraphs separated by blank lines', () => {
    assert.strictEqual(d.format, 'docx');
    assert.strictEqual(d.pages, 1);
    assert.deepStrictEqual(d.pageSpans, [{ page: 1, start: 0, end: d.text.length }]);
    assert.deepStrictEqual(d.excluded, []);
    assert.deepStrictEqual(d.warnings, []);
    assert.ok(
      d.text.startsWith(
        'Denne handlingsplan er et strategisk styrende dokument for Harstad kommune. Den skal gi retningslinjer og føringer for andre planer og tiltak hvor mangfoldsperspektivet er aktuelt.\n\n',
      ),
    );
    assert.ok(d.text.includes('\n\nHarstad kommune skal være en attraktiv kommune å jobbe i for alle, i alle faser av arbeidslivet.'));
    // Headings stay plain text.
    assert.ok(d.text.includes('\n\nREKRUTTERING\n\n'));
    assert.ok(!/^#/m.test(d.text));
  });

  it('prefixes list paragraphs with "- " (numbering and hand-made Wingdings bullets)', () => {
    assert.ok(d.text.includes('Dette gjøres gjennom Harstad kommunes verdier:\n\n- Åpenhet\n\n- Respekt\n\n- Engasjement\n\n- Ansvarlighet\n\n- Læring og utvikling'));
    assert.ok(d.text.includes('\n\n- Ansatte fra begge kjønn på alle arbeidssteder.\n\n'));
    assert.ok(!/[\uE000-\uF8FF]/u.test(d.text), 'no private-use symbol characters left');
  });

  it('has the word count of pandoc within 2 % and the same «skal»/«må»', () => {
    // pandoc -t plain: 872 words, 22× «skal», 2× «må» (pandoc also prints the image alt text «Bildevalg10b»).
    const c = countTerms(d.text);
    assert.ok(Math.abs(c.words - 872) <= 0.02 * 872, `${c.words} words`);
    assert.strictEqual(c.skal, 22);
    assert.strictEqual(c.maa, 2);
  });

  it('extractFile reads a DOCX by its extension', async () => {
    const viaFile = await extractFile(HARSTAD);
    assert.strictEqual(viaFile.text, d.text);
  });
});

describe('extractDocx — WordprocessingML features', () => {
  it('decodes entities, tabs and line breaks', () => {
    assert.strictEqual(decodeXml('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#229;&#xF8; &unknown;'), 'a <b> & "c" \'d\' åø &unknown;');
    const d = extractDocx(
      makeDocx(
        p(`${r('Helse- &amp; omsorg')}<w:r><w:tab/><w:t>«sitat»</w:t><w:br/><w:t>ny linje &lt;x&gt;</w:t></w:r>`, '<w:tabs><w:tab w:val="left" w:pos="708"/></w:tabs>') +
          p(r('Andre avsnitt.')),
      ),
    );
    assert.strictEqual(d.text, 'Helse- & omsorg\t«sitat»\nny linje <x>\n\nAndre avsnitt.');
  });

  it('lists get "- ", numbered headings do not', () => {
    const styles =
      `<w:styles ${W}>` +
      '<w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Liste"><w:name w:val="Liste"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Liste2"><w:name w:val="Liste 2"/><w:basedOn w:val="Liste"/></w:style>' +
      '</w:styles>';
    const d = extractDocx(
      makeDocx(
        p(r('Innledning'), '<w:pStyle w:val="Overskrift1"/>') +
          p(r('Kommunen skal:')) +
          p(r('rapportere'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr>') +
          p(r('samarbeide'), '<w:pStyle w:val="Liste"/>') +
          p(r('innovere'), '<w:pStyle w:val="Liste2"/>') +
          p(r('ikke en liste'), '<w:numPr><w:numId w:val="0"/></w:numPr>') +
          p(r('Tittel uten nummer'), '<w:outlineLvl w:val="1"/><w:numPr><w:numId w:val="7"/></w:numPr>'),
        { 'word/styles.xml': styles },
      ),
    );
    assert.strictEqual(
      d.text,
      'Innledning\n\nKommunen skal:\n\n- rapportere\n\n- samarbeide\n\n- innovere\n\nikke en liste\n\nTittel uten nummer',
    );
  });

  it('tables: each cell a block, its paragraphs as lines', () => {
    const cell = (...paras: string[]) => `<w:tc><w:tcPr><w:tcW w:w="2000"/></w:tcPr>${paras.map((t) => p(r(t))).join('')}</w:tc>`;
    const d = extractDocx(
      makeDocx(
        p(r('Før tabellen.')) +
          `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>${cell('Tiltak', 'med to linjer')}${cell('Ansvar')}</w:tr>` +
          `<w:tr>${cell('Bydelene skal samarbeide.')}${cell('Bydelsdirektør', 'Frist: 2026')}</w:tr></w:tbl>` +
          p(r('Etter tabellen.')),
      ),
    );
    assert.strictEqual(
      d.text,
      'Før tabellen.\n\nTiltak\nmed to linjer\n\nAnsvar\n\nBydelene skal samarbeide.\n\nBydelsdirektør\nFrist: 2026\n\nEtter tabellen.',
    );
  });

  it('skips deleted text, field instructions, properties and fallback copies; reads text boxes and hyperlinks', () => {
    const d = extractDocx(
      makeDocx(
        p(
          r('Se ') +
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://x.no" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
            r('nettsiden') +
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
            '<w:del w:id="1"><w:r><w:delText>slettet </w:delText></w:r></w:del>' +
            '<w:ins w:id="2"><w:r><w:t xml:space="preserve"> og innsatt tekst</w:t></w:r></w:ins>' +
            '<w:hyperlink r:id="rId9" xmlns:r="r"><w:r><w:t xml:space="preserve"> her</w:t></w:r></w:hyperlink>' +
            r('.') +
            '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>' +
            p(r('Tekst i en tekstboks.')) +
            '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>' +
            p(r('Tekst i en tekstboks.')) +
            '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>',
        ) + p(r('Siste avsnitt.')) + '<w:sectPr><w:pgSz w:w="11906"/></w:sectPr>',
      ),
    );
    assert.strictEqual(d.text, 'Se nettsiden og innsatt tekst her.\n\nTekst i en tekstboks.\n\nSiste avsnitt.');
  });

  it('appends footnotes and endnotes after a blank line, without separators', () => {
    const notes = (kind: 'footnote' | 'endnote', text: string) =>
      `<w:${kind}s ${W}><w:${kind} w:type="separator" w:id="-1">${p('<w:r><w:separator/></w:r>')}</w:${kind}>` +
      `<w:${kind} w:type="continuationSeparator" w:id="0">${p('<w:r><w:t>---</w:t></w:r>')}</w:${kind}>` +
      `<w:${kind} w:id="1">${p(r(text))}</w:${kind}></w:${kind}s>`;
    const d = extractDocx(
      makeDocx(p(r('Hovedtekst.') + '<w:r><w:footnoteReference w:id="1"/></w:r>'), {
        'word/footnotes.xml': notes('footnote', 'Fotnote om kilden.'),
        'word/endnotes.xml': notes('endnote', 'Sluttnote.'),
      }),
    );
    assert.strictEqual(d.text, 'Hovedtekst.\n\nFotnote om kilden.\n\nSluttnote.');
  });

  it('an empty document gives empty text and a warning', () => {
    const d = extractDocx(makeDocx(p('') + '<w:p/>'), { file: 'tom.docx' });
    assert.strictEqual(d.text, '');
    assert.deepStrictEqual(d.warnings, ['tom.docx contains no text.']);
  });
});

describe('extractDocx — bad input', () => {
  it('random bytes and a truncated package → corrupt', () => {
    let seed = 7;
    const random = new Uint8Array(2048).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
    throwsWith(() => extractDocx(random, { file: 'random.docx' }), 'corrupt', /random\.docx is not a DOCX file/);
    const real = new Uint8Array(fs.readFileSync(HARSTAD));
    throwsWith(() => extractDocx(real.slice(0, real.length >> 1), { file: 'cut.docx' }), 'corrupt', /cut\.docx is damaged/);
  });

  it('a ZIP without word/document.xml → corrupt', () => {
    const zip = zipSync({ 'hello.txt': strToU8('hei') });
    throwsWith(() => extractDocx(zip, { file: 'other.docx' }), 'corrupt', /other\.docx .*word\/document\.xml is missing/);
  });

  it('an old binary .doc (or encrypted Office file) → unsupported', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    throwsWith(() => extractDocx(ole, { file: 'gammel.docx' }), 'unsupported', /old binary Word/);
  });
});

describe('extractDocx — Meld. St. 9 against pandoc (corpus only)', function () {
  this.timeout(30000);
  it('word counts within 2 %, «skal»/«må» equal', function () {
    const docx = path.join(CORPUS, 'orig', 'meld_st_9_2023-2024_nasjonal_helse_og_samhandlingsplan.docx');
    const txt = path.join(CORPUS, 'txt', 'meld_st_9_2023-2024_nasjonal_helse_og_samhandlingsplan.txt');
    if (!fs.existsSync(docx) || !fs.existsSync(txt)) this.skip();
    const d = extractDocx(new Uint8Array(fs.readFileSync(docx)), { file: docx });
    const a = countTerms(d.text);
    const b = countTerms(fs.readFileSync(txt, 'utf8'));
    assert.ok(Math.abs(a.words - b.words) <= 0.02 * b.words, `${a.words} vs ${b.words}`);
    assert.strictEqual(a.skal, b.skal);
    assert.strictEqual(a.maa, b.maa);
    assert.strictEqual(countWords(d.text), a.words);
  });
});

/** The layout blocks tile the text: each is its paragraph exactly, in order, separated only by line breaks. */
function assertTiles(d: ReturnType<typeof extractDocx>): void {
  const layout = d.layout ?? [];
  let prev = 0;
  for (const b of layout) {
    assert.ok(b.start >= prev && b.end > b.start, `block ${JSON.stringify(b)} after ${prev}`);
    assert.match(d.text.slice(prev, b.start), prev === 0 ? /^$/ : /^\n\n?$/, `separator before ${b.start}`);
    assert.strictEqual(d.text.slice(b.start, b.end), d.text.slice(b.start, b.end).trim());
    for (const [s, e] of b.marks ?? []) assert.ok(s >= b.start && e <= b.end && e > s, `mark ${s}-${e} inside ${b.start}-${b.end}`);
    prev = b.end;
  }
  assert.strictEqual(prev, d.text.length, 'the last block ends the text');
}

describe('extractDocx — layout (what the DOCX viewer draws)', () => {
  it('Harstad: the blocks tile the text; bullets are list items with a marker; table cells and bold runs are kept', () => {
    const d = extractDocx(new Uint8Array(fs.readFileSync(HARSTAD)), { file: HARSTAD });
    assertTiles(d);
    const at = (needle: string) => {
      const i = d.text.indexOf(needle);
      return d.layout!.find((b) => b.start <= i && i < b.end)!;
    };
    const item = at('Åpenhet');
    assert.strictEqual(item.kind, 'listItem');
    assert.strictEqual(item.marker, 2);
    assert.strictEqual(d.text.slice(item.start, item.end), '- Åpenhet');
    const cells = d.layout!.filter((b) => b.cells);
    // Its section titles are one-cell tables (a shaded banner in Word): table n, row 0, column 0.
    assert.strictEqual(cells.length, 20);
    cells.forEach((b, i) => assert.deepStrictEqual(b.cells, [{ table: i + 1, row: 0, col: 0 }]));
    assert.strictEqual(d.text.slice(cells[0].start, cells[0].end), 'HARSTAD KOMMUNES  MÅL OG VERDIER');
    const bold = d.layout!.flatMap((b) => b.marks ?? []).filter(([, , f]) => f & 1).map(([s, e]) => d.text.slice(s, e));
    assert.ok(bold.includes('ANSVAR'), `bold runs: ${bold.join(' | ')}`);
  });

  it('headings by style and outline level, list levels, nested tables with spans, text boxes, notes, emphasis', () => {
    const styles =
      `<w:styles ${W}>` +
      '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>' +
      '<w:style w:type="paragraph" w:styleId="Tittel"><w:name w:val="Title"/><w:rPr><w:sz w:val="48"/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Overskrift2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Min2"><w:name w:val="Min overskrift"/><w:basedOn w:val="Overskrift2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Ingress"><w:name w:val="Ingress"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>' +
      '<w:style w:type="character" w:styleId="kursiv"><w:name w:val="kursiv"/><w:rPr><w:i/></w:rPr></w:style>' +
      '</w:styles>';
    const t = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
    const tc = (inner: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${inner}</w:tc>`;
    const inner = `<w:tbl><w:tr>${tc(p(t('Indre A')))}${tc(p(t('Indre B')))}</w:tr></w:tbl>`;
    const notes =
      `<w:footnotes ${W}><w:footnote w:id="1">${p(t('Kilde: NOU 2026: 6.'))}</w:footnote></w:footnotes>`;
    const d = extractDocx(
      makeDocx(
        p(t('Handlingsplan'), '<w:pStyle w:val="Tittel"/>') +
          p(t('Mål'), '<w:pStyle w:val="Min2"/>') +
          p(t('Et eget nivå'), '<w:outlineLvl w:val="3"/>') +
          p(t('Sentrert ingress'), '<w:pStyle w:val="Ingress"/>') +
          p(t('  Bydelene ') + t('skal', '<w:b/>') + t(' samskape ') + t('med', '<w:rStyle w:val="kursiv"/><w:i w:val="0"/>') + t(' ') + t('innbyggerne.', '<w:rStyle w:val="kursiv"/>')) +
          p(t('punkt'), '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr>') +
          p('<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/></w:r>' + t('håndlaget ') + t('kulepunkt', '<w:u w:val="single"/>')) +
          `<w:tbl><w:tr>${tc(p(t('Tiltak')), '<w:gridSpan w:val="2"/>')}${tc(p(t('Ansvar')))}</w:tr>` +
          `<w:tr>${tc('')}${tc(p(t('Ytre')) + inner + p(t('etter')))}${tc(p(t('Frist')))}</w:tr></w:tbl>` +
          p(t('Før boksen.') + '<w:r><w:drawing><w:txbxContent>' + p(t('I boksen.')) + '</w:txbxContent></w:drawing></w:r>'),
        { 'word/styles.xml': styles, 'word/footnotes.xml': notes },
      ),
    );
    assertTiles(d);
    assert.strictEqual(
      d.text,
      'Handlingsplan\n\nMål\n\nEt eget nivå\n\nSentrert ingress\n\nBydelene skal samskape med innbyggerne.\n\n- punkt\n\n- håndlaget kulepunkt\n\n' +
        'Tiltak\n\nAnsvar\n\nYtre\n\nIndre A\n\nIndre B\n\netter\n\nFrist\n\nFør boksen.\n\nI boksen.\n\nKilde: NOU 2026: 6.',
    );
    const by = (text: string) => d.layout!.find((b) => d.text.slice(b.start, b.end) === text)!;
    assert.deepStrictEqual([by('Handlingsplan').kind, by('Handlingsplan').level], ['heading', 0]);
    assert.deepStrictEqual([by('Mål').kind, by('Mål').level], ['heading', 2], 'a style based on heading 2');
    assert.deepStrictEqual([by('Et eget nivå').kind, by('Et eget nivå').level], ['heading', 4], 'outline level 3 = heading 4');
    const ingress = by('Sentrert ingress');
    assert.deepStrictEqual([ingress.kind, ingress.bold, ingress.align, ingress.scale], ['paragraph', true, 'center', 1.5]);
    const para = by('Bydelene skal samskape med innbyggerne.');
    const marks = para.marks!.map(([s, e, f]) => [d.text.slice(s, e), f]);
    assert.deepStrictEqual(marks, [['skal', 1], ['innbyggerne.', 2]], 'the leading spaces trimmed; kursiv switched off by w:i="0"');
    assert.deepStrictEqual([by('- punkt').kind, by('- punkt').level, by('- punkt').marker], ['listItem', 1, 2]);
    const hand = by('- håndlaget kulepunkt');
    assert.deepStrictEqual([hand.kind, hand.marker], ['listItem', 2]);
    assert.deepStrictEqual(hand.marks!.map(([s, e, f]) => [d.text.slice(s, e), f]), [['kulepunkt', 4]]);
    assert.deepStrictEqual(by('Tiltak').cells, [{ table: 1, row: 0, col: 0, span: 2 }]);
    assert.deepStrictEqual(by('Ansvar').cells, [{ table: 1, row: 0, col: 2 }]);
    assert.deepStrictEqual(by('Ytre').cells, [{ table: 1, row: 1, col: 1 }], 'the empty first cell still counts');
    assert.deepStrictEqual(by('Indre B').cells, [{ table: 1, row: 1, col: 1 }, { table: 2, row: 0, col: 1 }]);
    assert.deepStrictEqual(by('etter').cells, [{ table: 1, row: 1, col: 1 }]);
    assert.strictEqual(by('I boksen.').part, 'textbox');
    assert.strictEqual(by('Kilde: NOU 2026: 6.').part, 'note');
    assert.strictEqual(by('Før boksen.').part, undefined);
  });

  it('Meld. St. 9 (corpus only): three heading levels, list items, notes; the layout tiles 650,000 characters', function () {
    const docx = path.join(CORPUS, 'orig', 'meld_st_9_2023-2024_nasjonal_helse_og_samhandlingsplan.docx');
    if (!fs.existsSync(docx)) this.skip();
    const d = extractDocx(new Uint8Array(fs.readFileSync(docx)), { file: docx });
    assertTiles(d);
    const levels = new Set(d.layout!.filter((b) => b.kind === 'heading').map((b) => b.level));
    assert.deepStrictEqual([...levels].sort(), [1, 2, 3]);
    const first = d.layout!.find((b) => b.kind === 'heading')!;
    assert.strictEqual(d.text.slice(first.start, first.end), 'Vår felles helsetjeneste');
    assert.ok(d.layout!.filter((b) => b.kind === 'listItem').length > 300);
    assert.ok(d.layout!.filter((b) => b.part === 'note').length > 100);
    assert.ok(d.layout!.some((b) => b.marks?.some(([, , f]) => f === 2)), 'the «kursiv» character style');
  });
});
