/** The engine's own SHA-1/SHA-256 (used where Node's crypto is not: the web extension) against Node's crypto. */
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { nameGuid, POLICY_LENS_NAMESPACE } from '../../src/core/node';
import { sha1Bytes, sha256Hex, toHex } from '../../src/core/util/hash';

const FIXTURES = path.join(__dirname, '../../../test/fixtures');

describe('hash (pure SHA-1 / SHA-256)', () => {
  const samples = [
    '',
    'abc',
    'a'.repeat(55),
    'a'.repeat(56),
    'a'.repeat(64),
    'Bydelene skal samskape innovasjon — «må», ÆØÅ æøå, 😀',
    fs.readFileSync(path.join(FIXTURES, 'corpus', 'hod_supplerende_tildelingsbrev_nr2_2026_helsedirektoratet.md'), 'utf8'),
  ];
  it('equals Node crypto on strings (UTF-8) and bytes, around the padding edges', () => {
    for (const s of samples) {
      assert.strictEqual(sha256Hex(s), crypto.createHash('sha256').update(s, 'utf8').digest('hex'), `sha256 of ${s.length} chars`);
      assert.strictEqual(toHex(sha1Bytes(s)), crypto.createHash('sha1').update(s, 'utf8').digest('hex'), `sha1 of ${s.length} chars`);
    }
    const bytes = fs.readFileSync(path.join(FIXTURES, 'docx', 'harstad_kommune_handlingsplan_likestilling_mangfold.docx'));
    assert.strictEqual(sha256Hex(new Uint8Array(bytes)), crypto.createHash('sha256').update(bytes).digest('hex'));
  });
  it('gives the RFC 4122 v5 GUIDs Node gave before (the default codebook keeps its ids)', () => {
    // v5 of "urn:policy-lens" in the URL namespace is the Policy Lens namespace itself.
    assert.strictEqual(nameGuid('urn:policy-lens', '6ba7b811-9dad-11d1-80b4-00c04fd430c8'), POLICY_LENS_NAMESPACE);
    const ns = Buffer.from(POLICY_LENS_NAMESPACE.replace(/-/g, ''), 'hex');
    const h = crypto.createHash('sha1').update(ns).update('user:policy-lens-autocoder', 'utf8').digest().subarray(0, 16);
    h[6] = (h[6] & 0x0f) | 0x50;
    h[8] = (h[8] & 0x3f) | 0x80;
    const x = h.toString('hex').toUpperCase();
    assert.strictEqual(nameGuid('user:policy-lens-autocoder'), `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`);
  });
});
