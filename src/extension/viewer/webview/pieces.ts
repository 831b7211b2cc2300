/**
 * Pieces: a range of the extracted text cut to one element of the viewer (a pdf.js text-layer item, a DOCX
 * paragraph), and how an element's string is rebuilt with the spans that draw them. One piece list can hold
 * findings, find matches, a flash, codings, running headers and (DOCX) emphasis: `ref` says which.
 */
import type { Category } from '../../../core/types';
import type { CodingMark } from '../protocol';

export interface Piece {
  /** The element (item) the piece is in. */
  item: number;
  /** [from, to) in the element's string. */
  from: number;
  to: number;
  /** Finding index (≥ 0), or one of the negative kinds below. */
  ref: number;
}

/** Find match k is -1 - k; a flash, a running header/footer; coding i is CODING_REF - i; emphasis f is EMPHASIS_REF - f. */
export const EXCLUDED_REF = -1e9;
export const FLASH_REF = -2e9;
export const CODING_REF = -3e9;
export const EMPHASIS_REF = -4e9;

export const isFinding = (ref: number) => ref >= 0;
export const isFindMatch = (ref: number) => ref < 0 && ref > EXCLUDED_REF;
export const isCoding = (ref: number) => ref <= CODING_REF && ref > EMPHASIS_REF;
export const isEmphasis = (ref: number) => ref < EMPHASIS_REF;

/** What building an element needs to know besides its pieces. */
export interface BuildContext {
  categoryOf(ref: number): Category | undefined;
  /** The current find match (its piece gets `current`). */
  currentMatch: number;
  coding(i: number): CodingMark | undefined;
  /** The title of a running header/footer piece. */
  excludedTitle: string;
}

/** Splits an element's string at the pieces' edges; each part gets the spans of the pieces covering it. */
export function buildItem(div: HTMLElement, str: string, list: Piece[], ctx: BuildContext): void {
  const cuts = new Set<number>([0, str.length]);
  for (const pc of list) {
    cuts.add(Math.max(0, Math.min(str.length, pc.from)));
    cuts.add(Math.max(0, Math.min(str.length, pc.to)));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let k = 0; k + 1 < edges.length; k++) {
    const a = edges[k];
    const b = edges[k + 1];
    if (b <= a) continue;
    const text = str.slice(a, b);
    const covering = list.filter((pc) => pc.from <= a && pc.to >= b);
    if (!covering.length) {
      frag.append(text);
      continue;
    }
    let node: Node = document.createTextNode(text);
    // Innermost first: emphasis, find matches, then findings (stacked backgrounds blend like editor decorations).
    const emphasis = covering.filter((pc) => isEmphasis(pc.ref)).reduce((f, pc) => f | (EMPHASIS_REF - pc.ref), 0);
    for (const [bit, tag] of [
      [4, 'u'],
      [2, 'em'],
      [1, 'strong'],
    ] as const) {
      if (!(emphasis & bit)) continue;
      const el = document.createElement(tag);
      el.append(node);
      node = el;
    }
    for (const pc of covering.filter((x) => isFindMatch(x.ref))) {
      const span = document.createElement('span');
      span.className = 'pl-find' + (-1 - pc.ref === ctx.currentMatch ? ' current' : '');
      span.dataset.match = String(-1 - pc.ref);
      span.append(node);
      node = span;
    }
    const findingRefs = covering.filter((pc) => isFinding(pc.ref));
    for (const c of new Set(findingRefs.map((pc) => ctx.categoryOf(pc.ref)!))) {
      const span = document.createElement('span');
      span.className = `pl-hl c-${c}`;
      span.append(node);
      node = span;
    }
    if (findingRefs.length) (node as HTMLElement).dataset.f = findingRefs.map((pc) => pc.ref).join(' ');
    // Codings: a tint and an underline in the code's colour (dashed: autocoded, to review), the code on hover.
    for (const pc of covering) {
      const mark = isCoding(pc.ref) ? ctx.coding(CODING_REF - pc.ref) : undefined;
      if (!mark) continue;
      const span = document.createElement('span');
      span.className = 'pl-code' + (mark.review ? ' review' : '');
      span.style.setProperty('--code-color', mark.color);
      span.dataset.coding = String(CODING_REF - pc.ref);
      span.title = mark.label;
      span.append(node);
      node = span;
    }
    if (covering.some((pc) => pc.ref === FLASH_REF)) {
      const span = document.createElement('span');
      span.className = 'pl-flash';
      span.append(node);
      node = span;
    }
    if (covering.some((pc) => pc.ref === EXCLUDED_REF)) {
      const span = document.createElement('span');
      span.className = 'pl-excluded';
      span.title = ctx.excludedTitle;
      span.append(node);
      node = span;
    }
    frag.append(node);
  }
  div.textContent = '';
  div.append(frag);
}

/** Characters of `div`'s text before the point (node, offset). */
export function charsBefore(div: HTMLElement, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(div, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/** The text node and offset at character `n` of `div`'s text. */
export function pointAt(div: HTMLElement, n: number): [Node, number] {
  const walker = document.createTreeWalker(div, NodeFilter.SHOW_TEXT);
  let left = n;
  let last: Text | undefined;
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    if (left <= t.length) return [t, left];
    left -= t.length;
    last = t;
  }
  return last ? [last, last.length] : [div, 0];
}

/** Selects from character `from` of element `a` to character `to` of element `b`. */
export function selectBetween(a: HTMLElement, from: number, b: HTMLElement, to: number): void {
  const r = document.createRange();
  r.setStart(...pointAt(a, from));
  r.setEnd(...pointAt(b, to));
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(r);
}

/** Selects from the first to the last element matching `selector` in `root` (a revealed finding's flash marks). */
export function selectAll(root: ParentNode, selector: string): void {
  const all = root.querySelectorAll<HTMLElement>(selector);
  const sel = window.getSelection();
  if (!sel || !all.length) return;
  const r = document.createRange();
  r.setStartBefore(all[0]);
  r.setEndAfter(all[all.length - 1]);
  sel.removeAllRanges();
  sel.addRange(r);
}
