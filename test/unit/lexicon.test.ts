import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtinLexicon, parseLexicon, checkPattern } from '../../src/core/lexicon';
import { loadLexicon } from '../../src/core/lexicon/file';
import { compileLexicon, matchTokens } from '../../src/core/match/matcher';
import { tokenize } from '../../src/core/tokenize/tokenize';
import { CATEGORIES } from '../../src/core/types';

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../src/core/lexicon/lexicon.schema.json'), 'utf8'));

function entriesMatching(sentence: string, lex = builtinLexicon()): Set<string> {
  const tokens = tokenize(sentence);
  return new Set(matchTokens(sentence, tokens, compileLexicon(lex)).map((m) => m.entry));
}

describe('lexicon: built-in files', () => {
  const lex = builtinLexicon();
  it('has a version and only valid entries', () => {
    assert.ok(lex.sources.every((s) => /^\d+\.\d+\.\d+$/.test(s.version)));
    for (const file of ['nb.json', 'nn.json']) {
      const text = fs.readFileSync(path.join(__dirname, '../../../src/core/lexicon', file), 'utf8');
      const r = parseLexicon(text, file);
      assert.deepStrictEqual(r.errors.map(String), [], file);
    }
    const allowed = new Set(Object.keys(schema.definitions.entry.properties));
    for (const e of lex.entries) {
      assert.ok(CATEGORIES.includes(e.category), e.id);
      for (const k of Object.keys(e)) if (k !== 'source') assert.ok(allowed.has(k), `${e.id}: ${k} not in schema`);
      for (const t of e.terms) assert.strictEqual(checkPattern(t), undefined, `${e.id}: ${t}`);
    }
  });
  it('every entry has examples, and they hold', () => {
    const failures: string[] = [];
    for (const e of lex.entries) {
      if (!e.examples?.matches?.length) failures.push(`${e.id}: no «matches» example`);
      for (const s of e.examples?.matches ?? []) if (!entriesMatching(s).has(e.id)) failures.push(`${e.id} should match: ${s}`);
      for (const s of e.examples?.doesNotMatch ?? []) if (entriesMatching(s).has(e.id)) failures.push(`${e.id} should not match: ${s}`);
    }
    assert.deepStrictEqual(failures, []);
  });
});

describe('lexicon: user files', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-lex-'));
  it('extends and overrides the built-in lexicon', () => {
    const file = path.join(tmp, 'ok.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        version: '1.0.0',
        entries: [
          { id: 'egen', category: 'innovation', terms: ['smartbyprosjekt*'], examples: { matches: ['Smartbyprosjektet startet.'] } },
          { id: 'utvikling', disabled: true, category: 'innovation', terms: ['x'] },
        ],
      }),
    );
    const { lexicon, errors } = loadLexicon([file]);
    assert.deepStrictEqual(errors, []);
    assert.ok(entriesMatching('Smartbyprosjektet i bydelen startet.', lexicon).has('egen'));
    assert.ok(!lexicon.entries.some((e) => e.id === 'utvikling'));
    assert.ok(entriesMatching('Tjenesteutvikling skjer i bydelene.').has('utvikling'));
  });
  it('reports a broken file with file, line and problem, and keeps the built-in lexicon', () => {
    const file = path.join(tmp, 'broken.json');
    fs.writeFileSync(file, '{\n  "version": "1.0.0",\n  "entries": [\n    { "id": "x", "category": "nonsense", "terms": ["a"] },\n    { "id": "y", "category": "control", "terms": [] }\n  ]\n}\n');
    const { lexicon, errors } = loadLexicon([file]);
    assert.strictEqual(errors.length, 2);
    assert.match(String(errors[0]), /broken\.json:4:\d+: "category" must be one of/);
    assert.match(String(errors[1]), /broken\.json:5:\d+: "terms" must be a non-empty array/);
    assert.ok(lexicon.entries.length >= builtinLexicon().entries.length);
    assert.ok(entriesMatching('Bydelene skal rapportere.', lexicon).has('rapportering'));
  });
  it('reports a JSON syntax error with its line', () => {
    const file = path.join(tmp, 'syntax.json');
    fs.writeFileSync(file, '{\n  "version": "1.0.0",\n  "entries": [\n    { "id": "x" "category": "control" }\n  ]\n}\n');
    const { errors } = loadLexicon([file]);
    assert.ok(errors.length >= 1);
    assert.match(String(errors[0]), /syntax\.json:4:\d+: JSON syntax error/);
  });
  it('reports a missing file', () => {
    const { errors } = loadLexicon([path.join(tmp, 'missing.json')]);
    assert.match(String(errors[0]), /missing\.json:1:1: cannot read the file \(ENOENT\)/);
  });
});
