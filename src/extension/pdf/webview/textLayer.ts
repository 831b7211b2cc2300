/**
 * The PDF's text layer and the host's item map: a range of the extracted text cut into pieces of text-layer items
 * (page, item, range in the item's string) — the words are never searched for —, the decorations of a painted
 * page, the selection read back as a range of the text, and the check that the page's items are the host's.
 */
import type { Piece } from '../../viewer/webview/pieces';
import { charsBefore, selectBetween } from '../../viewer/webview/pieces';
import { ITEM_STRIDE } from '../protocol';
import { hl, reports, v, type PageView } from './state';

/** First index k (in items) whose span ends after `offset`. */
function firstItemAfter(items: Int32Array, offset: number): number {
  let lo = 0;
  let hi = items.length / ITEM_STRIDE;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid * ITEM_STRIDE + 4] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Cuts the text range [start, end) into text-layer pieces per page (page, item, range in the item's string). */
export function piecesOf(items: Int32Array, start: number, end: number, ref: number, out: Map<number, Piece[]>): boolean {
  const n = items.length / ITEM_STRIDE;
  let placed = false;
  for (let k = firstItemAfter(items, start); k < n; k++) {
    const b = k * ITEM_STRIDE;
    const s = items[b + 3];
    const e = items[b + 4];
    if (s >= end) break;
    const from = Math.max(start, s);
    const to = Math.min(end, e);
    if (to <= from) continue;
    const page = items[b];
    const off = items[b + 2];
    let list = out.get(page);
    if (!list) out.set(page, (list = []));
    list.push({ item: items[b + 1], from: off + (from - s), to: off + (to - s), ref });
    placed = true;
  }
  return placed;
}

/** (Re)builds the highlight spans inside the page's text-layer items. */
export function decorate(p: PageView): void {
  const tl = p.textLayer;
  const strs = p.strs;
  if (!tl || !strs) return;
  const key = hl.key();
  if (p.decorated === key) return;
  // Rebuilding the items' text nodes would drop a selection on them: it is put back over the same words.
  const sel = window.getSelection();
  const kept = sel && sel.rangeCount && !sel.isCollapsed && sel.getRangeAt(0).intersectsNode(p.div) ? selectionRange() : undefined;
  const divs = tl.textDivs;
  hl.decorateItems(p.div, hl.piecesFor(p.num), (i) => (divs[i] && strs[i] !== undefined ? { div: divs[i], str: strs[i] } : undefined));
  p.decorated = key;
  if (kept) selectRange(kept.start, kept.end);
  checkPage(p);
  if (hl.analysis && p.canvas) reports.highlighted();
}

export function redecorateAll(): void {
  for (const p of v.pages) if (p.strs) decorate(p);
  reports.soon();
}

/** Item spans (indexes into the item map) of each page's text-layer item: key page * 2^20 + item. */
let itemIndex: { items: Int32Array; map: Map<number, number[]> } | undefined;
function spansOfItem(items: Int32Array, page: number, item: number): number[] {
  if (!itemIndex || itemIndex.items !== items) {
    const map = new Map<number, number[]>();
    for (let k = 0; k * ITEM_STRIDE < items.length; k++) {
      const key = items[k * ITEM_STRIDE] * 1048576 + items[k * ITEM_STRIDE + 1];
      let l = map.get(key);
      if (!l) map.set(key, (l = []));
      l.push(k);
    }
    itemIndex = { items, map };
  }
  return itemIndex.map.get(page * 1048576 + item) ?? [];
}

/**
 * The text-layer selection as [start, end) of the extracted text: every text-layer item the selection covers is a
 * pdf.js item with known offsets (the item map the findings are placed with, read the other way).
 */
export function selectionRange(): { start: number; end: number } | undefined {
  const sel = window.getSelection();
  const a = hl.analysis;
  if (!a || !sel || sel.rangeCount === 0 || sel.isCollapsed) return undefined;
  const range = sel.getRangeAt(0);
  const items = a.payload.items;
  let start = Infinity;
  let end = -Infinity;
  for (const p of v.pages) {
    const tl = p.textLayer;
    const strs = p.strs;
    if (!tl || !strs || !range.intersectsNode(p.div)) continue;
    tl.textDivs.forEach((div, item) => {
      if (!range.intersectsNode(div)) return;
      const str = strs[item] ?? '';
      const from = div.contains(range.startContainer) ? charsBefore(div, range.startContainer, range.startOffset) : 0;
      const to = div.contains(range.endContainer) ? charsBefore(div, range.endContainer, range.endOffset) : str.length;
      if (to <= from) return;
      for (const k of spansOfItem(items, p.num, item)) {
        const b = k * ITEM_STRIDE;
        const off = items[b + 2];
        const s = items[b + 3];
        const e = items[b + 4];
        const x = Math.max(from, off);
        const z = Math.min(to, off + (e - s));
        if (z <= x) continue;
        start = Math.min(start, s + (x - off));
        end = Math.max(end, s + (z - off));
      }
    });
  }
  return start < end ? { start, end } : undefined;
}

/** Selects [start, end) of the text over the words on the pages painted now. */
export function selectRange(start: number, end: number): void {
  const byPage = hl.piecesOfRange(start, end);
  if (!byPage) return;
  const nums = [...byPage.keys()].sort((a, b) => a - b);
  const first = byPage.get(nums[0])![0];
  const lastList = byPage.get(nums[nums.length - 1])!;
  const last = lastList[lastList.length - 1];
  const divA = v.pages[nums[0] - 1]?.textLayer?.textDivs[first.item];
  const divB = v.pages[nums[nums.length - 1] - 1]?.textLayer?.textDivs[last.item];
  if (!divA || !divB || !divA.isConnected || !divB.isConnected) return;
  selectBetween(divA, first.from, divB, last.to);
}

/**
 * Checks, once per page and analysis, that the characters the item map points at on this page's text layer are
 * the host's characters for the same ranges: that the webview's pdf.js produced the same items as the host's
 * extractor. Findings that fail are counted in `textMismatches` (should stay 0).
 */
export const checkedPages = new Set<number>();
export const mismatched = new Set<number>();
function checkPage(p: PageView): void {
  const a = hl.analysis;
  if (!a || !p.strs || checkedPages.has(p.num)) return;
  checkedPages.add(p.num);
  const { text, items } = a.payload;
  const n = items.length / ITEM_STRIDE;
  // The item spans of this page, in text order: compare every character they cover.
  for (let k = firstPageItem(items, p.num); k < n && items[k * ITEM_STRIDE] === p.num; k++) {
    const b = k * ITEM_STRIDE;
    const str = p.strs[items[b + 1]];
    const off = items[b + 2];
    const host = text.slice(items[b + 3], items[b + 4]);
    if (str === undefined || str.slice(off, off + host.length) !== host) {
      for (const pc of a.byGroup.get(p.num) ?? []) if (pc.item === items[b + 1]) mismatched.add(pc.ref);
    }
  }
}

/** Index of the first item span of a page (items are in text order, pages ascending). */
function firstPageItem(items: Int32Array, page: number): number {
  let lo = 0;
  let hi = items.length / ITEM_STRIDE;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid * ITEM_STRIDE] < page) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
