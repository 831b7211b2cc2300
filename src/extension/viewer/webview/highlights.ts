/**
 * What a viewer draws over its text, whatever the text is drawn with: the analysis' findings (with the category
 * toggles), find matches, a flash on a revealed range, codings and running headers — as pieces per group (a PDF
 * page, a DOCX paragraph), cut by the viewer's own `piecesOf`. Also counts what was drawn (the reports).
 */
import type { Category } from '../../../core/types';
import { BasePayload, CATEGORY_IDS, CodingMark, DisplayMessage } from '../protocol';
import { buildItem, BuildContext, CODING_REF, EXCLUDED_REF, FLASH_REF, isCoding, isFinding, Piece } from './pieces';

/** Cuts [start, end) of a payload's text into pieces per group; false when nothing of it is placed. */
export type PiecesOf<P> = (p: P, start: number, end: number, ref: number, out: Map<number, Piece[]>) => boolean;

export interface PlacedAnalysis<P extends BasePayload> {
  payload: P;
  /** Pieces of findings per group. */
  byGroup: Map<number, Piece[]>;
  placed: number;
  unplaced: number;
}

export class Highlights<P extends BasePayload> {
  analysis: PlacedAnalysis<P> | undefined;
  display: Omit<DisplayMessage, 'type'> = {
    visible: true,
    categories: Object.fromEntries(CATEGORY_IDS.map((c) => [c, true])) as Record<Category, boolean>,
    labels: Object.fromEntries(CATEGORY_IDS.map((c) => [c, c])) as Record<Category, string>,
  };
  find: { query: string; matches: [number, number][]; byGroup: Map<number, Piece[]>; index: number } | undefined;
  /** A range being shown (Findings tree, Framing view): its pieces get the flash mark until `until`. */
  flash: { start: number; end: number; until: number; byGroup: Map<number, Piece[]> } | undefined;
  codings: { analysisId: number; marks: CodingMark[]; byGroup: Map<number, Piece[]> | undefined } | undefined;
  private codingsVersion = 0;
  private excludedByGroup: Map<number, Piece[]> | undefined;
  /** Findings and codings drawn since the analysis (or the display) changed. */
  drawnEver = new Set<number>();
  codingsDrawn = new Set<number>();

  constructor(
    private readonly cut: PiecesOf<P>,
    /** Running headers/footers of a payload ([start, end) pairs), drawn faintly (PDF). */
    private readonly excludedOf: (p: P) => Int32Array | undefined = () => undefined,
    private readonly excludedTitle = '',
  ) {}

  /** Takes a new analysis (a preview never replaces the whole document's); false when it was not taken. */
  setAnalysis(p: P): boolean {
    if (this.analysis && this.analysis.payload.phase === 'final' && p.phase === 'preview') return false;
    const byGroup = new Map<number, Piece[]>();
    let placed = 0;
    const f = p.findings;
    for (let i = 0; i < f.start.length; i++) if (this.cut(p, f.start[i], f.end[i], i, byGroup)) placed++;
    this.analysis = { payload: p, byGroup, placed, unplaced: f.start.length - placed };
    this.excludedByGroup = undefined;
    this.drawnEver = new Set();
    this.codingsDrawn = new Set();
    if (this.codings) this.codings.byGroup = undefined;
    if (this.find) this.runFind(this.find.query, this.find.index);
    return true;
  }

  clear(): void {
    this.analysis = undefined;
    this.find = undefined;
    this.flash = undefined;
    this.excludedByGroup = undefined;
    this.drawnEver = new Set();
  }

  displayKey(): string {
    return `${this.display.visible}:${CATEGORY_IDS.map((c) => (this.display.categories[c] ? 1 : 0)).join('')}`;
  }

  /** New toggles; true when what is drawn changes (the drawn counts start again). */
  setDisplay(d: Omit<DisplayMessage, 'type'>): boolean {
    const before = this.displayKey();
    this.display = { visible: d.visible, categories: d.categories, labels: d.labels };
    if (this.displayKey() === before) return false;
    this.drawnEver = new Set();
    return true;
  }

  /** The document's codings; false when they are the ones drawn already (a new analysis of the same text). */
  setCodings(analysisId: number, marks: CodingMark[]): boolean {
    if (this.codings && this.codings.analysisId === analysisId && JSON.stringify(this.codings.marks) === JSON.stringify(marks)) return false;
    this.codings = { analysisId, marks, byGroup: undefined };
    this.codingsVersion++;
    this.codingsDrawn = new Set();
    return true;
  }

  categoryOf(ref: number): Category | undefined {
    if (!this.analysis || ref < 0) return undefined;
    return CATEGORY_IDS[this.analysis.payload.findings.category[ref]];
  }

  shown(c: Category | undefined): boolean {
    return !!c && this.display.visible && this.display.categories[c];
  }

  /** The codings' pieces per group, when they belong to the analysis shown. */
  private codingPieces(): Map<number, Piece[]> | undefined {
    const a = this.analysis;
    const co = this.codings;
    if (!a || !co || co.analysisId !== a.payload.analysisId) return undefined;
    if (!co.byGroup) {
      const m = new Map<number, Piece[]>();
      co.marks.forEach((mk, i) => this.cut(a.payload, mk.start, mk.end, CODING_REF - i, m));
      co.byGroup = m;
    }
    return co.byGroup;
  }

  private excludedPieces(group: number): Piece[] | undefined {
    const a = this.analysis;
    if (!a) return undefined;
    if (!this.excludedByGroup) {
      this.excludedByGroup = new Map();
      const ex = this.excludedOf(a.payload);
      if (ex) for (let i = 0; i < ex.length; i += 2) this.cut(a.payload, ex[i], ex[i + 1], EXCLUDED_REF, this.excludedByGroup);
    }
    return this.excludedByGroup.get(group);
  }

  /** Everything to draw in a group now. */
  piecesFor(group: number): Piece[] {
    const out: Piece[] = [];
    for (const pc of this.analysis?.byGroup.get(group) ?? []) if (this.shown(this.categoryOf(pc.ref))) out.push(pc);
    if (this.flash && this.flash.until > Date.now()) out.push(...(this.flash.byGroup.get(group) ?? []));
    out.push(...(this.find?.byGroup.get(group) ?? []));
    out.push(...(this.codingPieces()?.get(group) ?? []));
    out.push(...(this.excludedPieces(group) ?? []));
    return out;
  }

  /** Changes whenever what `piecesFor` gives may have changed (groups keep the key they were drawn with). */
  key(): string {
    const a = this.analysis ? String(this.analysis.payload.analysisId) : '-';
    const f = this.find ? `${this.find.query}:${this.find.index}:${this.find.matches.length}` : '';
    const fl = this.flash && this.flash.until > Date.now() ? `fl${this.flash.start}-${this.flash.end}` : '';
    const co = this.codings?.marks.length && this.codingPieces() ? `co${this.codingsVersion}` : '';
    return `${a}|${this.displayKey()}|${f}|${fl}|${co}`;
  }

  /** Counts the findings and codings of pieces that were drawn. */
  noteDrawn(list: Piece[]): void {
    for (const pc of list) {
      if (isFinding(pc.ref) && this.shown(this.categoryOf(pc.ref))) this.drawnEver.add(pc.ref);
      else if (isCoding(pc.ref)) this.codingsDrawn.add(CODING_REF - pc.ref);
    }
  }

  buildContext(): BuildContext {
    return {
      categoryOf: (ref) => this.categoryOf(ref),
      currentMatch: this.find?.index ?? -1,
      coding: (i) => this.codings?.marks[i],
      excludedTitle: this.excludedTitle,
    };
  }

  /**
   * Rebuilds the elements of a group: those with pieces get their spans (`base` pieces, e.g. emphasis, always), those
   * that had some and have none now get their plain string back.
   */
  decorateItems(root: ParentNode, pieces: Piece[], item: (i: number) => { div: HTMLElement; str: string; base?: Piece[] } | undefined): void {
    const touched = new Map<number, Piece[]>();
    for (const pc of pieces) {
      const l = touched.get(pc.item);
      if (l) l.push(pc);
      else touched.set(pc.item, [pc]);
    }
    const ctx = this.buildContext();
    for (const div of root.querySelectorAll<HTMLElement>('[data-decorated]')) {
      const i = Number(div.dataset.item);
      if (touched.has(i)) continue;
      const it = item(i);
      if (it?.base?.length) buildItem(div, it.str, it.base, ctx);
      else div.textContent = it?.str ?? div.textContent;
      delete div.dataset.decorated;
    }
    for (const [i, list] of touched) {
      const it = item(i);
      if (!it) continue;
      it.div.dataset.item = String(i);
      it.div.dataset.decorated = '1';
      buildItem(it.div, it.str, it.base?.length ? [...it.base, ...list] : list, ctx);
      this.noteDrawn(list);
    }
  }

  /** Pieces of [start, end) of the analysis shown, per group (selecting, revealing). */
  piecesOfRange(start: number, end: number, ref = 0): Map<number, Piece[]> | undefined {
    const out = new Map<number, Piece[]>();
    return this.analysis && this.cut(this.analysis.payload, start, end, ref, out) ? out : undefined;
  }

  // ── find in document ──────────────────────────────────────────────────────────────────────────

  /** Searches the text (white space between words matches any white space); at most 10,000 matches. */
  runFind(query: string, keepIndex = 0): void {
    const q = query.trim();
    if (!q || !this.analysis) {
      this.find = undefined;
      return;
    }
    const pattern = q
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    const re = new RegExp(pattern, 'giu');
    const matches: [number, number][] = [];
    for (const m of this.analysis.payload.text.matchAll(re)) {
      if (m[0].length === 0) break;
      matches.push([m.index!, m.index! + m[0].length]);
      if (matches.length >= 10_000) break;
    }
    const byGroup = new Map<number, Piece[]>();
    const p = this.analysis.payload;
    matches.forEach(([s, e], k) => this.cut(p, s, e, -1 - k, byGroup));
    this.find = { query: q, matches, byGroup, index: matches.length ? Math.min(keepIndex, matches.length - 1) : -1 };
  }

  stepFind(dir: 1 | -1): boolean {
    const f = this.find;
    if (!f || !f.matches.length) return false;
    f.index = (f.index + dir + f.matches.length) % f.matches.length;
    return true;
  }

  /** The group holding find match k. */
  groupOfMatch(k: number): number | undefined {
    for (const [g, list] of this.find?.byGroup ?? []) if (list.some((pc) => pc.ref === -1 - k)) return g;
    return undefined;
  }

  // ── flash ─────────────────────────────────────────────────────────────────────────────────────

  /**
   * Starts a flash on [start, end) (it lasts until the viewer has shown it, then FLASH_MS). Returns it, and the
   * groups that must be drawn again: its own and those of the flash it replaces.
   */
  startFlash(start: number, end: number): { flash: NonNullable<Highlights<P>['flash']>; groups: number[] } | undefined {
    const byGroup = new Map<number, Piece[]>();
    if (!this.analysis || !this.cut(this.analysis.payload, start, Math.max(end, start + 1), FLASH_REF, byGroup)) return undefined;
    const groups = new Set([...byGroup.keys(), ...(this.flash?.byGroup.keys() ?? [])]);
    this.flash = { start, end, until: Date.now() + 60_000, byGroup };
    return { flash: this.flash, groups: [...groups] };
  }

  /** The group holding a finding's first piece. */
  groupOfFinding(finding: number): number | undefined {
    for (const [g, list] of this.analysis?.byGroup ?? []) if (list.some((pc) => pc.ref === finding)) return g;
    return undefined;
  }
}

/** How long a revealed range keeps its flash mark once its words are shown. */
export const FLASH_MS = 1600;
