/**
 * The DOCX as HTML, by meaning: headings (h1–h6), paragraphs, lists (bullets by level), tables (rows and columns,
 * nested tables inside their cell, spans), text boxes and notes, with the style's emphasis and alignment. Every
 * block's element holds exactly its text from the engine's extraction (the list marker "- " drawn as a bullet
 * instead), built with text nodes only, so offsets of the analysed text map to characters on screen.
 */
import type { LayoutBlock } from '../../../core/types';
import { S } from '../../viewer/webview/host';

/** A block as drawn: its element (the text's container) and where its text starts in the document's text. */
export interface DrawnBlock {
  el: HTMLElement;
  /** Offset in the text of the element's first character (the block's start after its marker). */
  textStart: number;
  str: string;
}

interface OpenTable {
  table: number;
  el: HTMLTableElement;
  row: number;
  tr?: HTMLTableRowElement;
  col: number;
  td?: HTMLTableCellElement;
  /** Columns of the current row filled so far (spans counted). */
  filled: number;
}

/** Draws the blocks into `root` (emptied first); returns the drawn blocks, by index. */
export function renderLayout(root: HTMLElement, text: string, layout: LayoutBlock[]): DrawnBlock[] {
  root.textContent = '';
  const out: DrawnBlock[] = [];
  const tables: OpenTable[] = [];
  let notes: HTMLElement | undefined;
  let list: HTMLUListElement | undefined;
  let listParent: Node | undefined;

  /** Where a block goes: its innermost table cell (opening tables, rows and cells as needed), else the body. */
  const containerFor = (b: LayoutBlock): HTMLElement => {
    const base = b.part === 'note' ? (notes ??= makeNotes(root)) : root;
    const path = b.cells ?? [];
    // Close the tables the block is not in (any more), or whose row/column moved on.
    let keep = 0;
    while (keep < tables.length && keep < path.length && tables[keep].table === path[keep].table) keep++;
    tables.length = keep;
    let parent: HTMLElement = tables.length ? tables[tables.length - 1].td! : base;
    for (let level = 0; level < path.length; level++) {
      const cell = path[level];
      let t = tables[level];
      if (!t) {
        const el = document.createElement('table');
        el.className = 'docx-table';
        el.setAttribute('aria-label', S('table'));
        parent.append(el);
        t = { table: cell.table, el, row: -1, col: -1, filled: 0 };
        tables[level] = t;
      }
      if (t.row !== cell.row) {
        t.tr = t.el.insertRow();
        t.row = cell.row;
        t.col = -1;
        t.filled = 0;
        tables.length = level + 1;
      }
      if (t.col !== cell.col) {
        // Empty cells before this one (they have no text, so no blocks) keep the columns in place.
        while (t.filled < cell.col) {
          t.tr!.insertCell();
          t.filled++;
        }
        t.td = t.tr!.insertCell();
        if (cell.span && cell.span > 1) t.td.colSpan = cell.span;
        t.filled += cell.span ?? 1;
        t.col = cell.col;
        tables.length = level + 1;
      }
      parent = t.td!;
    }
    return parent;
  };

  layout.forEach((b, i) => {
    const container = containerFor(b);
    const marker = b.kind === 'listItem' ? (b.marker ?? 0) : 0;
    const str = text.slice(b.start + marker, b.end);
    let el: HTMLElement;
    if (b.kind === 'listItem') {
      if (!list || listParent !== container || list.parentNode !== container || container.lastChild !== list) {
        list = document.createElement('ul');
        container.append(list);
        listParent = container;
      }
      el = document.createElement('li');
      el.style.setProperty('--level', String(b.level ?? 0));
      list.append(el);
    } else {
      list = undefined;
      el = document.createElement(b.kind === 'heading' ? `h${Math.min(6, Math.max(1, (b.level ?? 1) + (b.level === 0 ? 1 : 0)))}` : 'p');
      if (b.kind === 'heading' && b.level === 0) el.classList.add('title');
      container.append(el);
    }
    el.classList.add('blk');
    if (b.bold) el.classList.add('bold');
    if (b.italic) el.classList.add('italic');
    if (b.align) el.classList.add(`align-${b.align}`);
    if (b.scale && b.kind !== 'heading') el.style.setProperty('--scale', String(b.scale));
    if (b.part === 'textbox') el.classList.add('textbox');
    el.dataset.block = String(i);
    el.textContent = str;
    out.push({ el, textStart: b.start + marker, str });
  });
  return out;
}

function makeNotes(root: HTMLElement): HTMLElement {
  const aside = document.createElement('aside');
  aside.className = 'notes';
  const h = document.createElement('h2');
  h.className = 'notes-title';
  h.textContent = S('notes');
  aside.append(h);
  root.append(aside);
  return aside;
}
