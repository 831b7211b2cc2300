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
import { checkShape, Schema } from '../webviewMessages';

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

const SCHEMA: Schema<FromView['type']> = {
  ready: {},
  reveal: { model: 'int', kind: ['sentence', 'section'], index: 'int' },
  rendered: { model: 'int', score: 'string', components: 'int', sections: 'int' },
  checklist: { model: 'int', items: 'int', ticked: 'int' },
  command: { command: VIEW_COMMANDS },
};

/**
 * The message, if it is one the host acts on now; undefined otherwise. Checks: the schema's shape
 * (../webviewMessages.ts: a plain object, a known `type`, exactly its fields, each of its kind); `model` the one
 * shown; `index` inside that model's sentences or sections.
 */
export function parseViewMessage(raw: unknown, limits: MessageLimits | undefined): FromView | undefined {
  const msg = checkShape(raw, SCHEMA);
  if (!msg) return undefined;
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
