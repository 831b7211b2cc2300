import * as assert from 'assert';
import * as path from 'path';
import { analyzeText } from '../../src/core/node';
import { concordance, LoadedDocument, loadDocument, sentenceInCategory, threadThemes } from '../../src/core/workspace';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
const LETTER = path.join(CORPUS, 'hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet.md');
const OSLO = path.join(CORPUS, 'helsefellesskap_oslo_innsiktsrapport_psykisk_helse_barn_unge_2025_EXCERPT.md');
const KS = path.join(CORPUS, 'ks_storbynettverk_innspill_2026.txt');
const SUNNMORE_PDF = path.join(ROOT, 'test', 'fixtures', 'pdf', 'sunnmore_regionrad_innspel_2026_nn.pdf');

describe('concordance (keyword in context)', function () {
  this.timeout(30_000);
  let docs: LoadedDocument[];
  before(async function () {
    docs = await Promise.all([LETTER, OSLO, KS].map((f) => loadDocument(f)));
  });

  it('finds a plain word as a whole word, with offsets, page, 60 characters of context and counts per document', function () {
    const r = concordance(docs, { term: 'skal' });
    const letter = docs[0];
    assert.deepStrictEqual(
      r.counts.map((c) => c.hits),
      docs.map((d) => d.analysis.counts.exact.skal),
    );
    assert.strictEqual(r.total, r.hits.length);
    for (const h of r.hits) {
      const d = docs.find((x) => x.file === h.file)!;
      assert.strictEqual(d.text.slice(h.start, h.end).toLowerCase(), 'skal');
      assert.strictEqual(h.match.toLowerCase(), 'skal');
      assert.ok(h.left.length <= 60 && h.right.length <= 60);
      assert.ok(!/\n/.test(h.left + h.right));
      assert.strictEqual(h.page, 1);
    }
    // «skala» is not «skal»
    assert.ok(!r.hits.some((h) => /^skal[a-zæøå]/i.test(h.match + h.right)));
    const first = r.hits.find((h) => h.file === letter.file)!;
    assert.ok(letter.text.slice(first.start - 60, first.start).replace(/\s+/g, ' ').endsWith(first.left));
    assert.ok(r.counts[0].per1000Words! > 0);
  });

  it('takes the lexicon’s pattern syntax: prefixes, endings and phrases', function () {
    const prefix = concordance(docs, { term: 'samskap*' });
    assert.strictEqual(prefix.total, 1);
    assert.strictEqual(prefix.hits[0].match, 'samskapingsutvalget');
    assert.match(prefix.hits[0].left, /Innovasjons- og $/);
    const ending = concordance(docs, { term: '*medvirkning' });
    assert.ok(ending.hits.some((h) => h.match.toLowerCase() === 'brukermedvirkning'));
    const phrase = concordance(docs, { term: 'ber … om' });
    assert.ok(phrase.total >= 1);
    assert.ok(phrase.hits.every((h) => /^ber\b/i.test(h.match) && /\bom$/i.test(h.match)));
    assert.throws(() => concordance(docs, { term: '*ab' }), /Invalid term/);
    assert.throws(() => concordance(docs, {}), /term or a category/);
  });

  it('lists a category’s findings, and a term inside sentences of a category', function () {
    const co = concordance(docs, { category: 'cocreation' });
    assert.deepStrictEqual(
      co.counts.map((c) => c.hits),
      docs.map((d) => d.analysis.findings.filter((f) => f.category === 'cocreation').length),
    );
    assert.ok(co.hits.every((h) => h.category === 'cocreation' && h.entry));
    const skalInnovation = concordance([docs[0]], { term: 'skal', category: 'innovation' });
    assert.ok(skalInnovation.total > 0 && skalInnovation.total < docs[0].analysis.counts.exact.skal);
    for (const h of skalInnovation.hits) assert.ok(sentenceInCategory(docs[0].analysis.sentences[h.sentence!], 'innovation'));
    const capped = concordance(docs, { term: 'skal' }, { maxHits: 3, context: 10 });
    assert.strictEqual(capped.hits.length, 3);
    assert.ok(capped.truncated && capped.total > 3);
    assert.ok(capped.hits.every((h) => h.left.length <= 10));
  });

  it('gives PDF page numbers, and works on text without an analysis', async function () {
    const pdf = await loadDocument(SUNNMORE_PDF);
    const r = concordance([pdf], { term: 'kommunane' });
    assert.ok(r.total > 0);
    for (const h of r.hits) {
      const span = pdf.pageSpans.find((p) => p.start <= h.start && h.start < p.end)!;
      assert.strictEqual(h.page, span.page);
    }
    assert.ok(new Set(r.hits.map((h) => h.page)).size >= 1);
    const bare = concordance([{ file: 'x.txt', text: 'Bydelene skal. Bydelen skal ikke.' }], { term: 'bydel*' });
    assert.deepStrictEqual(bare.hits.map((h) => h.match), ['Bydelene', 'Bydelen']);
    assert.throws(() => concordance([{ file: 'x.txt', text: 'x' }], { category: 'district' }), /needs the document's analysis/);
  });
});

describe('strategy ↔ letter thread', function () {
  this.timeout(30_000);

  it('follows the Oslo report’s district and co-creation themes into the allocation letter, where they are lost', async function () {
    const [letter, oslo] = await Promise.all([loadDocument(LETTER), loadDocument(OSLO)]);
    const r = threadThemes(oslo.analysis, [letter.analysis, oslo.analysis]);
    const keys = r.strategy.themes.map((t) => t.key);
    assert.ok(keys.includes('district:district') && keys.includes('cocreation:participation'), keys.join(' '));
    // weighted by frequency: the weights add up to 1 and follow the counts
    assert.ok(Math.abs(r.strategy.themes.reduce((s, t) => s + t.weight, 0) - 1) < 1e-9);
    for (let i = 1; i < r.strategy.themes.length; i++) assert.ok(r.strategy.themes[i - 1].count >= r.strategy.themes[i].count);
    const district = r.strategy.themes.find((t) => t.key === 'district:district')!;
    assert.strictEqual(district.label, 'bydel');
    assert.ok(district.terms.some((t) => t.term === 'bydelene'));
    const [toLetter, toItself] = r.letters;
    assert.ok(toLetter.lost.includes('district:district'));
    assert.ok(toLetter.lost.includes('cocreation:participation'));
    assert.ok(toLetter.coverage < 0.5, String(toLetter.coverage));
    assert.ok(toLetter.summary.some((s) => /«bydel» \(\d+× in the strategy.*absent from the letter/.test(s)), toLetter.summary.join('\n'));
    assert.strictEqual(toLetter.districtRoles.letter.involved, 0);
    assert.ok(toLetter.districtRoles.strategy.involved > 0);
    // a document carries all of its own themes
    assert.strictEqual(toItself.coverage, 1);
    assert.deepStrictEqual(toItself.lost, []);
  });

  it('names the study’s case: «samskaping» central in the strategy, absent from the letter', function () {
    const strategy = analyzeText(
      'Oslo kommune skal være en samskapingskommune. Bydelene skal samskape tjenester med innbyggerne. ' +
        'Samskaping og medvirkning er bærende prinsipper. Vi vil prøve ut nye løsninger sammen med frivilligheten. ' +
        'Bydelene får handlingsrom til innovasjon.',
      { file: 'strategi.txt' },
    );
    const letter = analyzeText(
      'Bydelene skal rapportere måloppnåelse innen 15. april. Bydelene skal holde budsjettet. ' +
        'Bydelene skal prøve ut nye løsninger for digital hjemmeoppfølging.',
      { file: 'tildelingsbrev.txt' },
    );
    const r = threadThemes(strategy, [letter]);
    const samskaping = r.strategy.themes.find((t) => t.label === 'samskaping')!;
    assert.ok(samskaping && samskaping.count >= 3, JSON.stringify(r.strategy.themes.map((t) => [t.label, t.count])));
    assert.strictEqual(r.strategy.themes[0].key, samskaping.key, 'the heaviest theme');
    const l = r.letters[0];
    assert.strictEqual(l.themes.find((t) => t.key === samskaping.key)!.status, 'lost');
    assert.ok(l.carried.includes('innovation:new-model') || l.carried.includes('innovation:experiment'), l.carried.join(' '));
    assert.match(l.summary[0], /^«samskaping» \(\d+× in the strategy/);
  });
});
