import * as assert from 'assert';
import { segmentBlocks, splitSentences, sectionsFrom, sentencesOf } from '../../src/core/segment/segment';
import { tokenize } from '../../src/core/tokenize/tokenize';
import { countWords } from '../../src/core/tokenize/words';

function sentences(text: string): string[] {
  return splitSentences(text, 0, text.length).map((r) => text.slice(r.start, r.end));
}

describe('segment: sentences', () => {
  it('does not end a sentence at Norwegian abbreviations', () => {
    const text =
      'Tiltakene omfatter bl.a. opplæring, f.eks. kurs, jf. kap. 3 og pkt. 4 mv. i planen. ' +
      'Se Meld. St. 9 (2023–2024) og St.meld. nr. 47, dvs. samhandlingsreformen. Det koster ca. 5 mill. kr. i året.';
    assert.deepStrictEqual(sentences(text), [
      'Tiltakene omfatter bl.a. opplæring, f.eks. kurs, jf. kap. 3 og pkt. 4 mv. i planen.',
      'Se Meld. St. 9 (2023–2024) og St.meld. nr. 47, dvs. samhandlingsreformen.',
      'Det koster ca. 5 mill. kr. i året.',
    ]);
  });
  it('keeps dates and ordinals inside the sentence', () => {
    const text = 'Bydelene skal rapportere måloppnåelse innen 15. april. Frist for deloppdraget er 15.6.2026. Det gjelder 3. ledd.';
    assert.deepStrictEqual(sentences(text), [
      'Bydelene skal rapportere måloppnåelse innen 15. april.',
      'Frist for deloppdraget er 15.6.2026.',
      'Det gjelder 3. ledd.',
    ]);
  });
  it('ends at question and exclamation marks and closing quotes', () => {
    assert.deepStrictEqual(sentences('Hvem har ansvaret? Kommunen. «Vi må tenke nytt.» Det sa hun.'), [
      'Hvem har ansvaret?',
      'Kommunen.',
      '«Vi må tenke nytt.»',
      'Det sa hun.',
    ]);
  });
  it('ends a sentence after a footnote mark, which stays with it; numbers and abbreviations stay whole', () => {
    // the form of Meld. St. 9's text (94 such marks) and of KS's consultation response («… gjennomføring.15 Mange …»)
    assert.deepStrictEqual(sentences('Regjeringen utreder en samlet organisering av kompetansesentrene.[134] En desentralisert struktur gir nærhet.'), [
      'Regjeringen utreder en samlet organisering av kompetansesentrene.[134]',
      'En desentralisert struktur gir nærhet.',
    ]);
    assert.deepStrictEqual(sentences('Det krever tid til gjennomføring.15 Mange kommuner er små.'), ['Det krever tid til gjennomføring.15', 'Mange kommuner er små.']);
    assert.deepStrictEqual(sentences('Se kapittel 2.1 Innledning og kl.12 Møtet.'), ['Se kapittel 2.1 Innledning og kl.12 Møtet.']);
  });
  it('gives exact offsets', () => {
    const text = '  Første setning her.  Andre setning.\n';
    for (const r of splitSentences(text, 0, text.length)) assert.strictEqual(text.slice(r.start, r.end).trim(), text.slice(r.start, r.end));
  });
});

describe('segment: blocks and sections', () => {
  it('finds Markdown headings, list items and paragraphs', () => {
    const text = '# Tildelingsbrev\n\nInnledende avsnitt over\nto linjer.\n\n- Første punkt\n- Andre punkt\n\n## Oppdrag\n\nTekst.';
    const blocks = segmentBlocks(text, 'md');
    assert.deepStrictEqual(
      blocks.map((b) => [b.kind, text.slice(b.start, b.end)]),
      [
        ['heading', '# Tildelingsbrev'],
        ['paragraph', 'Innledende avsnitt over\nto linjer.'],
        ['listItem', '- Første punkt'],
        ['listItem', '- Andre punkt'],
        ['heading', '## Oppdrag'],
        ['paragraph', 'Tekst.'],
      ],
    );
    const sections = sectionsFrom(text, blocks);
    assert.deepStrictEqual(sections.map((s) => [s.title, s.level]), [['Tildelingsbrev', 1], ['Oppdrag', 2]]);
  });
  it('gives a heading the same title every time, a long one too (titles are remembered up to a length)', () => {
    const long = '# ' + 'Overskrift   med  mellomrom '.repeat(30).trim();
    const text = `## Mål  og   tiltak\n\nTekst.\n\n${long}\n\nTekst.\n\n## Mål og tiltak\n`;
    const blocks = segmentBlocks(text, 'md');
    const first = sectionsFrom(text, blocks).map((s) => s.title);
    assert.deepStrictEqual(sectionsFrom(text, blocks).map((s) => s.title), first);
    assert.strictEqual(first[0], 'Mål og tiltak');
    assert.strictEqual(first[1], 'Overskrift med mellomrom '.repeat(30).trim());
    assert.strictEqual(first[2], 'Mål og tiltak');
  });
  it('treats CRLF like LF', () => {
    const text = 'Avsnitt en.\r\n\r\nAvsnitt to.\r\n';
    assert.deepStrictEqual(segmentBlocks(text, 'txt').map((b) => text.slice(b.start, b.end)), ['Avsnitt en.', 'Avsnitt to.']);
  });
  it('takes a short unpunctuated line in plain text as a heading', () => {
    const text = '3.2 Oppfølging av bydelene\n\nBydelene skal rapportere.';
    assert.strictEqual(segmentBlocks(text, 'txt')[0].kind, 'heading');
  });
  it('finds a heading inside hard-wrapped text (no blank line around it), not a wrapped line or a running header', () => {
    // the form of KS's consultation response in the corpus (text from a PDF, lines wrapped at the page's width)
    const text =
      'Norge. De kommunale allmennlegetjenestene bidrar med nærhet til innbyggerne, lokalkunnskap og\n' +
      'evne til å håndtere både hverdagsmedisin, akutte situasjoner og større kriser.\n' +
      'Legevakten må være en sentral del av allmennlegetjenesten og helseberedskapen i kommunene\n' +
      'De kommunale allmennlegetjenestene bidrar med nærhet til innbyggerne. Legevakten spiller også\n' +
      'en viktig rolle i totalberedskapen i kriser og krig. Desentraliserte tjenester gir nærhet. Vi samarbeider med\n' +
      'Helsedirektoratet om dette arbeidet i hele landet og i alle kommunene som vi kjenner godt.\n' +
      'For å sikre helhetlige og trygge pasientforløp er det behov for dedikerte\n' +
      'DHO-kontakter i kommuner og sykehus. Rollen fungerer som et bindeledd mellom nivåene her.\n' +
      '2. Mer samarbeid mellom kommuner\n' +
      'I kommuneproposisjonen for 2027 varsles det at det kommer en egen sak om samarbeid.\n';
    const blocks = segmentBlocks(text, 'txt');
    assert.deepStrictEqual(
      blocks.filter((b) => b.kind === 'heading').map((b) => [text.slice(b.start, b.end), b.level]),
      [
        ['Legevakten må være en sentral del av allmennlegetjenesten og helseberedskapen i kommunene', 3],
        ['2. Mer samarbeid mellom kommuner', 1],
      ],
    );
    const inBlocks = blocks.flatMap((b) => sentencesOf(text, b).map((r) => text.slice(r.start, r.end)));
    assert.ok(inBlocks.includes('De kommunale allmennlegetjenestene bidrar med nærhet til innbyggerne.'), inBlocks.join('\n'));
    // (a line as wide as the text around it is a wrapped line, whatever follows it)
    assert.ok(inBlocks.some((x) => x.startsWith('Vi samarbeider med\nHelsedirektoratet om')), inBlocks.join('\n'));
    // numbered lines: a chapter before its first section is a heading; items of their own rank are a list
    const numbered = 'Innledning her.\n1. Tjenesteutvikling\n1.1 Integrasjon i helhetlige pasientforløp\nDet er godt dokumentert at oral helse er viktig.\n1. Riktig kvalitet\n2. Mest mulig helse for tilgjengelige ressurser\n';
    assert.deepStrictEqual(
      segmentBlocks(numbered, 'txt').map((b) => [b.kind, numbered.slice(b.start, b.end)]),
      [
        ['paragraph', 'Innledning her.'],
        ['heading', '1. Tjenesteutvikling'],
        ['heading', '1.1 Integrasjon i helhetlige pasientforløp'],
        ['paragraph', 'Det er godt dokumentert at oral helse er viktig.'],
        ['listItem', '1. Riktig kvalitet'],
        ['listItem', '2. Mest mulig helse for tilgjengelige ressurser'],
      ],
    );
    // a letterhead repeated on every page stands apart from the sentence after it, but is no heading
    const header = 'KOMMUNESEKTORENS ORGANISASJON\nThe Norwegian Association of Local and Regional Authorities. Side 1 av mange sider her.\n';
    const letter = `${header}Tekst.\n\n${header}Tekst.\n\n${header}Tekst.\n`;
    const lb = segmentBlocks(letter, 'txt');
    assert.strictEqual(lb.filter((b) => b.kind === 'heading').length, 0);
    assert.strictEqual(letter.slice(lb[0].start, lb[0].end), 'KOMMUNESEKTORENS ORGANISASJON');
  });
});

describe('tokenize and count words', () => {
  it('keeps hyphenated compounds whole with their parts and exact offsets', () => {
    const text = 'Nye IKT-løsninger og lovpålagt-kortet.';
    const toks = tokenize(text).filter((t) => t.kind === 'word');
    assert.deepStrictEqual(toks.map((t) => t.text), ['Nye', 'IKT-løsninger', 'og', 'lovpålagt-kortet']);
    const ikt = toks[1];
    assert.deepStrictEqual(ikt.parts!.map((p) => text.slice(p.start, p.end)), ['IKT', 'løsninger']);
    for (const t of tokenize(text)) assert.strictEqual(text.slice(t.start, t.end), t.text);
  });
  it('counts runs of letters and digits, a hyphenated compound as one', () => {
    assert.strictEqual(countWords('Helse- og omsorgsdepartementet ber om IKT-løsninger innen 1.5.2026.'), 10);
  });
});
