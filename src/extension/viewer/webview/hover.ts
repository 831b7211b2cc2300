/**
 * Hover explanations: moving the mouse over a highlighted finding (an element with `data-f`, the findings under
 * it) asks the host to explain them (the same content as the text editors' hover), caches the answers per
 * analysis and shows them in #tooltip, built with `textContent` only. Keyboard users get the same explanation
 * for the finding F8 / Shift+F8 went to (`showFor`).
 */
import type { Explanation } from '../protocol';
import { post } from './host';

export class Explainer {
  private seq = 0;
  private readonly cache = new Map<number, Explanation | null>();
  private readonly waiting = new Map<number, number[]>();
  private target: HTMLElement | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    container: HTMLElement,
    private readonly tooltip: HTMLElement,
    /** The analysis shown (explanations are asked for by it), or undefined. */
    private readonly analysisId: () => number | undefined,
    private readonly changed: () => void,
  ) {
    container.addEventListener('mouseover', (e) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('[data-f]');
      if (!el || el === this.target) return;
      this.target = el;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.show(el), 250);
    });
    container.addEventListener('mouseout', (e) => {
      const to = (e.relatedTarget as HTMLElement | null)?.closest?.('[data-f]');
      if (to === this.target) return;
      this.target = undefined;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.hide(), 200);
    });
  }

  /** Finding indexes belong to an analysis: explanations asked for the previous one are no use now. */
  reset(): void {
    this.cache.clear();
    this.waiting.clear();
    this.hide();
  }

  /** Shows the explanations of the findings under `el` now (keyboard), asking the host if needed. */
  showFor(el: HTMLElement): void {
    this.target = el;
    this.show(el);
  }

  private show(el: HTMLElement): void {
    const id = this.analysisId();
    if (id === undefined || this.target !== el) return;
    const refs = (el.dataset.f ?? '')
      .split(' ')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 0);
    const missing = refs.filter((r) => !this.cache.has(r));
    if (missing.length) {
      for (const r of missing) {
        const q = ++this.seq;
        this.waiting.set(q, refs);
        post({ type: 'explain', id: q, finding: r, analysisId: id });
      }
      return;
    }
    this.render(el, refs.map((r) => this.cache.get(r)).filter((x): x is Explanation => !!x));
    this.changed();
  }

  arrived(id: number, ex: Explanation | null): void {
    const refs = this.waiting.get(id);
    this.waiting.delete(id);
    if (!refs) return;
    if (ex) this.cache.set(ex.finding, ex);
    else for (const r of refs) if (!this.cache.has(r)) this.cache.set(r, null);
    if (this.target && refs.every((r) => this.cache.has(r))) this.show(this.target);
  }

  private render(el: HTMLElement, list: Explanation[]): void {
    const tooltip = this.tooltip;
    if (!list.length) return this.hide();
    tooltip.textContent = '';
    list.forEach((ex, i) => {
      if (i > 0) tooltip.append(document.createElement('hr'));
      const h = document.createElement('div');
      h.className = `tt-title c-${ex.category}`;
      const b = document.createElement('strong');
      b.textContent = ex.title;
      h.append(b, ` — «${ex.text}»`);
      const d = document.createElement('div');
      d.className = 'tt-desc';
      d.textContent = ex.description;
      const table = document.createElement('table');
      for (const [k, v] of ex.rows) {
        const tr = table.insertRow();
        tr.insertCell().textContent = k;
        tr.insertCell().textContent = v;
      }
      const s = document.createElement('div');
      s.className = 'tt-score';
      s.textContent = ex.score;
      tooltip.append(h, d, table, s);
    });
    tooltip.hidden = false;
    const r = el.getBoundingClientRect();
    const tw = tooltip.offsetWidth;
    const th = tooltip.offsetHeight;
    let top = r.bottom + 6;
    if (top + th > window.innerHeight - 4) top = Math.max(4, r.top - th - 6);
    const left = Math.max(4, Math.min(r.left, window.innerWidth - tw - 4));
    tooltip.style.top = `${top}px`;
    tooltip.style.left = `${left}px`;
  }

  hide(): void {
    this.tooltip.hidden = true;
  }

  get text(): string {
    return this.tooltip.hidden ? '' : (this.tooltip.textContent ?? '').slice(0, 2000);
  }
}

/** Moves the mouse over an element, as a user would (the `hover` message of the tests). */
export function hoverOver(el: HTMLElement): void {
  const r = el.getBoundingClientRect();
  el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: r.left + 2, clientY: r.top + 2 }));
}
