import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { DOCX_STRINGS } from '../../../src/extension/docx/html';
import { VIEWER_STRINGS } from '../../../src/extension/pdf/html';
import { COMMON_STRINGS } from '../../../src/extension/viewer/html';
import { CATEGORIES } from '../../../src/core';
import { EXTENSION_ID } from './helpers';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    colors: { id: string }[];
    grammars: { scopeName: string; path: string; injectTo?: string[] }[];
  };
  capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] } };
  activationEvents: string[];
  engines: { vscode: string };
}

describe('Policy Lens: manifest', () => {
  const ext = () => vscode.extensions.getExtension(EXTENSION_ID)!;
  const root = () => ext().extensionPath;
  const manifest = () => ext().packageJSON as Manifest;

  it('registers every contributed command', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of manifest().contributes.commands) assert.ok(all.has(c.command), c.command);
  });

  it('contributes the colours the decorations use', () => {
    const ids = new Set(manifest().contributes.colors.map((c) => c.id));
    for (const c of CATEGORIES) for (const k of ['Background', 'Border', 'Ruler']) assert.ok(ids.has(`policyLens.${c}${k}`), `${c}${k}`);
  });

  it('declares limited support for untrusted workspaces (no workspace lexicons)', () => {
    const u = manifest().capabilities.untrustedWorkspaces;
    assert.strictEqual(u.supported, 'limited');
    assert.deepStrictEqual(u.restrictedConfigurations, ['policyLens.lexiconFiles']);
  });

  it('has an English and a Norwegian string for every manifest %key%', () => {
    const raw = fs.readFileSync(path.join(root(), 'package.json'), 'utf8');
    const keys = [...raw.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    for (const f of ['package.nls.json', 'package.nls.nb.json']) {
      const nls = JSON.parse(fs.readFileSync(path.join(root(), f), 'utf8')) as Record<string, string>;
      for (const k of keys) assert.ok(typeof nls[k] === 'string' && nls[k].length > 0, `${f}: ${k}`);
    }
  });

  it('has a Norwegian translation of every runtime string', function () {
    const dir = path.join(root(), 'src', 'extension');
    if (!fs.existsSync(dir)) this.skip(); // only the sources have the strings
    const bundle = JSON.parse(fs.readFileSync(path.join(root(), 'l10n', 'bundle.l10n.nb.json'), 'utf8')) as Record<string, string>;
    const missing: string[] = [];
    // Every folder of the extension, the viewers' (pdf, docx, viewer) included.
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith('.ts')) files.push(path.join(d, e.name));
      }
    };
    walk(dir);
    assert.ok(files.some((f) => f.includes(`${path.sep}framing${path.sep}`)), 'the Framing view\'s strings are checked');
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8');
      for (const m of src.matchAll(/l10n\.t\(\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1/g)) {
        const key = m[2].replace(/\\(['"])/g, '$1');
        if (!(key in bundle)) missing.push(`${path.relative(dir, f)}: ${key}`);
      }
    }
    // The viewers' UI strings are translated by the host with l10n.t too (../viewer/provider.ts `translated`).
    for (const [k, v] of Object.entries({ ...COMMON_STRINGS, ...VIEWER_STRINGS, ...DOCX_STRINGS })) if (!(v in bundle)) missing.push(`viewer string ${k}: ${v}`);
    assert.deepStrictEqual(missing, []);
  });

  it('injects its TextMate grammar into plain text and Markdown', () => {
    const g = manifest().contributes.grammars.find((x) => x.scopeName === 'policy-lens.injection')!;
    assert.deepStrictEqual(g.injectTo, ['text.plain', 'text.html.markdown']);
    const grammar = JSON.parse(fs.readFileSync(path.join(root(), g.path), 'utf8')) as { patterns: unknown[]; repository: Record<string, { match: string }> };
    // The patterns must at least be valid JavaScript regular expressions after the Oniguruma-only parts.
    for (const [name, rule] of Object.entries(grammar.repository)) {
      const js = rule.match.replace(/^\(\?i\)/, '');
      const re = new RegExp(js, 'iu');
      assert.ok(re instanceof RegExp, name);
    }
    const re = (k: string) => new RegExp(grammar.repository[k].match.replace(/^\(\?i\)/, ''), 'iu');
    assert.ok(re('directive').test('Helsedirektoratet skal samarbeide'));
    assert.ok(!re('directive').test('Skalaen går fra 1 til 5'));
    assert.ok(re('directive-negated').test('Løsningene skal ikkje medføre'));
    assert.ok(re('request').test('Helsedirektoratet bes om å'));
    assert.ok(re('modal').test('Det bør skilles'));
    assert.ok(!re('modal').test('kanskje'));
    assert.ok(re('innovation').test('tjenesteinnovasjonen'));
    assert.ok(re('cocreation').test('Samskapingen'));
    assert.ok(re('district').test('bydelene'));
    assert.ok(!re('district').test('fordelingen'));
  });

  it('keeps engines.vscode within what the test host provides', () => {
    assert.strictEqual(manifest().engines.vscode, '^1.100.0');
    assert.ok(manifest().activationEvents.includes('onLanguage:markdown'));
    assert.ok(manifest().activationEvents.includes('onLanguage:plaintext'));
  });
});
