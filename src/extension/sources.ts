/**
 * What the Framing view and the Findings tree show: the analysis of one document, from whichever editor has it.
 *
 * HOOK FOR OTHER EDITORS (the PDF editor, src/extension/pdf/): implement `AnalysisSource` for a document you
 * analyse yourself, and
 *   - `focus.register(source)` while your editor is open (so `policyLens.revealFinding` with that URI reaches
 *     your `reveal`), and dispose the returned Disposable when it closes;
 *   - `focus.set(source)` when your editor becomes the active one (a text editor taking over sets its own);
 *   - fire your `onDidChange` whenever `snapshot()` changes (analysing → ready, new analysis); both views
 *     re-render from `snapshot()` then.
 * `focus` is the `AnalysisFocus` made in extension.ts (`PolicyLensApi.focus` exposes it too). Offsets passed to
 * `reveal`/`where` are those of `snapshot().analysis` (for a PDF, offsets into the extracted text); the views never
 * see editor positions. A text document's source is `TextDocumentSource` below.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { checklist, sectionProfiles } from '../core';
import type { ChecklistItem, DocumentAnalysis, SectionProfile } from '../core';
import type { AnalysisService, Span } from './analysisService';

export type SourceState = 'idle' | 'analysing' | 'ready' | 'error';

export interface SourceSnapshot {
  state: SourceState;
  /** The latest analysis (may be older than the document: see `stale`). */
  analysis?: DocumentAnalysis;
  /** The engine's heading-by-heading profile of `analysis` (computed from it when left out). */
  sections?: SectionProfile[];
  /** The findings as placed in the document now (a text editor's move with edits made since the analysis). */
  spans: readonly Span[];
  /** The document changed since the analysis; a new one is on its way. */
  stale: boolean;
  error?: string;
}

export interface AnalysisSource {
  readonly uri: vscode.Uri;
  /** 'text' for text editors; other editors name themselves ('pdf'). */
  readonly kind: string;
  /** Shown in the views (the file name). */
  readonly label: string;
  snapshot(): SourceSnapshot;
  readonly onDidChange: vscode.Event<void>;
  /**
   * Shows [start, end) of the analysed text to the user: `select` selects it (a finding), `flash` reveals it and
   * marks it briefly (a sentence or section picked in the Framing view). False when it cannot (document closed,
   * or the text there was edited since the analysis).
   */
  reveal(start: number, end: number, how: 'select' | 'flash'): Promise<boolean>;
  /** Where an offset of the analysed text is, for the views: «line 12», «page 3». */
  where(offset: number): string;
}

/** The source the views show, and the sources that are open (for revealing by URI). */
export class AnalysisFocus implements vscode.Disposable {
  private current: AnalysisSource | undefined;
  private currentSub: vscode.Disposable | undefined;
  private readonly registered = new Map<string, AnalysisSource>();
  private readonly emitter = new vscode.EventEmitter<AnalysisSource | undefined>();
  /** The focused source changed, or its snapshot did. */
  readonly onDidChange = this.emitter.event;
  /** Makes a source for a URI nobody registered (extension.ts: open text documents). */
  fallback: (uri: vscode.Uri) => AnalysisSource | undefined = () => undefined;

  get source(): AnalysisSource | undefined {
    return this.current;
  }

  set(source: AnalysisSource | undefined): void {
    if (source === this.current) return;
    this.currentSub?.dispose();
    this.current = source;
    this.currentSub = source?.onDidChange(() => this.emitter.fire(source));
    this.emitter.fire(source);
  }

  register(source: AnalysisSource): vscode.Disposable {
    const key = source.uri.toString();
    this.registered.set(key, source);
    return new vscode.Disposable(() => {
      if (this.registered.get(key) === source) this.registered.delete(key);
      if (this.current === source) this.set(undefined);
    });
  }

  find(uri: vscode.Uri): AnalysisSource | undefined {
    const key = uri.toString();
    if (this.current?.uri.toString() === key) return this.current;
    return this.registered.get(key) ?? this.fallback(uri);
  }

  dispose(): void {
    this.currentSub?.dispose();
    this.emitter.dispose();
  }
}

/** The sections of a snapshot: the worker's profile, else computed (cached per analysis). */
const computedSections = new WeakMap<DocumentAnalysis, SectionProfile[]>();
export function sectionsOf(s: SourceSnapshot): SectionProfile[] {
  if (s.sections) return s.sections;
  if (!s.analysis) return [];
  let p = computedSections.get(s.analysis);
  if (!p) computedSections.set(s.analysis, (p = sectionProfiles(s.analysis)));
  return p;
}

/** The engine's checklist of an analysis (cached per analysis). */
const computedChecklists = new WeakMap<DocumentAnalysis, ChecklistItem[]>();
export function checklistOf(a: DocumentAnalysis): ChecklistItem[] {
  let c = computedChecklists.get(a);
  if (!c) computedChecklists.set(a, (c = checklist(a)));
  return c;
}

/** A brief highlight of a range (the Framing view's «jump there»). */
export class Flasher implements vscode.Disposable {
  private readonly type = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('policyLens.flashBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('policyLens.flashBorder'),
    isWholeLine: false,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private editor: vscode.TextEditor | undefined;
  /** The last flash (for the tests): where, and whether it is still shown. */
  last: { uri: vscode.Uri; range: vscode.Range; shown: boolean } | undefined;

  flash(editor: vscode.TextEditor, range: vscode.Range, ms = 1500): void {
    this.clear();
    this.editor = editor;
    editor.setDecorations(this.type, [range]);
    this.last = { uri: editor.document.uri, range, shown: true };
    this.timer = setTimeout(() => this.clear(), ms);
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.editor?.setDecorations(this.type, []);
    this.editor = undefined;
    if (this.last) this.last.shown = false;
  }

  dispose(): void {
    this.clear();
    this.type.dispose();
  }
}

/** A text document analysed by the AnalysisService. */
export class TextDocumentSource implements AnalysisSource {
  readonly kind = 'text';
  readonly onDidChange: vscode.Event<void>;

  constructor(
    readonly document: vscode.TextDocument,
    private readonly service: AnalysisService,
    private readonly flasher: Flasher,
  ) {
    this.onDidChange = (listener, thisArgs, disposables) =>
      service.onDidChange((c) => c.document === document && listener.call(thisArgs), undefined, disposables);
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  get label(): string {
    const p = this.document.uri.path;
    return p.slice(p.lastIndexOf('/') + 1);
  }

  snapshot(): SourceSnapshot {
    const e = this.service.get(this.document.uri);
    if (!e) return { state: 'idle', spans: [], stale: false };
    return { state: e.state, analysis: e.analysis, sections: e.sections, spans: e.spans, stale: e.stale, error: e.error };
  }

  private toDocument(start: number, end: number): vscode.Range | undefined {
    const e = this.service.get(this.document.uri);
    const r = e ? this.service.toDocumentRange(e, start, end) : { start, end };
    if (!r) return undefined;
    const max = this.document.getText().length;
    return new vscode.Range(this.document.positionAt(Math.min(r.start, max)), this.document.positionAt(Math.min(r.end, max)));
  }

  async reveal(start: number, end: number, how: 'select' | 'flash'): Promise<boolean> {
    if (this.document.isClosed) return false;
    const range = this.toDocument(start, end);
    if (!range) return false;
    const visible = vscode.window.visibleTextEditors.find((ed) => ed.document === this.document);
    const editor = await vscode.window.showTextDocument(this.document, {
      viewColumn: visible?.viewColumn,
      selection: how === 'select' ? range : new vscode.Selection(range.start, range.start),
      preserveFocus: false,
    });
    editor.revealRange(range, how === 'select' ? vscode.TextEditorRevealType.InCenterIfOutsideViewport : vscode.TextEditorRevealType.InCenter);
    if (how === 'flash') this.flasher.flash(editor, range);
    return true;
  }

  where(offset: number): string {
    const r = this.toDocument(offset, offset);
    return r ? l10n.t('line {0}', r.start.line + 1) : l10n.t('edited');
  }
}
