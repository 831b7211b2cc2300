/**
 * The part of a viewer's report every viewer shares (see BaseReport), and the bookkeeping behind it: reveals,
 * the flash marks they drew, the first highlighted paint, the last error.
 */
import type { Category } from '../../../core/types';
import type { BasePayload, BaseReport } from '../protocol';
import { FLASH_MS } from './highlights';
import type { Highlights } from './highlights';
import { milestone, timeline } from './host';
import { selectAll } from './pieces';

export class ReportState {
  revealed = 0;
  revealFlashed = 0;
  firstHighlightedMs: number | undefined;
  firstHighlightedAt: number | undefined;
  lastError: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly send: (full: boolean) => void) {
    window.addEventListener('error', (e) => {
      this.lastError = String(e.message).slice(0, 4000);
      this.soon();
    });
  }

  /** A report in a moment (changes come in bursts). */
  soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.send(false);
    }, 60);
  }

  /** The first time the document is on screen with its highlights: measured when that frame is drawn. */
  highlighted(): void {
    if (this.firstHighlightedMs !== undefined) return;
    requestAnimationFrame(() => {
      if (this.firstHighlightedMs !== undefined) return;
      this.firstHighlightedMs = performance.now();
      this.firstHighlightedAt = Date.now();
      milestone('firstHighlighted');
      this.soon();
    });
  }

  /**
   * A revealed range's flash marks are on screen (`root`): the flash lasts FLASH_MS from now (painting a far page
   * may have taken a while), `select` selects its words, and then it is drawn away (`redraw`).
   */
  flashShown<P extends BasePayload>(hl: Highlights<P>, flash: NonNullable<Highlights<P>['flash']>, root: ParentNode, how: 'select' | 'flash', redraw: () => void): void {
    if (hl.flash === flash) {
      this.revealFlashed = root.querySelectorAll('.pl-flash').length;
      flash.until = Date.now() + FLASH_MS;
    }
    if (how === 'select') selectAll(root, '.pl-flash');
    this.revealed++;
    this.soon();
    setTimeout(() => {
      if (hl.flash && hl.flash.until <= Date.now()) {
        hl.flash = undefined;
        redraw();
      }
    }, FLASH_MS + 50);
  }

  base<P extends BasePayload>(
    hl: Highlights<P>,
    s: { generation: number; full: boolean; root: ParentNode; textMismatches: number; message: string; tooltip: string },
  ): BaseReport {
    const flashing = hl.flash && hl.flash.until > Date.now() ? s.root.querySelectorAll('.pl-flash').length : 0;
    const r: BaseReport = {
      generation: s.generation,
      phase: hl.analysis?.payload.phase ?? 'none',
      placedFindings: hl.analysis?.placed ?? 0,
      unplacedFindings: hl.analysis?.unplaced ?? 0,
      drawnFindings: hl.drawnEver.size,
      hiddenDrawn: s.full ? hiddenDrawn(hl, s.root) : 0,
      textMismatches: s.textMismatches,
      full: s.full,
      findMatches: hl.find?.matches.length ?? 0,
      findIndex: hl.find?.index ?? -1,
      revealed: this.revealed,
      revealFlashed: this.revealFlashed,
      drawnCodings: hl.codingsDrawn.size,
      flashing,
      selection: (window.getSelection()?.toString() ?? '').slice(0, 400),
      message: s.message,
      tooltip: s.tooltip,
    };
    if (this.firstHighlightedMs !== undefined) r.firstHighlightedMs = Math.round(this.firstHighlightedMs);
    if (this.firstHighlightedAt !== undefined) r.firstHighlightedAt = this.firstHighlightedAt;
    if (this.lastError) r.error = this.lastError.slice(0, 4000);
    if (Object.keys(timeline).length) r.timeline = { ...timeline };
    return r;
  }
}

/** Highlight elements on the page that show a category switched off (should be 0). */
function hiddenDrawn<P extends BasePayload>(hl: Highlights<P>, root: ParentNode): number {
  return [...root.querySelectorAll<HTMLElement>('.pl-hl')].filter((el) => {
    const c = [...el.classList].find((k) => k.startsWith('c-'))?.slice(2) as Category | undefined;
    return c && !hl.shown(c);
  }).length;
}

/**
 * The finding F8 (1) or Shift+F8 (-1) goes to from finding `from` (-1: none yet): the next one in the text whose
 * category is shown, wrapping around; undefined when none is shown.
 */
export function nextFinding<P extends BasePayload>(hl: Highlights<P>, from: number, dir: 1 | -1): number | undefined {
  const a = hl.analysis;
  if (!a) return undefined;
  const f = a.payload.findings;
  const order: number[] = [];
  for (let i = 0; i < f.start.length; i++) if (hl.shown(hl.categoryOf(i))) order.push(i);
  if (!order.length) return undefined;
  order.sort((x, y) => f.start[x] - f.start[y] || x - y);
  const at = order.indexOf(from);
  if (at < 0) return dir > 0 ? order[0] : order[order.length - 1];
  return order[(at + dir + order.length) % order.length];
}
