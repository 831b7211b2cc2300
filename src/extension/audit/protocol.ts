/**
 * Messages between the comparison panel's webview (media/audit/comparison.js) and the host, and the check every
 * message from the webview passes before the host acts on it. No `vscode` import.
 *
 *   host → webview   { type: 'model', model: ComparisonModel | null }
 *   webview → host   ready · open (a row of the model shown, by index) · export (csv|json|md) · rendered (what it drew)
 *
 * The webview never sends paths: it names a document by its index in the model it shows (`model` = its id). A
 * message about an older model, an index out of range, an unknown type or field, or a wrong type is dropped.
 */
import type { AuditRow } from '../../core/workspace';

export type ExportFormat = 'csv' | 'json' | 'md';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'md'];

export interface ComparisonRow {
  index: number;
  /** The document's path relative to its workspace folder. */
  name: string;
  row: AuditRow;
}

export interface ComparisonModel {
  id: number;
  rows: ComparisonRow[];
  failures: { name: string; message: string }[];
  /** When the audit finished (ISO). */
  finished: string;
  stats: { total: number; analysed: number; cached: number; failed: number; ms: number; workers: number };
  /** Localised strings of the page. */
  labels: Record<string, string>;
}

export type FromView =
  | { type: 'ready' }
  | { type: 'open'; model: number; index: number }
  | { type: 'export'; format: ExportFormat }
  | { type: 'rendered'; model: number; rows: number; points: number };

export type ToView = { type: 'model'; model: ComparisonModel | null };

type Field = 'int' | readonly string[];

const SCHEMA: Record<FromView['type'], Record<string, Field>> = {
  ready: {},
  open: { model: 'int', index: 'int' },
  export: { format: EXPORT_FORMATS },
  rendered: { model: 'int', rows: 'int', points: 'int' },
};

/**
 * The message, if the host acts on it now: a plain object with a known `type` and exactly that type's fields
 * (safe integers ≥ 0, enumerations one of their values); `model` the one shown; `index` one of its rows.
 */
export function parseComparisonMessage(raw: unknown, shown: { id: number; rows: number } | undefined): FromView | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const proto = Object.getPrototypeOf(raw);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const msg = raw as Record<string, unknown>;
  const type = msg.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(SCHEMA, type)) return undefined;
  const fields = SCHEMA[type as FromView['type']];
  for (const k of Object.keys(msg)) if (k !== 'type' && !Object.prototype.hasOwnProperty.call(fields, k)) return undefined;
  for (const [k, f] of Object.entries(fields)) {
    const v = msg[k];
    if (f === 'int') {
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return undefined;
    } else if (typeof v !== 'string' || !f.includes(v)) return undefined;
  }
  if ('model' in fields && (!shown || msg.model !== shown.id)) return undefined;
  if (type === 'open' && (msg.index as number) >= (shown?.rows ?? 0)) return undefined;
  return msg as FromView;
}
