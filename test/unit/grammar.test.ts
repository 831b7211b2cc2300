import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { grammar } from '../../src/core/lexicon';

const SRC = path.join(__dirname, '../../../src/core');

/** Every .ts file of the core, as one text (to find which word lists the rules read). */
function coreSource(): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(SRC);
  return out.join('\n');
}

describe('grammar.json: the rules\' word lists', () => {
  const lists = Object.entries(grammar).filter(([k]) => !k.startsWith('$') && k !== 'version');
  it('has a version', () => assert.match(grammar.version, /^\d+\.\d+\.\d+$/));
  it('holds lower-case word lists without repeats', () => {
    const check = (name: string, xs: unknown) => {
      if (!Array.isArray(xs)) {
        for (const [k, v] of Object.entries(xs as Record<string, unknown>)) if (!k.startsWith('$')) check(`${name}.${k}`, v);
        return;
      }
      const repeated = xs.filter((x, i) => xs.indexOf(x) !== i);
      assert.deepStrictEqual(repeated, [], `${name} repeats`);
      for (const x of xs) {
        assert.strictEqual(typeof x, 'string', name);
        // («=Word» is case-sensitive on purpose in some lists)
        if (!(x as string).startsWith('=')) assert.strictEqual(x, (x as string).toLowerCase(), `${name}: «${x}» is not lower case`);
      }
    };
    for (const [k, v] of lists) check(k, v);
  });
  it('every list is read by a rule (no dead data)', () => {
    const src = coreSource();
    const unused = lists.map(([k]) => k).filter((k) => !src.includes(`grammar.${k}`) && !src.includes(`'${k}'`));
    assert.deepStrictEqual(unused, []);
  });
  it('room and means are one vocabulary for the district and deontic rules', () => {
    for (const w of ['handlingsrom', 'frihet', 'fridom', 'tillit', 'myndighet']) assert.ok(grammar.roomNouns.includes(w), w);
    for (const w of ['midler', 'midlar', 'ressurser', 'rammer', 'tilskudd', 'tilskot']) assert.ok(grammar.meansNouns.includes(w), w);
  });
});
