/**
 * Codings as highlights in text editors: one decoration type per code colour (a tinted background, a solid
 * underline in the code's colour; autocoded passages, still to review, a dashed one), with the code's name on hover.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { Codebook, codePath, codingRawSpan, findCode } from '../../core';
import type { DocumentCodings } from './store';

const FALLBACK = '#8250DF';

export class CodingHighlighter implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  /** Ranges painted per editor (tests read them). */
  readonly painted = new WeakMap<vscode.TextEditor, { code: string; range: vscode.Range }[]>();

  private typeFor(color: string, review: boolean): vscode.TextEditorDecorationType {
    const key = `${color}|${review}`;
    let t = this.types.get(key);
    if (!t) {
      t = vscode.window.createTextEditorDecorationType({
        backgroundColor: `${color}26`,
        borderColor: color,
        borderStyle: review ? 'none none dashed none' : 'none none solid none',
        borderWidth: '0 0 2px 0',
        overviewRulerColor: `${color}B3`,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      });
      this.types.set(key, t);
    }
    return t;
  }

  render(editor: vscode.TextEditor, d: DocumentCodings | undefined, cb: Codebook | undefined): void {
    const byType = new Map<vscode.TextEditorDecorationType, vscode.DecorationOptions[]>();
    const painted: { code: string; range: vscode.Range }[] = [];
    if (d?.canon && cb) {
      for (const c of d.data.codings) {
        const span = codingRawSpan(d.canon, c);
        if (!span) continue;
        const code = findCode(cb, c.code);
        const color = code?.color ?? FALLBACK;
        const range = new vscode.Range(editor.document.positionAt(span.start), editor.document.positionAt(span.end));
        const t = this.typeFor(color.length === 4 ? `#${[...color.slice(1)].map((x) => x + x).join('')}` : color, c.origin === 'autocode');
        const hover = new vscode.MarkdownString();
        hover.appendMarkdown(`**${l10n.t('Code')}:** `);
        hover.appendText(code ? codePath(cb, code.id) : c.code);
        hover.appendMarkdown(`  \n${l10n.t('Coded by {0}', c.creator?.name ?? '?')}${c.origin === 'autocode' ? ` (${l10n.t('autocoding, to review')})` : ''}`);
        if (c.anchor?.status === 'fuzzy') hover.appendMarkdown(`  \n${l10n.t('Re-anchored after an edit ({0} % similar).', Math.round(c.anchor.similarity * 100))}`);
        const list = byType.get(t) ?? [];
        list.push({ range, hoverMessage: hover });
        byType.set(t, list);
        painted.push({ code: c.code, range });
      }
    }
    for (const t of this.types.values()) editor.setDecorations(t, byType.get(t) ?? []);
    this.painted.set(editor, painted);
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    this.types.clear();
  }
}
