import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeText, countWords, DocumentAnalysis, sectionProfiles, sentenceImpact } from '../../src/core/node';

const dir = path.join(__dirname, '../../../test/fixtures/corpus');
const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
const analyze = (f: string): DocumentAnalysis => analyzeText(read(f), { format: f.endsWith('.md') ? 'md' : 'txt', file: f });

const LETTER = 'hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet.md';
const RESPONSES = fs.readdirSync(dir).filter((f) => /innspill|innspel|saksprotokoll|tannhelse|notat/.test(f));

describe('analyze: real documents', () => {
  const letter = analyze(LETTER);

  it('keeps exact offsets for every finding and sentence', () => {
    const text = read(LETTER);
    assert.ok(letter.findings.length > 100);
    for (const f of letter.findings) assert.strictEqual(text.slice(f.start, f.end), f.text);
    for (const s of letter.sentences) assert.strictEqual(text.slice(s.start, s.end), s.text);
  });

  it('counts the study terms as whole words and inflected', () => {
    const text = read(LETTER);
    const whole = (w: string) => (text.match(new RegExp(`(?<![\\p{L}\\p{N}-])${w}(?![\\p{L}\\p{N}-])`, 'giu')) ?? []).length;
    assert.strictEqual(letter.counts.exact.skal, whole('skal'));
    assert.strictEqual(letter.counts.exact.må, whole('må'));
    assert.ok(letter.counts.exact.skal >= 40, `skal ${letter.counts.exact.skal}`);
    assert.ok(letter.counts.inflected.samarbeid >= letter.counts.exact.samarbeid);
  });

  it('recognises the allocation letter as steering from the ministry', () => {
    assert.strictEqual(letter.stance.kind, 'steering');
    assert.strictEqual(letter.stance.writerLevel, 'state');
  });

  it('explains the score: components add up to it, each with its sentences', () => {
    const sum = letter.score.components.reduce((a, c) => a + c.contribution, 0);
    assert.ok(Math.abs(sum - letter.score.value) < 0.05);
    const dir = letter.score.components.find((c) => c.id === 'directive')!;
    assert.ok(dir.sentences.length > 10);
    for (const i of dir.sentences) assert.ok(letter.sentences[i].directive);
    assert.ok(letter.score.value < -15, `letter score ${letter.score.value}`);
    assert.ok(letter.score.axes.directive > letter.score.axes.enabling);
  });

  it('scores the allocation letter more top-down than every consultation response', () => {
    assert.ok(RESPONSES.length >= 6);
    for (const f of RESPONSES) {
      const r = analyze(f);
      assert.ok(r.score.value > letter.score.value, `${f}: ${r.score.value} vs letter ${letter.score.value}`);
    }
  });

  it('reports the district-role gap in the Oslo report', () => {
    const oslo = analyze('helsefellesskap_oslo_innsiktsrapport_psykisk_helse_barn_unge_2025_EXCERPT.md');
    assert.ok(oslo.district.mentions >= 15, `mentions ${oslo.district.mentions}`);
    assert.ok(oslo.district.roles.involved >= 2);
    assert.strictEqual(oslo.district.gap.length, oslo.district.innovationSentences - oslo.district.innovationWithDistrictRole);
    for (const i of oslo.district.gap) assert.ok(oslo.sentences[i].innovation || oslo.sentences[i].cocreation);
  });

  it('reads Nynorsk', () => {
    const nn = analyze('sunnmore_regionrad_innspel_2026_nn.txt');
    assert.strictEqual(nn.language, 'nn');
    assert.strictEqual(letter.language, 'nb');
    assert.ok(nn.sentences.some((s) => s.directive));
    assert.ok(nn.words > 300);
  });

  it('re-uses cached blocks and gives the same result (incremental analysis)', () => {
    const cache = new Map();
    const text = read(LETTER);
    const a = analyzeText(text, { format: 'md', cache });
    const edited = text.replace('Helsedirektoratet skal', 'Helsedirektoratet kan');
    const b = analyzeText(edited, { format: 'md', cache });
    const fresh = analyzeText(edited, { format: 'md' });
    assert.deepStrictEqual(b.findings, fresh.findings);
    assert.strictEqual(b.score.value, fresh.score.value);
    assert.notDeepStrictEqual(a.findings.length === b.findings.length && a.score.value === b.score.value, true);
  });

  it('says how much one sentence moved the score', () => {
    const dir = letter.sentences.find((s) => s.directive && s.actor === 'Helsedirektoratet')!;
    const ena = letter.sentences.find((s) => s.framing === 'enabling' && !s.directive && s.deontic === 'none')!;
    const d = sentenceImpact(letter, dir.index);
    const e = sentenceImpact(letter, ena.index);
    assert.ok(d.delta < 0, `directive sentence moved the score by ${d.delta}`);
    assert.ok(d.components.find((c) => c.id === 'directive')!.delta < 0);
    assert.ok(e.delta > 0, `enabling sentence moved the score by ${e.delta}`);
  });

  it('profiles the document heading by heading', () => {
    const profiles = sectionProfiles(letter);
    assert.strictEqual(profiles.length, letter.sections.length);
    assert.ok(profiles.length > 5);
    const total = profiles.reduce((a, p) => a + p.sentences, 0);
    assert.strictEqual(total, letter.sentences.filter((s) => !s.excluded).length);
    assert.strictEqual(profiles.reduce((a, p) => a + p.directive, 0), letter.sentences.filter((s) => s.directive).length);
    assert.ok(profiles.some((p) => p.directiveDensity > 0));
  });

  it('counts each section\'s words as it analyses the sentences: the words of its sentences, counted over the text', () => {
    for (const f of [LETTER, ...RESPONSES]) {
      const a = analyze(f);
      const text = read(f);
      const counted = a.sections.map(() => 0);
      for (const s of a.sentences) if (!s.excluded) counted[s.section] += countWords(text, s.start, s.end);
      assert.deepStrictEqual(a.sections.map((s) => s.words), counted, f);
      assert.deepStrictEqual(sectionProfiles(a).map((p) => p.words), counted, f);
      assert.ok(counted.reduce((x, y) => x + y, 0) > 200, f);
    }
  });
});
