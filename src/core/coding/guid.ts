/**
 * GUIDs as REFI-QDA writes them: RFC 4122 strings in upper case. Random (v4) for things users create;
 * name-based (v5, SHA-1) for things Policy Lens defines, so that the default codebook's codes and the
 * autocoding user have the same GUID in every project and every export. No Node built-ins: the web extension
 * uses this too (the Web Crypto `randomUUID` exists in Node ≥ 19, browsers and workers).
 */
import { fromHex, sha1Bytes, toHex } from '../util/hash';

/** The namespace of Policy Lens's name-based GUIDs: the v5 GUID of "urn:policy-lens" in RFC 4122's URL namespace. */
export const POLICY_LENS_NAMESPACE = 'F64F0D39-1F9B-588E-BC27-2A142C847576';

const GUID_RE = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

export function newGuid(): string {
  return (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID().toUpperCase();
}

/** True for `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in any case, with or without braces (REFI's GUIDType). */
export function isGuid(s: unknown): s is string {
  return typeof s === 'string' && GUID_RE.test(s) && (s.startsWith('{') === s.endsWith('}'));
}

/** Upper case, no braces. */
export function normalizeGuid(s: string): string {
  return s.replace(/^\{|\}$/g, '').toUpperCase();
}

/** RFC 4122 version 5 (SHA-1, name-based) GUID of `name` in `namespace`. */
export function nameGuid(name: string, namespace: string = POLICY_LENS_NAMESPACE): string {
  const ns = fromHex(normalizeGuid(namespace).replace(/-/g, ''));
  const nameBytes = new TextEncoder().encode(name);
  const msg = new Uint8Array(ns.length + nameBytes.length);
  msg.set(ns);
  msg.set(nameBytes, ns.length);
  const b = sha1Bytes(msg).subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = toHex(b).toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
