import * as assert from 'assert';
import { builtinLexicon } from '../../src/core/lexicon';
import { compileLexicon, matchTokens } from '../../src/core/match/matcher';
import { tokenize } from '../../src/core/tokenize/tokenize';
import { TermMatch } from '../../src/core/types';

function match(sentence: string): TermMatch[] {
  return matchTokens(sentence, tokenize(sentence), compileLexicon(builtinLexicon()));
}
const texts = (s: string, cat?: string) => match(s).filter((m) => !cat || m.category === cat).map((m) => m.text);

describe('matcher', () => {
  it('«må» never matches «måte», «mål», «måned»; «skal» never «skala»', () => {
    const ms = match('På denne måten når vi målet neste måned, målt på en skala fra 1 til 5.');
    assert.deepStrictEqual(ms.filter((m) => /^modal/.test(m.entry)), []);
    assert.deepStrictEqual(texts('Vi må nå målet.', 'directive'), ['må']);
  });
  it('matches compounds by head and modifier', () => {
    assert.deepStrictEqual(texts('Innovasjonsarbeidet og tjenesteinnovasjon gir innovative løsninger.', 'innovation'), [
      'Innovasjonsarbeidet',
      'tjenesteinnovasjon',
      'innovative',
    ]);
    assert.deepStrictEqual(texts('Samskapingsprosessen ble til samskaping.', 'cocreation'), ['Samskapingsprosessen', 'samskaping']);
  });
  it('matches multi-word phrases with inflections and gaps', () => {
    assert.deepStrictEqual(texts('Kommunen skal legge til rette for medvirkning.', 'enabling'), ['legge til rette']);
    assert.ok(texts('Departementet ber Helsedirektoratet om å utrede saken.', 'directive').includes('ber Helsedirektoratet om'));
    assert.deepStrictEqual(texts('Dette skjer i samarbeid med bydelene.', 'collaboration'), ['samarbeid', 'sammen med'].slice(0, 1));
  });
  it('a phrase does not run across a comma, a colon or a bracket; a gap may, and a date keeps its full stop', () => {
    assert.deepStrictEqual(texts('Tjenestene skal i større grad henge sammen med bedre koordinering.', 'collaboration'), ['sammen med', 'koordinering']);
    assert.deepStrictEqual(texts('Tjenestene skal i større grad henge sammen, med bedre koordinering.', 'collaboration'), ['koordinering']);
    assert.ok(texts('Departementet ber Helsedirektoratet, i samråd, om å utrede saken.', 'directive').some((t) => t.startsWith('ber Helsedirektoratet')));
    assert.deepStrictEqual(texts('Rapporten sendes innen 1. mars 2026.', 'control'), ['innen 1. mars 2026']);
  });
  it('matches parts of hyphenated compounds', () => {
    assert.deepStrictEqual(texts('De drar lovpålagt-kortet.', 'directive'), ['lovpålagt-kortet']);
  });
  it('takes the longest district name («Bydel Søndre Nordstrand» over «Nordstrand»)', () => {
    const d = match('Bydel Søndre Nordstrand og bydel Nordstrand samarbeider.').filter((m) => m.category === 'district');
    assert.deepStrictEqual(d.map((m) => m.text), ['Bydel Søndre Nordstrand', 'bydel Nordstrand']);
  });
  it('counts the bare name of an Oslo district, not a neighbourhood (labelling guide)', () => {
    assert.deepStrictEqual(texts('Frogner er et populært område.', 'district'), ['Frogner']);
    assert.deepStrictEqual(texts('Tøyen er et populært område.', 'district'), []);
    assert.deepStrictEqual(texts('Bydelene Frogner og Ullern samarbeider.', 'district'), ['Bydelene', 'Frogner', 'Ullern']);
  });
  it('turns a reduced control term into enabling («redusert detaljstyring»)', () => {
    const ms = match('Ordningen skal bidra til redusert detaljstyring.');
    const m = ms.find((x) => x.text.includes('detaljstyring'))!;
    assert.strictEqual(m.category, 'enabling');
    assert.ok(!ms.some((x) => x.category === 'control'));
  });
  it('does not drop modal verbs as stop words', () => {
    assert.deepStrictEqual(
      match('Kommunen skal, kan og må.').filter((m) => m.entry.startsWith('modal')).map((m) => m.text),
      ['skal', 'kan', 'må'],
    );
  });
  it('gives exact offsets', () => {
    const s = 'I 2026 skal bydelene rapportere måloppnåelse innen 15. april.';
    for (const m of match(s)) assert.strictEqual(s.slice(m.start, m.end), m.text);
  });
});
