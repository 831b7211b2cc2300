import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PDFDocument, PDFFont, StandardFonts } from 'pdf-lib';
import { extractFile, extractPdf } from '../../src/core/extract/file';
import { hyphenJoin } from '../../src/core/extract/pdf';
import { ExtractedDocument, ExtractionError, TextItemSpan } from '../../src/core/types';
import { countWords, countWordsExcluding } from '../../src/core/tokenize/words';
import { countTerms } from '../../scripts/compare-pdftotext';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'pdf');
const SUNNMORE = path.join(FIXTURES, 'sunnmore_regionrad_innspel_2026_nn.pdf');
const STORBY = path.join(FIXTURES, 'ks_storbynettverk_innspill_2026.pdf');
const NOTAT = path.join(FIXTURES, 'kommunedirektorforum_notat_2025-10.pdf');
const TANNHELSE = path.join(FIXTURES, 'ks_fylkesordforerkollegiet_tannhelse_innspill_2026.pdf');
const TROMS = path.join(FIXTURES, 'troms_fylkeskommune_saksprotokoll_2026.pdf');
const ENCRYPTED = path.join(FIXTURES, 'encrypted-user-pw.pdf');
const REAL = [SUNNMORE, STORBY, NOTAT, TANNHELSE, TROMS];

const read = (f: string) => new Uint8Array(fs.readFileSync(f));
const cache = new Map<string, Promise<ExtractedDocument>>();
/** Extracts a fixture once per test run. */
function doc(file: string): Promise<ExtractedDocument> {
  let p = cache.get(file);
  if (!p) {
    p = extractPdf(read(file), { file });
    cache.set(file, p);
  }
  return p;
}

async function rejectsWith(p: Promise<unknown>, code: ExtractionError['code'], message?: RegExp): Promise<ExtractionError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ExtractionError, `expected an ExtractionError, got ${String(e)}`);
    assert.strictEqual(e.code, code, `code of «${e.message}»`);
    if (message) assert.match(e.message, message);
    return e;
  }
  assert.fail(`expected ExtractionError '${code}'`);
}

interface Line {
  text: string;
  x: number;
  y: number;
  size?: number;
}

/** Builds a PDF with pdf-lib: one array of lines per page (Helvetica, A4). */
async function makePdf(pages: Line[][], opts: { objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font: PDFFont = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    for (const l of lines) page.drawText(l.text, { x: l.x, y: l.y, size: l.size ?? 11, font });
    if (!lines.length) page.drawRectangle({ x: 100, y: 100, width: 200, height: 300, borderWidth: 2 });
  }
  return pdf.save({ useObjectStreams: opts.objectStreams ?? true });
}

/** Lines of a paragraph: 11 pt text, 14 pt apart, from y downwards. */
const para = (texts: string[], x: number, y: number, leading = 14): Line[] =>
  texts.map((text, k) => ({ text, x, y: y - k * leading }));

/** The span of `items` covering text offset `pos`, by binary search. */
function spanAt(items: TextItemSpan[], pos: number): TextItemSpan | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = items[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** pdf.js item strings per page, read directly with pdf.js (to check the spans against). */
async function pdfjsItems(data: Uint8Array): Promise<string[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const d = await pdfjs.getDocument({ data: new Uint8Array(data), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const out: string[][] = [];
    for (let n = 1; n <= d.numPages; n++) {
      const page = await d.getPage(n);
      const tc = await page.getTextContent();
      out.push(tc.items.map((it) => ('str' in it ? it.str : '')));
      page.cleanup();
    }
    return out;
  } finally {
    await d.destroy();
  }
}

function hasPdftotext(): boolean {
  return !spawnSync('pdftotext', ['-v']).error;
}

describe('extractPdf — real documents', function () {
  this.timeout(60000);

  it('reads the Nynorsk letter from Sunnmøre regionråd', async () => {
    const d = await doc(SUNNMORE);
    assert.strictEqual(d.format, 'pdf');
    assert.strictEqual(d.pages, 2);
    assert.ok(d.text.includes('Selskapet skal bidra til at kommunane på\nSunnmøre jobbar saman'));
    assert.ok(d.text.includes('Sunnmøre regionråd foreslår å legge ned dei fire regionale helseføretaka og la staten ved'));
    assert.ok(d.text.includes('Det må leggast opp til å styrke eit likeverdig samarbeid'));
    assert.deepStrictEqual(d.warnings, []);
    // Paragraphs are separated by a blank line, lines of a paragraph by a single line break.
    assert.ok(d.text.includes('konkurransekraft.\n\nSelskapet skal på vegne av deltakarkommunane'));
    assert.ok(/eit likeverdig\ntilbod om spesialisthelsetenester/.test(d.text));
  });

  it('reads KS storbynettverk: bullets, page 2 text, outline', async () => {
    const d = await doc(STORBY);
    assert.strictEqual(d.pages, 2);
    assert.ok(d.text.includes('Innspill fra KS storbynettverk til helsereformutvalget'));
    assert.ok(d.text.includes('• Primærhelsetjenesten er grunnpilaren i vårt felles helsevesen. Styrkene må bevares og ikke'));
    assert.ok(d.text.includes('Helsetjenesten skal\nvære der for dem som trenger den mest'));
    assert.deepStrictEqual(d.outline, [{ title: 'Innspill fra KS storbynettverk til helsereformutvalget', page: 1, level: 1 }]);
    const page2 = d.pageSpans[1];
    const at = d.text.indexOf('En nasjonal digital førstelinje');
    assert.ok(at >= page2.start && at < page2.end, 'the bullet about «digital førstelinje» is on page 2');
  });

  it('reads the Kommunedirektørforum note with its words and sentences', async () => {
    const d = await doc(NOTAT);
    assert.strictEqual(d.pages, 4);
    assert.ok(d.text.startsWith('Notat til Helsereformutvalget\n\nTema: Erfaringer og utfordringer sett fra kommunedirektørenes ståsted'));
    assert.ok(d.text.includes('Kommunene er bærebjelken i det norske helsevesenet, men tilbudet er sårbart, og har'));
    // «kommune- og spesialisthelsetjenesten» inside a line is left alone.
    assert.ok(d.text.includes('kommune- og spesialisthelsetjenesten) ikke henger sammen'));
    assert.deepStrictEqual(d.outline, []);
  });

  it('page spans are consecutive, cover the text and pages are separated by a blank line', async () => {
    for (const f of REAL) {
      const d = await doc(f);
      assert.strictEqual(d.pageSpans.length, d.pages, f);
      assert.strictEqual(d.pageSpans[0].start, 0, f);
      assert.strictEqual(d.pageSpans[d.pageSpans.length - 1].end, d.text.length, f);
      d.pageSpans.forEach((s, i) => {
        assert.strictEqual(s.page, i + 1);
        assert.ok(s.end >= s.start);
        if (i > 0) assert.strictEqual(s.start, d.pageSpans[i - 1].end, `${f}: page ${i + 1} starts where page ${i} ends`);
        if (i < d.pageSpans.length - 1) assert.ok(d.text.slice(s.start, s.end).endsWith('\n\n'), `${f}: page ${i + 1} ends with a blank line`);
      });
    }
  });

  it('item spans map every character back to its pdf.js item', async () => {
    for (const f of [SUNNMORE, TANNHELSE, TROMS]) {
      const d = await doc(f);
      const strs = await pdfjsItems(read(f));
      const items = d.items!;
      assert.ok(items.length > 50, f);
      // Sorted, disjoint, inside the text.
      for (let k = 1; k < items.length; k++) assert.ok(items[k].start >= items[k - 1].end, `${f}: spans in order`);
      // Every span's text is exactly the item's str at itemOffset, and the span lies on its page.
      for (const s of items) {
        const str = strs[s.page - 1][s.item];
        assert.strictEqual(d.text.slice(s.start, s.end), str.slice(s.itemOffset, s.itemOffset + s.end - s.start), `${f}: span ${JSON.stringify(s)}`);
        const ps = d.pageSpans[s.page - 1];
        assert.ok(s.start >= ps.start && s.end <= ps.end, `${f}: span on page ${s.page}`);
      }
      // Every non-blank character comes from an item; a sample of positions maps to an item containing it.
      let checked = 0;
      for (let pos = 0; pos < d.text.length; pos += 7) {
        const ch = d.text[pos];
        const s = spanAt(items, pos);
        if (/\s/.test(ch)) continue;
        assert.ok(s, `${f}: «${ch}» at ${pos} has a span`);
        assert.ok(strs[s.page - 1][s.item].includes(ch));
        assert.strictEqual(strs[s.page - 1][s.item][s.itemOffset + pos - s.start], ch);
        checked++;
      }
      assert.ok(checked > 100, f);
      // A known word points to its page and item.
      const at = d.text.indexOf(f === TROMS ? 'Ungdommens fylkesråd' : f === TANNHELSE ? 'Digital samhandling' : 'Mørebenken');
      assert.ok(at > 0, f);
      const s = spanAt(items, at)!;
      assert.ok(strs[s.page - 1][s.item].includes(d.text.slice(at, Math.min(at + 10, s.end))));
    }
  });

  it('joins a compound broken after its hyphen and keeps the hyphen («e-\\nhelseløsninger»)', async () => {
    const d = await doc(TANNHELSE);
    assert.ok(d.text.includes('Videre integrasjon i nasjonale e-helseløsninger er avgjørende.'));
    // The join spans two items: «… nasjonale e-» and «helseløsninger …».
    const at = d.text.indexOf('e-helseløsninger');
    const a = spanAt(d.items!, at + 1)!;
    const b = spanAt(d.items!, at + 2)!;
    assert.notDeepStrictEqual(a, b);
    assert.strictEqual(a.end, at + 2);
  });

  it('keeps «struktur-\\neller styringsreform» as written', async () => {
    const d = await doc(TROMS);
    assert.ok(d.text.includes('omfattende struktur-\neller styringsreform'));
  });

  it('marks running footers and page numbers as excluded and does not count them', async () => {
    const t = await doc(TANNHELSE);
    const ex = t.excluded.map((r) => t.text.slice(r.start, r.end));
    assert.deepStrictEqual(ex, ['Side 2 av 3', 'Side 3 av 3']);
    assert.strictEqual(countWordsExcluding(t.text, t.excluded), countWords(t.text) - 8);

    const s = await doc(SUNNMORE);
    const sx = s.excluded.map((r) => s.text.slice(r.start, r.end));
    assert.strictEqual(sx.filter((x) => x === 'Nettadresse: www.sunnmoreregionrad.no').length, 2);
    assert.strictEqual(sx.filter((x) => x.startsWith('Besøksadresse: Norsk Maritimt Kompetansesenter')).length, 2);
    assert.strictEqual(sx.length, 6);
    const footerWords = sx.reduce((n, x) => n + countWords(x), 0);
    assert.strictEqual(countWordsExcluding(s.text, s.excluded), countWords(s.text) - footerWords);
    // Body text is never excluded.
    const body = s.text.indexOf('Lokaldemokratisk kontroll');
    assert.ok(!s.excluded.some((r) => body >= r.start && body < r.end));

    const tr = await doc(TROMS);
    assert.deepStrictEqual(tr.excluded.map((r) => tr.text.slice(r.start, r.end)), ['2', '3', '4']);
    tr.excluded.forEach((r, i) => {
      const page = tr.pageSpans.find((p) => r.start >= p.start && r.start < p.end)!;
      assert.strictEqual(page.page, i + 2);
    });

    const st = await doc(STORBY);
    assert.deepStrictEqual(st.excluded.map((r) => st.text.slice(r.start, r.end)), ['Side 2 av 2']);
  });

  it('extractFile reads a PDF by its extension', async () => {
    const d = await extractFile(NOTAT);
    assert.strictEqual(d.format, 'pdf');
    assert.strictEqual(d.text, (await doc(NOTAT)).text);
  });

  it('word, «skal» and «må» counts are within 2 % of pdftotext', async function () {
    if (!hasPdftotext()) this.skip();
    for (const f of REAL) {
      const ref = spawnSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
      assert.strictEqual(ref.status, 0);
      const a = countTerms((await doc(f)).text);
      const b = countTerms(ref.stdout);
      for (const k of ['words', 'skal', 'maa'] as const) {
        assert.ok(Math.abs(a[k] - b[k]) <= 0.02 * b[k], `${path.basename(f)}: ${k} ${a[k]} vs pdftotext ${b[k]}`);
      }
    }
  });
});

describe('extractPdf — layout (PDFs built with pdf-lib)', function () {
  this.timeout(30000);

  it('joins words hyphenated at line ends, keeps compounds and «helse- og»', async () => {
    const data = await makePdf([
      para(
        [
          'Kommunen skal satse på innova-',
          'sjon i alle bydeler og bruke nye IKT-',
          'løsninger i helse-',
          'og omsorgstjenestene i Nord-',
          'Norge. Tjenestene skal utvik-',
          'les sammen med innbyggerne.',
        ],
        72,
        760,
      ),
    ]);
    const d = await extractPdf(data, { file: 'hyphens.pdf' });
    assert.strictEqual(
      d.text,
      'Kommunen skal satse på innovasjon i alle bydeler og bruke nye IKT-løsninger i helse-\n' +
        'og omsorgstjenestene i Nord-Norge. Tjenestene skal utvikles sammen med innbyggerne.',
    );
    assert.strictEqual(countWords(d.text), 24);
    // «innova» + «sjon»: two items, the dropped hyphen maps to nothing.
    const at = d.text.indexOf('innovasjon');
    const first = spanAt(d.items!, at)!;
    const second = spanAt(d.items!, at + 6)!;
    assert.strictEqual(first.item, 0);
    assert.strictEqual(first.end, at + 6);
    assert.strictEqual(second.item, 1);
    assert.strictEqual(second.start, at + 6);
    assert.strictEqual(second.itemOffset, 0);
  });

  it('hyphenJoin rules', () => {
    assert.strictEqual(hyphenJoin('satse på innova-', 'sjon i alle'), 'drop');
    assert.strictEqual(hyphenJoin('nye IKT-', 'løsninger'), 'keep');
    assert.strictEqual(hyphenJoin('i Nord-', 'Norge.'), 'keep');
    assert.strictEqual(hyphenJoin('covid-19-', 'pandemien'), 'keep');
    assert.strictEqual(hyphenJoin('nasjonale e-', 'helseløsninger'), 'keep');
    assert.strictEqual(hyphenJoin('i helse-', 'og omsorg'), undefined);
    assert.strictEqual(hyphenJoin('struktur-', 'eller styring'), undefined);
    assert.strictEqual(hyphenJoin('i stedet ikke-', 'kompenserte'), 'keep');
    assert.strictEqual(hyphenJoin('Dersom sørge-for-', 'ansvaret'), 'keep');
    assert.strictEqual(hyphenJoin('tekst -', 'neste'), undefined);
    assert.strictEqual(hyphenJoin('https://www.example.no/organisering-', 'og-tjenester/x'), 'keep');
    // The document's own words decide: «beslutnings-\ngrunnlag» is joined when «beslutningsgrunnlag» occurs.
    assert.strictEqual(hyphenJoin('helse-', 'reformen', new Set(['helse-reformen'])), 'keep');
    assert.strictEqual(hyphenJoin('beslutnings-', 'grunnlag', new Set(['beslutningsgrunnlaget'])), 'drop');
  });

  it('reads a two-column page left column first, a full-width title before both', async () => {
    const left = Array.from({ length: 10 }, (_, k) => `Venstre spalte linje ${k + 1} om kommunen`);
    const right = Array.from({ length: 10 }, (_, k) => `Høyre spalte linje ${k + 1} om bydelene`);
    const data = await makePdf([
      [
        { text: 'Tittel som går over begge spaltene på siden', x: 72, y: 780, size: 16 },
        ...para(left, 72, 740),
        ...para(right, 320, 740),
      ],
    ]);
    const d = await extractPdf(data, {});
    const lines = d.text.split('\n').filter((l) => l.trim());
    assert.deepStrictEqual(lines, ['Tittel som går over begge spaltene på siden', ...left, ...right]);
    assert.ok(d.text.indexOf('Venstre spalte linje 10') < d.text.indexOf('Høyre spalte linje 1 '));
  });

  it('a single-column page with a short table is not read as columns', async () => {
    const body = Array.from({ length: 8 }, (_, k) => `Dette er en vanlig brødtekstlinje nummer ${k + 1} som går over hele bredden av siden.`);
    const data = await makePdf([
      [...para(body, 72, 760), { text: 'Frist', x: 72, y: 620 }, { text: '1. mars 2026', x: 320, y: 620 }],
    ]);
    const d = await extractPdf(data, {});
    assert.ok(d.text.includes('Frist 1. mars 2026'));
    assert.ok(d.text.indexOf('nummer 8') < d.text.indexOf('Frist'));
  });

  it('separates paragraphs by a blank line and pages by a blank line', async () => {
    const data = await makePdf([
      [...para(['Første avsnitt, linje en,', 'og linje to.'], 72, 760), ...para(['Andre avsnitt, linje en,', 'og linje to.'], 72, 720)],
      para(['Side to, første linje.', 'Side to, andre linje.'], 72, 760),
    ]);
    const d = await extractPdf(data, {});
    assert.strictEqual(
      d.text,
      'Første avsnitt, linje en,\nog linje to.\n\nAndre avsnitt, linje en,\nog linje to.\n\nSide to, første linje.\nSide to, andre linje.',
    );
    assert.deepStrictEqual(
      d.pageSpans.map((p) => d.text.slice(p.start, p.end)),
      ['Første avsnitt, linje en,\nog linje to.\n\nAndre avsnitt, linje en,\nog linje to.\n\n', 'Side to, første linje.\nSide to, andre linje.'],
    );
  });

  it('excludes repeated headers, footers and lone page numbers of a longer document', async () => {
    const pages = Array.from({ length: 4 }, (_, k) => [
      { text: 'Policy Lens testrapport 2026', x: 72, y: 800, size: 9 },
      ...para([`Innhold på side ${k + 1} skal stå her.`, 'Kommunen må svare innen fristen.'], 72, 740),
      { text: `- ${k + 1} -`, x: 290, y: 40, size: 9 },
    ]);
    const d = await extractPdf(await makePdf(pages), {});
    const ex = d.excluded.map((r) => d.text.slice(r.start, r.end));
    assert.deepStrictEqual(ex, [
      'Policy Lens testrapport 2026',
      '- 1 -',
      'Policy Lens testrapport 2026',
      '- 2 -',
      'Policy Lens testrapport 2026',
      '- 3 -',
      'Policy Lens testrapport 2026',
      '- 4 -',
    ]);
    assert.strictEqual(countWordsExcluding(d.text, d.excluded), 4 * 12);
  });

  it('warns about a page without text and reads the others', async () => {
    const data = await makePdf([para(['Tekst på første side.'], 72, 760), []]);
    const d = await extractPdf(data, { file: 'mixed.pdf' });
    assert.strictEqual(d.pages, 2);
    assert.strictEqual(d.text.trim(), 'Tekst på første side.');
    assert.strictEqual(d.warnings.length, 1);
    assert.match(d.warnings[0], /Page 2 has no text layer/);
    assert.strictEqual(d.pageSpans[1].start, d.pageSpans[1].end);
  });
});

describe('extractPdf — bad input', function () {
  this.timeout(30000);

  it('a PDF without any text → no-text (scanned, OCR needed)', async () => {
    const data = await makePdf([[], []]);
    await rejectsWith(extractPdf(data, { file: 'scan.pdf' }), 'no-text', /scan\.pdf.*no text found.*scanned.*OCR/s);
  });

  it('a truncated PDF → corrupt', async () => {
    const data = await makePdf([para(['Noe tekst som blir kuttet bort.'], 72, 760)]);
    await rejectsWith(extractPdf(data.slice(0, data.length >> 1), { file: 'cut.pdf' }), 'corrupt', /cut\.pdf.*damaged/);
    const real = read(NOTAT);
    await rejectsWith(extractPdf(real.slice(0, real.length >> 1), { file: 'notat.pdf' }), 'corrupt', /notat\.pdf/);
  });

  it('random bytes and a text file → not a PDF', async () => {
    let seed = 42;
    const random = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
    await rejectsWith(extractPdf(random, { file: 'random.pdf' }), 'unsupported', /random\.pdf is not a PDF/);
    const text = new TextEncoder().encode('Dette er en tekstfil, ikke en PDF.\n'.repeat(20));
    await rejectsWith(extractPdf(text, { file: 'notes.pdf' }), 'unsupported', /not a PDF/);
    await rejectsWith(extractPdf(new Uint8Array(0), { file: 'empty.pdf' }), 'corrupt', /empty/);
  });

  it('an encrypted PDF needs its password', async () => {
    const data = read(ENCRYPTED);
    await rejectsWith(extractPdf(data, { file: 'encrypted-user-pw.pdf' }), 'password', /encrypted-user-pw\.pdf is password-protected/);
    await rejectsWith(extractPdf(data, { file: 'encrypted-user-pw.pdf', password: 'feil' }), 'password', /password given is wrong/);
    const d = await extractPdf(data, { file: 'encrypted-user-pw.pdf', password: 'user' });
    assert.strictEqual(d.text, 'Kommunen skal rapportere innen fristen.\nDette er et kryptert testdokument.');
    const viaFile = await extractFile(ENCRYPTED, { password: 'user' });
    assert.strictEqual(viaFile.text, d.text);
  });

  it('does not modify the caller’s buffer and accepts a Node Buffer', async () => {
    const buf = fs.readFileSync(NOTAT);
    const copy = Buffer.from(buf);
    const d = await extractPdf(buf, { file: 'notat.pdf' });
    assert.ok(d.text.length > 1000);
    assert.ok(buf.equals(copy));
  });

  it('leaves the process built-ins native after loading pdf.js', async () => {
    await doc(NOTAT);
    assert.match(Function.prototype.toString.call(JSON.stringify), /\[native code\]/);
    assert.strictEqual(JSON.stringify({ a: [1, 'x'] }), '{"a":[1,"x"]}');
    const a: number[] = [];
    a.push(1, 2);
    assert.deepStrictEqual(a, [1, 2]);
  });
});
