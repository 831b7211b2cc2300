import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeText, checklist, compareVersions } from '../../src/core';
import { cli } from './support/cli';
import { diffWindow } from '../../src/cli/draft';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const OLD = path.join(ROOT, 'test', 'fixtures', 'corpus', 'hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet.md');
const NEW = path.join(ROOT, 'test', 'fixtures', 'compare', 'hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet_v2.md');

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('compare: two versions of an allocation letter', function () {
  this.timeout(60_000);
  const oldText = fs.readFileSync(OLD, 'utf8');
  const newText = fs.readFileSync(NEW, 'utf8');
  const a = analyzeText(oldText, { format: 'md' });
  const b = analyzeText(newText, { format: 'md' });

  it('lists exactly the sentences edited by hand, each in the right direction', () => {
    const t0 = Date.now();
    const c = compareVersions(a, b);
    const ms = Date.now() - t0;
    console.log(`      compare (analyses done): ${ms} ms for ${a.sentences.length} + ${b.sentences.length} sentences`);
    const pair = (p: { old: { text: string }; new: { text: string } }) => [p.old.text, p.new.text];
    assert.deepStrictEqual(c.sentences.moreEnabling.map(pair), [
      ['Helsedirektoratet skal samarbeide med Folkehelseinstituttet.', 'Helsedirektoratet kan samarbeide med Folkehelseinstituttet.'],
      ['Prosjektgruppen skal avklare ressursbehov og tilgang til helsefaglig kompetanse.', 'Prosjektgruppen står fritt til å avklare ressursbehov og tilgang til helsefaglig kompetanse.'],
    ]);
    assert.deepStrictEqual(c.sentences.moreTopDown.map(pair), [
      [
        'I anskaffelsen bør det legges vekt på at dette er kilder som kan brukes uten videre bearbeiding.',
        'I anskaffelsen skal det legges vekt på at dette er kilder som kan brukes uten videre bearbeiding.',
      ],
    ]);
    for (const p of [...c.sentences.moreEnabling, ...c.sentences.moreTopDown]) assert.ok(p.similarity < 1 && p.similarity >= 0.6);
    assert.ok(c.sentences.moreEnabling.every((p) => p.delta > 0) && c.sentences.moreTopDown.every((p) => p.delta < 0));
    assert.deepStrictEqual(c.sentences.edited.map((p) => p.new.text.includes('vurdere om det er mulig og hensiktsmessig')), [true]);
    assert.deepStrictEqual(c.sentences.moved.map((p) => p.new.text), ['Delen om informasjon og transport skal prioriteres.']);
    assert.deepStrictEqual(c.sentences.added.map((s) => s.text), ['Bydelene i Oslo får handlingsrom til å prøve ut nye løsninger for samskaping med frivilligheten.']);
    assert.deepStrictEqual(c.sentences.removed.map((s) => s.text), ['Eventuelle behov for tilpasninger for eldre som mangler tilstrekkelig digital kompetanse skal beskrives.']);
    // every other sentence is matched unchanged
    const content = (x: typeof a) => x.sentences.filter((s) => !s.excluded && /\p{L}/u.test(s.text)).length;
    assert.strictEqual(c.sentences.unchanged, content(a) - 4 - 1);
    assert.strictEqual(c.sentences.unchanged, content(b) - 4 - 1);
    // offsets point into the versions
    for (const p of c.sentences.moreEnabling) {
      assert.strictEqual(newText.slice(p.new.start, p.new.end), p.new.text);
      assert.strictEqual(oldText.slice(p.old.start, p.old.end), p.old.text);
    }
    // the score, districts and terms
    assert.strictEqual(c.score.old, a.score.value);
    assert.strictEqual(c.score.new, b.score.value);
    assert.ok(c.score.delta > 0, 'two orders softened, one advice hardened, an enabling sentence added: the score rises');
    assert.deepStrictEqual(c.districts.gained.map((g) => [g.role, g.new.text.slice(0, 15)]), [['enabled', 'Bydelene i Oslo']]);
    assert.deepStrictEqual(c.districts.lost, []);
    assert.deepStrictEqual(c.districts.roles.find((r) => r.role === 'enabled'), { role: 'enabled', old: 0, new: 1, delta: 1 });
    assert.ok(c.terms.added.some((t) => t.term === 'samskaping' && t.category === 'cocreation'));
    assert.deepStrictEqual(c.terms.removed, []);
    const skal = c.terms.counts.find((t) => t.term === 'skal')!;
    assert.deepStrictEqual([skal.oldExact, skal.newExact], [count(oldText, /(?<![\p{L}])skal(?![\p{L}])/giu), count(newText, /(?<![\p{L}])skal(?![\p{L}])/giu)]);
    assert.ok(ms < 1000, `compare took ${ms} ms`);
  });

  it('an identical document has no changes; a paragraph moved elsewhere is matched, not added and removed', () => {
    const same = compareVersions(a, analyzeText(oldText, { format: 'md' }));
    assert.strictEqual(same.sentences.moreTopDown.length + same.sentences.moreEnabling.length + same.sentences.added.length + same.sentences.removed.length + same.sentences.moved.length, 0);
    const doc = '# A\n\nBydelene skal rapportere innen 1. mars. Tiltaket skal evalueres.\n\n# B\n\nHelsedirektoratet kan samarbeide med Folkehelseinstituttet.\n';
    const swapped = '# B\n\nHelsedirektoratet kan samarbeide med Folkehelseinstituttet.\n\n# A\n\nBydelene skal rapportere innen 1. mars. Tiltaket skal evalueres.\n';
    const c = compareVersions(analyzeText(doc, { format: 'md' }), analyzeText(swapped, { format: 'md' }));
    assert.deepStrictEqual([c.sentences.added.length, c.sentences.removed.length, c.sentences.moreTopDown.length, c.sentences.moreEnabling.length], [0, 0, 0, 0]);
    assert.ok(c.sentences.moved.length >= 1);
    // a rewritten sentence (little in common) is removed and added, not matched
    const c2 = compareVersions(analyzeText('Bydelene skal rapportere innen 1. mars.', { format: 'txt' }), analyzeText('Innbyggerne inviteres til et folkemøte om parken.', { format: 'txt' }));
    assert.deepStrictEqual([c2.sentences.added.length, c2.sentences.removed.length], [1, 1]);
  });

  it('the terminal view shows an edit around what changed', () => {
    const [x, y] = diffWindow('Arbeidsgruppen skal videre vurdere om det mulig og hensiktsmessig å overføre personell fra statsforvalterne til Statens vegvesen.', 'Arbeidsgruppen skal videre vurdere om det er mulig og hensiktsmessig å overføre personell fra statsforvalterne til Statens vegvesen.', 60);
    assert.ok(x.includes('om det mulig') && y.includes('om det er mulig'), `${x} / ${y}`);
    assert.ok(x.length <= 60 && y.length <= 60);
  });

  it('policy-lens compare: table, json and md; usage errors', async () => {
    const json = await cli(['compare', OLD, NEW, '--format', 'json']);
    assert.strictEqual(json.code, 0, json.stderr);
    const j = JSON.parse(json.stdout);
    assert.strictEqual(j.old, OLD);
    assert.strictEqual(j.sentences.moreEnabling.length, 2);
    assert.strictEqual(j.sentences.moreEnabling[0].new.where, 'line 194');
    assert.strictEqual(j.sentences.added[0].where, 'line 301');
    const md = await cli(['compare', OLD, NEW, '--format=md']);
    assert.strictEqual(md.code, 0);
    assert.ok(md.stdout.includes('## More enabling (2)') && md.stdout.includes('## More top-down (1)') && md.stdout.includes('## Added (1)'));
    const table = await cli(['compare', OLD, NEW]);
    assert.strictEqual(table.code, 0);
    assert.ok(/More enabling \(2\)/.test(table.stdout) && /Removed \(1\)/.test(table.stdout) && /samskaping 0 → 1/.test(table.stdout), table.stdout);
    for (const bad of [['compare', OLD], ['compare', OLD, NEW, '--format', 'csv'], ['compare', OLD, NEW, '--addressee', 'x'], ['suggest', OLD]]) {
      const r = await cli(bad);
      assert.strictEqual(r.code, 2, bad.join(' '));
      assert.ok(r.stderr.includes('Usage:'));
    }
    const missing = await cli(['compare', OLD, path.join(ROOT, 'no-such-file.md')]);
    assert.strictEqual(missing.code, 1);
    assert.ok(missing.stderr.includes('no-such-file.md'));
  });

  it('policy-lens suggest: one JSON object per line with exactly the issue’s fields', async () => {
    const r = await cli(['suggest', '--max', '2'], 'Bydelene skal rapportere måloppnåelse innen 15. april.\n\nBydelen kan søke om midler.\nKommunen skal tilby plass jf. barnehageloven § 12 a.\n');
    assert.strictEqual(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.strictEqual(lines.length, 3);
    assert.deepStrictEqual(Object.keys(lines[0]), ['text', 'framing', 'suggestions']);
    assert.strictEqual(lines[0].suggestions.length, 2);
    for (const s of lines[0].suggestions) assert.deepStrictEqual(Object.keys(s), ['text', 'framing', 'deontic', 'scoreDelta', 'reason']);
    assert.deepStrictEqual(lines[1].suggestions, []);
    if (lines[2].framing === 'top-down') assert.ok(lines[2].note.includes('legal duty'));
    assert.deepStrictEqual(lines[2].suggestions, []);
  });
});

describe('checklist: the study’s conclusions, item by item', () => {
  const item = (text: string, id: string) => {
    const a = analyzeText(text, { format: 'txt' });
    const i = checklist(a).find((x) => x.id === id)!;
    return { ok: i.ok, sentences: i.sentences.map((k) => a.sentences[k].text) };
  };

  it('districts given a role in innovation', () => {
    assert.deepStrictEqual(item('Bydelene skal prøve ut nye løsninger sammen med innbyggerne. Vi satser på innovasjon i hele kommunen.', 'district-role'), {
      ok: true,
      sentences: ['Bydelene skal prøve ut nye løsninger sammen med innbyggerne.'],
    });
    const gap = item('Vi satser på innovasjon i hele kommunen. Bydelene skal rapportere innen 1. mars.', 'district-role');
    assert.deepStrictEqual(gap, { ok: false, sentences: ['Vi satser på innovasjon i hele kommunen.'] });
  });

  it('resources tied to innovation demands', () => {
    assert.strictEqual(item('Bydelene tildeles 5 mill. kroner til utprøving av nye løsninger.', 'resources').ok, true);
    assert.deepStrictEqual(item('Bydelene skal prøve ut nye løsninger for hjemmetjenesten.', 'resources'), { ok: false, sentences: ['Bydelene skal prøve ut nye løsninger for hjemmetjenesten.'] });
  });

  it('trust and room for professional judgement (a negated one does not count)', () => {
    assert.strictEqual(item('Ledere gis handlingsrom til å organisere arbeidet.', 'trust').ok, true);
    assert.strictEqual(item('Det er ikke lenger handlingsrom for unntak.', 'trust').ok, false);
    assert.strictEqual(item('Arbeidet skal bygge på tillit til de ansatte.', 'trust').ok, true);
  });

  it('bottom-up channels for ideas', () => {
    assert.strictEqual(item('Bydelene kan søke om innovasjonsmidler fra fondet.', 'bottom-up').ok, true);
    assert.strictEqual(item('Innspill fra bydelene tas med i arbeidet.', 'bottom-up').ok, true);
    assert.strictEqual(item('Bydelene skal rapportere innen 1. mars.', 'bottom-up').ok, false);
  });

  it('empty innovation terms: no actor, no action, no resource, no measure', () => {
    assert.deepStrictEqual(item('Innovasjon er viktig. Bydelene skal prøve ut nye løsninger.', 'no-empty-terms'), { ok: false, sentences: ['Innovasjon er viktig.'] });
    assert.strictEqual(item('Bydelene skal prøve ut nye løsninger.', 'no-empty-terms').ok, true);
  });

  it('the corpus letter: no district, no bottom-up channel', () => {
    const a = analyzeText(fs.readFileSync(OLD, 'utf8'), { format: 'md' });
    const c = checklist(a);
    assert.deepStrictEqual(c.map((x) => x.id), ['district-role', 'resources', 'trust', 'bottom-up', 'no-empty-terms']);
    assert.strictEqual(c.find((x) => x.id === 'district-role')!.ok, false);
    assert.strictEqual(c.find((x) => x.id === 'bottom-up')!.ok, false);
    for (const x of c) for (const k of x.sentences) assert.ok(k >= 0 && k < a.sentences.length);
  });
});
