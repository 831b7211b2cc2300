/**
 * The parts of a viewer's page around the document, shared by the viewers: the summary in the toolbar (score,
 * findings), the message bar (errors, warnings), the section strip along the right edge, and the find box.
 */
import type { BasePayload, SectionMark, StatusMessage } from '../protocol';
import { $, S } from './host';
import type { Highlights } from './highlights';

/** The score and the number of findings (`preview`: what the viewer says while the rest is read). */
export function renderSummary(summary: HTMLElement, p: BasePayload | undefined, preview?: (p: BasePayload) => string): void {
  summary.textContent = '';
  if (!p) return;
  const score = document.createElement('span');
  score.className = 'score';
  const v = Math.round(p.score.value);
  score.textContent = S('score', v > 0 ? `+${v}` : v < 0 ? `\u2212${-v}` : '0', p.score.label);
  const count = document.createElement('span');
  count.className = 'count';
  count.textContent = p.phase === 'preview' && preview ? preview(p) : S('findingsCount', p.findings.start.length);
  summary.append(score, count);
}

/**
 * The section strip: one button per section, as tall as its share (`weight`), the redder the more directive it
 * is; a click goes there. Hidden with fewer than two sections.
 */
export function renderStrip(strip: HTMLElement, secs: SectionMark[], title: string, weight: (s: SectionMark, i: number) => number, label: (s: SectionMark) => string, go: (s: SectionMark) => void): void {
  strip.textContent = '';
  if (secs.length < 2) {
    strip.hidden = true;
    return;
  }
  strip.hidden = false;
  strip.title = title;
  const maxD = Math.max(1, ...secs.map((s) => s.directiveDensity));
  secs.forEach((s, i) => {
    const b = document.createElement('button');
    b.className = 'sec';
    b.style.flexGrow = String(Math.max(1, weight(s, i)));
    b.style.setProperty('--d', String(s.directiveDensity / maxD));
    b.title = label(s);
    b.setAttribute('aria-label', b.title);
    b.addEventListener('click', () => go(s));
    strip.append(b);
  });
}

/** The message bar and the busy mark for a status from the host; the action button's handler is the viewer's. */
export class MessageBar {
  readonly bar = $<HTMLDivElement>('message');
  readonly text = $<HTMLSpanElement>('messageText');
  readonly action = $<HTMLButtonElement>('messageAction');
  status: StatusMessage | undefined;

  show(m: StatusMessage, actionLabel?: string): void {
    this.status = m;
    if (!m.message) this.bar.hidden = true;
    else {
      this.bar.hidden = false;
      this.bar.className = `sev-${m.severity ?? 'info'}`;
      this.text.textContent = m.message;
    }
    this.action.hidden = !actionLabel;
    if (actionLabel) this.action.textContent = actionLabel;
    document.body.classList.toggle('analysing', m.state === 'analysing' || m.state === 'loading');
  }

  get message(): string {
    return this.bar.hidden ? '' : (this.text.textContent ?? '').slice(0, 1000);
  }
}

/**
 * The find box (Ctrl+F, Enter / Shift+Enter, F3, Escape): searches the analysed text with `hl` and asks the viewer
 * to show match k (`reveal`) and to draw again (`redraw`).
 */
export class FindBox<P extends BasePayload> {
  readonly input = $<HTMLInputElement>('find');
  private readonly count = $<HTMLSpanElement>('findCount');
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly hl: Highlights<P>,
    private readonly reveal: (k: number) => void,
    private readonly redraw: () => void,
    private readonly focusDocument: () => void,
  ) {
    this.input.addEventListener('input', () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.run(this.input.value), 150);
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (this.timer) {
          clearTimeout(this.timer);
          this.timer = undefined;
          this.run(this.input.value);
        } else this.step(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape') {
        this.input.value = '';
        this.run('');
        this.focusDocument();
      }
    });
    $<HTMLButtonElement>('findNext').addEventListener('click', () => this.step(1));
    $<HTMLButtonElement>('findPrev').addEventListener('click', () => this.step(-1));
    this.input.disabled = true;
  }

  run(query: string, keepIndex = 0): void {
    this.hl.runFind(query, keepIndex);
    const q = query.trim();
    if (!this.hl.find) this.count.textContent = q && !this.hl.analysis ? S('findNoText') : '';
    else this.updateCount();
    this.redraw();
    if (this.hl.find?.matches.length) this.reveal(this.hl.find.index);
  }

  step(dir: 1 | -1): void {
    if (!this.hl.stepFind(dir)) {
      if (this.input.value.trim()) this.run(this.input.value);
      return;
    }
    this.updateCount();
    this.redraw();
    this.reveal(this.hl.find!.index);
  }

  /** The find box's query again (a new analysis). */
  refresh(): void {
    if (this.hl.find) this.updateCount();
  }

  private updateCount(): void {
    const f = this.hl.find;
    this.count.textContent = !f ? '' : f.matches.length ? S('findCount', f.index + 1, f.matches.length) : S('findNone');
  }
}

/** Ctrl+F focuses the find box, F3 / Ctrl+G steps through matches, F8 / Shift+F8 through findings. */
export function bindKeys<P extends BasePayload>(find: FindBox<P>, nextFinding: (dir: 1 | -1) => void, extra?: (e: KeyboardEvent, mod: boolean) => boolean): void {
  document.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === 'f' || e.key === 'F')) {
      e.preventDefault();
      find.input.focus();
      find.input.select();
    } else if (e.key === 'F3' || (mod && (e.key === 'g' || e.key === 'G'))) {
      e.preventDefault();
      find.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'F8') {
      e.preventDefault();
      nextFinding(e.shiftKey ? -1 : 1);
    } else if (extra?.(e, mod)) {
      e.preventDefault();
    }
  });
}
