/**
 * Text decorations per finding category, coloured from `contributes.colors` (policyLens.<category>Background,
 * …Border for high-contrast themes, …Ruler for the overview ruler).
 */
import * as vscode from 'vscode';
import { CATEGORIES, Category } from '../core';
import type { Entry } from './analysisService';

export type AppliedRanges = Record<Category, vscode.Range[]>;

function emptyApplied(): AppliedRanges {
  const r = {} as AppliedRanges;
  for (const c of CATEGORIES) r[c] = [];
  return r;
}

export class Highlighter implements vscode.Disposable {
  private readonly types = new Map<Category, vscode.TextEditorDecorationType>();
  /** What each editor got last (for the API/tests and to skip no-op updates). */
  private readonly applied = new WeakMap<vscode.TextEditor, AppliedRanges>();
  /** Editors whose decorations VS Code moved with an edit: their record is recomputed when asked for. */
  private readonly moved = new WeakMap<vscode.TextEditor, () => AppliedRanges>();

  constructor() {
    for (const c of CATEGORIES) {
      this.types.set(
        c,
        vscode.window.createTextEditorDecorationType({
          backgroundColor: new vscode.ThemeColor(`policyLens.${c}Background`),
          border: '1px solid',
          borderColor: new vscode.ThemeColor(`policyLens.${c}Border`),
          borderRadius: '3px',
          overviewRulerColor: new vscode.ThemeColor(`policyLens.${c}Ruler`),
          overviewRulerLane: c === 'directive' || c === 'control' ? vscode.OverviewRulerLane.Right : vscode.OverviewRulerLane.Center,
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      );
    }
  }

  /**
   * Paints the entry's findings into the editor for the enabled categories (all off when `visible` is false or
   * there is no analysis).
   */
  render(editor: vscode.TextEditor, entry: Entry | undefined, enabled: Record<Category, boolean>, visible: boolean): void {
    const next = rangesOf(editor, entry, enabled, visible);
    // What is painted now: VS Code moved it with the edits since the last paint.
    const prev = this.appliedTo(editor);
    for (const c of CATEGORIES) {
      if (prev && sameRanges(prev[c], next[c])) continue;
      editor.setDecorations(this.types.get(c)!, next[c]);
    }
    this.applied.set(editor, next);
  }

  /**
   * After an edit that touched no finding: VS Code has moved the painted decorations with the text, so nothing is
   * sent (a long document's thousands of ranges); only the record of what is painted follows, when asked for.
   */
  moveWithEdit(editor: vscode.TextEditor, entry: Entry | undefined, enabled: Record<Category, boolean>, visible: boolean): void {
    const spans = entry?.spans;
    const cats = { ...enabled };
    this.moved.set(editor, () => rangesOf(editor, entry && { ...entry, spans: spans ?? [] }, cats, visible));
  }

  clear(editor: vscode.TextEditor): void {
    for (const t of this.types.values()) editor.setDecorations(t, []);
    this.applied.set(editor, emptyApplied());
  }

  appliedTo(editor: vscode.TextEditor): AppliedRanges {
    const moved = this.moved.get(editor);
    if (moved) {
      this.applied.set(editor, moved());
      this.moved.delete(editor);
    }
    return this.applied.get(editor) ?? emptyApplied();
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    this.types.clear();
  }
}

function rangesOf(editor: vscode.TextEditor, entry: Entry | undefined, enabled: Record<Category, boolean>, visible: boolean): AppliedRanges {
  const doc = editor.document;
  const next = emptyApplied();
  if (visible && entry) {
    for (const s of entry.spans) {
      if (!enabled[s.finding.category]) continue;
      next[s.finding.category].push(new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
    }
  }
  return next;
}

function sameRanges(a: vscode.Range[], b: vscode.Range[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!a[i].isEqual(b[i])) return false;
  return true;
}
