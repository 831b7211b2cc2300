/**
 * The check every message from a webview passes before the host acts on it (the Framing view, the comparison
 * report): a plain object (no prototype tricks), a known `type`, exactly that type's fields, each of its kind —
 * integers are safe integers ≥ 0, strings at most 200 characters, an enumeration one of its values. What the fields
 * may refer to (the model shown, an index in range) each view checks after this. No `vscode` import.
 */

export type Field = 'int' | 'string' | readonly string[];
export type Schema<T extends string> = Record<T, Record<string, Field>>;

const MAX_STRING = 200;

/** The message's fields when it has the shape of one of the schema's types; undefined otherwise. */
export function checkShape<T extends string>(raw: unknown, schema: Schema<T>): ({ type: T } & Record<string, unknown>) | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const proto = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const msg = raw as Record<string, unknown>;
  const type = msg.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(schema, type)) return undefined;
  const fields = schema[type as T];
  const keys = Object.keys(msg);
  if (keys.length !== Object.keys(fields).length + 1) return undefined;
  for (const k of keys) {
    if (k === 'type') continue;
    if (!Object.prototype.hasOwnProperty.call(fields, k)) return undefined;
    const f = fields[k];
    const v = msg[k];
    if (f === 'int') {
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return undefined;
    } else if (f === 'string') {
      if (typeof v !== 'string' || v.length > MAX_STRING) return undefined;
    } else if (typeof v !== 'string' || !f.includes(v)) return undefined;
  }
  return msg as { type: T } & Record<string, unknown>;
}
