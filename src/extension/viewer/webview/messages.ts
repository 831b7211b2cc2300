/**
 * The host's messages every viewer understands, handled the same way in each (the viewer says how it reveals,
 * selects, hovers and reports); the viewer's own messages (its document, its status) are its own.
 */
import type { BasePayload, CommonHostMessage } from '../protocol';
import type { FindBox } from './chrome';
import type { Highlights } from './highlights';
import { post } from './host';
import type { Explainer } from './hover';

/** What a viewer does for the shared messages. */
export interface ViewerActions {
  /** Shows [start, end) of the text: scrolls there and flashes it; `select` also selects the words. */
  reveal(start: number, end: number, how: 'select' | 'flash'): unknown;
  /** Sends a full report (decorating what the report counts first). */
  fullReport(): void;
  /** Moves the mouse over a finding's first word (tests). */
  hover(finding: number): unknown;
  /** F8 / Shift+F8. */
  nextFinding(direction: 1 | -1): unknown;
  /** The selection as [start, end) of the text. */
  selectionRange(): { start: number; end: number } | undefined;
  /** Selects [start, end) of the text as the mouse would (tests). */
  select(start: number, end: number): unknown;
  /** What is drawn changed (codings, toggles): draw again. */
  redraw(): void;
  /** The toggles changed (after `redraw`): the summary says the new counts. */
  displayChanged(): void;
}

/** Listens to the host's messages (the page's `message` events; anything without a string `type` is ignored). */
export function onHostMessage<M extends { type: string }>(handle: (m: M) => void): void {
  window.addEventListener('message', (e: MessageEvent) => {
    const m = e.data as M;
    if (!m || typeof m !== 'object' || typeof (m as { type?: unknown }).type !== 'string') return;
    handle(m);
  });
}

/** Handles a message every viewer understands; false when the message is the viewer's own. */
export function handleCommon<P extends BasePayload>(m: { type: string }, hl: Highlights<P>, explainer: Explainer, find: FindBox<P>, a: ViewerActions): boolean {
  const c = m as CommonHostMessage;
  switch (c.type) {
    case 'display':
      if (hl.setDisplay(c)) {
        a.redraw();
        a.displayChanged();
      }
      return true;
    case 'reveal':
      if (hl.analysis && c.analysisId === hl.analysis.payload.analysisId) void a.reveal(c.start, c.end, c.how);
      return true;
    case 'explanation':
      explainer.arrived(c.id, c.explanation);
      return true;
    case 'find':
      find.input.value = c.query;
      find.run(c.query);
      return true;
    case 'requestReport':
      a.fullReport();
      return true;
    case 'hover':
      void a.hover(c.finding);
      return true;
    case 'nextFinding':
      void a.nextFinding(c.direction);
      return true;
    case 'getSelection': {
      const r = hl.analysis ? a.selectionRange() : undefined;
      post({ type: 'selection', id: c.id, analysisId: hl.analysis?.payload.analysisId ?? 0, start: r?.start ?? 0, end: r?.end ?? 0 });
      return true;
    }
    case 'codings':
      // The same codings again (a new analysis of the same text sends them anew): nothing to redraw.
      if (hl.setCodings(c.analysisId, c.codings)) a.redraw();
      return true;
    case 'select':
      void a.select(c.start, c.end);
      return true;
    default:
      return false;
  }
}
