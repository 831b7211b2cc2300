/**
 * Messages between the Framing view's webview (media/framing/framing.js) and the extension host, and the check
 * every message from the webview passes before the host acts on it. No `vscode` import.
 *
 *   host → webview   { type: 'model', model: FramingModel | null, empty?: EmptyState }
 *   webview → host   ready · reveal (a sentence or section of the model shown) · rendered (what it drew) · command
 *
 * The webview never sends offsets: it names a sentence or section by its index in the analysis of the model it
 * shows (`model` = FramingModel.id), and the host looks the range up itself. A message about an older model, an
 * index out of range, an unknown type or field, or a wrong type is dropped.
 */
import type { FramingModel } from './model';

export type ViewCommand = 'analyze' | 'exportReport' | 'openLexicon';
export const VIEW_COMMANDS: readonly ViewCommand[] = ['analyze', 'exportReport', 'openLexicon'];

export type FromView =
  | { type: 'ready' }
  | { type: 'reveal'; model: number; kind: 'sentence' | 'section'; index: number }
  | { type: 'rendered'; model: number; score: string; components: number; sections: number }
  /** What the checklist drew: its items, and how many were ticked. */
  | { type: 'checklist'; model: number; items: number; ticked: number }
  | { type: 'command'; command: ViewCommand };

export interface EmptyState {
  message: string;
  /** A button under the message. */
  action?: { label: string; command: ViewCommand };
}

export type ToView = { type: 'model'; model: FramingModel | null; empty?: EmptyState };

/** What a message may refer to: the model shown and the sizes of its analysis. */
export interface MessageLimits {
  model: number;
  sentences: number;
  sections: number;
}

type Field = 'string' | 'int' | readonly string[];

const SCHEMA: Record<FromView['type'], Record<string, Field>> = {
  ready: {},
  reveal: { model: 'int', kind: ['sentence', 'section'], index: 'int' },
  rendered: { model: 'int', score: 'string', components: 'int', sections: 'int' },
  checklist: { model: 'int', items: 'int', ticked: 'int' },
  command: { command: VIEW_COMMANDS },
};

const MAX_STRING = 200;

/**
 * The message, if it is one the host acts on now; undefined otherwise. Checks: a plain object; a known `type`;
 * exactly the fields of that type, each of its type (integers are safe integers ≥ 0, strings ≤ 200 characters,
 * enumerations one of their values); `model` the one shown; `index` inside that model's sentences or sections.
 */
export function parseViewMessage(raw: unknown, limits: MessageLimits | undefined): FromView | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  if (Object.getPrototypeOf(raw) !== Object.prototype && Object.getPrototypeOf(raw) !== null) return undefined;
  const msg = raw as Record<string, unknown>;
  const type = msg.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(SCHEMA, type)) return undefined;
  const fields = SCHEMA[type as FromView['type']];
  const keys = Object.keys(msg);
  if (keys.length !== Object.keys(fields).length + 1) return undefined;
  for (const k of keys) {
    if (k === 'type') continue;
    const f = fields[k];
    const v = msg[k];
    if (f === undefined) return undefined;
    if (f === 'int') {
      if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return undefined;
    } else if (f === 'string') {
      if (typeof v !== 'string' || v.length > MAX_STRING) return undefined;
    } else if (typeof v !== 'string' || !f.includes(v)) return undefined;
  }
  const m = msg as unknown as FromView;
  if (m.type === 'reveal' || m.type === 'rendered' || m.type === 'checklist') {
    if (!limits || m.model !== limits.model) return undefined;
  }
  if (m.type === 'reveal') {
    const size = m.kind === 'sentence' ? limits!.sentences : limits!.sections;
    if (m.index >= size) return undefined;
  }
  return m;
}
