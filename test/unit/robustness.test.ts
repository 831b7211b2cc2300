import * as assert from 'assert';
import { classifySentence } from '../../src/core/node';
import { labelsDiffer, REWRITES, robustness } from '../../scripts/robustness';

describe('robustness rewrites (scripts/robustness.ts, printed and checked by npm run eval)', () => {
  const rewrite = (name: string, s: string) => REWRITES.find((r) => r.name === name)!.apply(s);

  it('rewrite a sentence without changing what it says, or do not apply', () => {
    assert.strictEqual(rewrite('list-number', 'Bydelene skal rapportere.'), '2. Bydelene skal rapportere.');
    assert.strictEqual(rewrite('footnote', 'Bydelene skal rapportere.'), 'Bydelene skal rapportere12.');
    assert.strictEqual(rewrite('footnote', 'Bydelene skal rapportere'), null);
    assert.strictEqual(rewrite('light-adverb', 'Bydelene skal rapportere.'), 'Bydelene skal også rapportere.');
    assert.strictEqual(rewrite('light-adverb', 'Bydelene skal ikke rapportere.'), null);
    assert.strictEqual(rewrite('abbreviation', 'Bydelene skal rapportere.'), 'Bydelene skal bl.a. rapportere.');
    assert.strictEqual(rewrite('soft-hyphen', 'Tjenesteutviklingen skal styrkes.'), 'Tjene\u00adsteutviklingen skal styrkes.');
    assert.strictEqual(rewrite('soft-hyphen', 'Kort setning.'), null);
    // (applied twice, a rewrite gives the same: no state kept between sentences)
    assert.strictEqual(rewrite('zero-width-space', 'Tjenesteutviklingen.'), rewrite('zero-width-space', 'Tjenesteutviklingen.'));
  });

  it('a round or star bullet, or quotation marks around the whole sentence, change no label (gold sentences)', () => {
    const same = (plain: string, rewritten: string) => {
      const a = classifySentence(plain);
      const b = classifySentence(rewritten);
      assert.strictEqual(labelsDiffer(a, b), false, `${rewritten}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
    };
    // (the bullet was part of the first clause: «perioden» read as the subject instead of the inverted «det»)
    const item = 'I perioden skal det utarbeides strategi for hvordan rekruttere flere menn til jobb i barnehager.';
    same(item, '* ' + item);
    same(item, '• ' + item);
    // (the learned layer read a quotation mark as a sign of a quoted demand, also around a whole sentence)
    const quoted = 'Det sistnevnte skal reguleres i en etterfølgende forskrift med krav til kompetanse, veiledning og supervisjon.';
    same(quoted, '«' + quoted + '»');
    same('Data skal deles og brukes slik at grunnleggende rettigheter og friheter respekteres.', '«Data skal deles og brukes slik at grunnleggende rettigheter og friheter respekteres.»');
  });

  it('a label before a colon opens the sentence as a bullet does; a clause before a colon is no label', () => {
    const a = classifySentence('Prosjektgruppen skal utarbeide et forslag til overordnet prosjektplan med en tidsplan for gjennomføringen.');
    const b = classifySentence('Merknad: Prosjektgruppen skal utarbeide et forslag til overordnet prosjektplan med en tidsplan for gjennomføringen.');
    assert.strictEqual(labelsDiffer(a, b), false, JSON.stringify(b));
    assert.strictEqual(a.deontic, 'obligation');
    assert.strictEqual(classifySentence('Tiltak 3.2: Sykehuset og bydelene skal innføre et felles kartleggingsverktøy.').deontic, 'obligation');
    assert.strictEqual(rewrite('label', 'Bydelene skal rapportere.'), 'Merknad: Bydelene skal rapportere.');
    assert.strictEqual(rewrite('label', '2. Bydelene skal rapportere.'), null);
    // an assignment's label hands its infinitive task down; an infinitive item alone stays neutral (the gold)
    const task = classifySentence('Oppdrag 2025-04: Utrede en modell for oppfølging av kommunene innen 1. oktober 2025.');
    assert.deepStrictEqual([task.deontic, task.framing, task.control], ['none', 'top-down', true]);
    assert.strictEqual(classifySentence('Utrede en modell for oppfølging av kommunene.').framing, 'neutral');
  });

  it('compare the gold fields, the actor case-insensitively', () => {
    const a = classifySentence('Bydelene skal rapportere innen 1. mars.');
    assert.strictEqual(labelsDiffer(a, { ...a, actor: 'bydelene' }), false);
    assert.strictEqual(labelsDiffer(a, { ...a, control: !a.control }), true);
  });

  it('leave the labels of real sentences as they are (the shipped engine)', () => {
    // (allocation letters, a consultation response and a municipal page: test/fixtures/gold)
    const sentences = [
      'Helsedirektoratet bes om å utrede oppfølging av tiltakene i opptrappingsplanen innen 1. mars 2026.',
      'Byrådsavdelingen vil i løpet av våren invitere bydelene til et dialogmøte om erfaringene med tillitsreformen.',
      'KS mener det må legges til rette for en nasjonal målarkitektur med strenge krav til standarder.',
      'Bydelane skal rapportere til byrådsavdelinga innan 1. mars.',
      'Det er ikke tillatt å omdisponere midler fra tiltaket til drift av eksisterende IT-systemer.',
    ];
    for (const r of robustness(sentences, classifySentence)) assert.strictEqual(r.changed, 0, `${r.name}: ${r.changed} of ${r.rewritten}`);
  });
});
