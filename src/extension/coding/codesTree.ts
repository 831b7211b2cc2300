/**
 * The «Codes» tree: the codebook (codes nested as in the codebook, each with its colour, description and the
 * number of codings in the workspace), each code's codings (click → the passage), and «Orphaned codings»: codings
 * whose passage could not be found again after an edit, kept and flagged for the researcher to review.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { childrenOf, Code, Codebook, Coding } from '../../core';
import { CodingStore, DocumentCodings } from './store';

export const CODES_VIEW_ID = 'policyLens.codes';

export type CodesNode =
  | { kind: 'code'; code: Code; count: number }
  | { kind: 'coding'; coding: Coding; doc: DocumentCodings }
  | { kind: 'orphans'; count: number };

export class CodesTreeProvider implements vscode.TreeDataProvider<CodesNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CodesNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private codebook: Codebook | undefined;
  private docs: DocumentCodings[] = [];
  private counts = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The code colours whose icon file is written. */
  private readonly icons = new Set<string>();

  constructor(
    private readonly store: CodingStore,
    /** Where the codes' colour icons are written (the extension's global storage). */
    private readonly iconDir: vscode.Uri,
  ) {}

  /** Re-reads the codebook and the codings (coalesced). */
  refreshSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, 150);
  }

  async refresh(): Promise<void> {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    this.codebook = root ? await this.store.codebook(root) : undefined;
    this.docs = await this.store.all();
    this.counts = new Map();
    for (const d of this.docs) for (const c of d.data.codings) this.counts.set(c.code, (this.counts.get(c.code) ?? 0) + 1);
    for (const c of this.codebook?.codes ?? []) if (c.color) await this.writeIcon(c.color);
    this.emitter.fire(undefined);
  }

  /** Codings per code id and the orphaned ones (tests). */
  summary(): { counts: Map<string, number>; orphaned: number } {
    return { counts: new Map(this.counts), orphaned: this.orphans().length };
  }

  private orphans(): { coding: Coding; doc: DocumentCodings }[] {
    return this.docs.flatMap((doc) => doc.data.codings.filter((c) => c.anchor?.status === 'orphaned').map((coding) => ({ coding, doc })));
  }

  /** Codes and their sub-codes' codings added up. */
  private total(code: Code): number {
    const cb = this.codebook!;
    return (this.counts.get(code.id) ?? 0) + childrenOf(cb, code.id).reduce((n, c) => n + this.total(c), 0);
  }

  getChildren(node?: CodesNode): CodesNode[] {
    const cb = this.codebook;
    if (!cb) return [];
    if (!node) {
      const top: CodesNode[] = childrenOf(cb, undefined).map((code) => ({ kind: 'code', code, count: this.total(code) }));
      const o = this.orphans().length;
      if (o) top.push({ kind: 'orphans', count: o });
      return top;
    }
    if (node.kind === 'code') {
      const subs: CodesNode[] = childrenOf(cb, node.code.id).map((code) => ({ kind: 'code', code, count: this.total(code) }));
      const codings: CodesNode[] = this.docs.flatMap((doc) =>
        doc.data.codings.filter((c) => c.code === node.code.id).map((coding) => ({ kind: 'coding' as const, coding, doc })),
      );
      return [...subs, ...codings];
    }
    if (node.kind === 'orphans') return this.orphans().map(({ coding, doc }) => ({ kind: 'coding', coding, doc }));
    return [];
  }

  getTreeItem(node: CodesNode): vscode.TreeItem {
    if (node.kind === 'code') {
      const c = node.code;
      const hasChildren = node.count > 0 || childrenOf(this.codebook!, c.id).length > 0;
      const item = new vscode.TreeItem(c.name, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.description = String(node.count);
      item.tooltip = new vscode.MarkdownString().appendMarkdown(`**`).appendText(c.name).appendMarkdown(`**  \n`).appendText(c.description ?? '');
      item.iconPath = c.color ? this.icon(c.color) : new vscode.ThemeIcon('symbol-folder');
      item.contextValue = c.codable === false ? 'policyLens.codeGroup' : 'policyLens.code';
      item.id = `code:${c.id}`;
      return item;
    }
    if (node.kind === 'orphans') {
      const item = new vscode.TreeItem(l10n.t('Orphaned codings'), vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.count);
      item.tooltip = l10n.t('Codings whose passage was not found again after the document changed. They are kept: review them.');
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
      item.id = 'orphans';
      return item;
    }
    const c = node.coding;
    const quote = c.target.selector[0].exact.replace(/\s+/g, ' ').trim();
    const item = new vscode.TreeItem(quote.length > 80 ? `${quote.slice(0, 79)}…` : quote, vscode.TreeItemCollapsibleState.None);
    const orphan = c.anchor?.status === 'orphaned';
    item.description = `${c.target.source}${c.origin === 'autocode' ? ` · ${l10n.t('autocoded')}` : ''}${orphan ? ` · ${l10n.t('orphaned')}` : ''}`;
    item.tooltip = `${c.creator?.name ?? ''}\n${c.target.selector[0].exact}`;
    item.iconPath = new vscode.ThemeIcon(orphan ? 'warning' : 'quote');
    item.contextValue = 'policyLens.coding';
    item.command = { command: 'policyLens.revealCoding', title: l10n.t('Show'), arguments: [node.doc.uri, c.id] };
    return item;
  }

  /** A small filled circle in the code's colour (SVG files in the extension's storage, written by `refresh`). */
  private icon(color: string): vscode.Uri | vscode.ThemeIcon {
    const hex = color.replace('#', '').toUpperCase();
    return this.icons.has(hex) ? vscode.Uri.joinPath(this.iconDir, `code-${hex}.svg`) : new vscode.ThemeIcon('circle-filled');
  }

  private async writeIcon(color: string): Promise<void> {
    const hex = color.replace('#', '').toUpperCase();
    if (this.icons.has(hex) || !/^[0-9A-F]{3,8}$/.test(hex)) return;
    try {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="5.5" fill="#${hex}"/></svg>`;
      await vscode.workspace.fs.createDirectory(this.iconDir);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(this.iconDir, `code-${hex}.svg`), new TextEncoder().encode(svg));
      this.icons.add(hex);
    } catch {
      // no icon: the generic one
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.emitter.dispose();
  }
}
