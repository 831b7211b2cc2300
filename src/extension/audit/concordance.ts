/**
 * The «Concordance» tree view: keyword in context for a term or a category across the audited documents (the
 * engine's `concordance`), one node per document with its count, one child per hit (left · match · right);
 * a click opens the document at the place.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { CATEGORIES, Category } from '../../core';
import { concordance, checkQuery, ConcordanceHit, ConcordanceQuery, ConcordanceResult, ConcordanceSource } from '../../core/workspace';
import { categoryLabel } from '../labels';
import { openDocument, workspaceName } from './comparisonPanel';
import { loaded } from './documents';

export const CONCORDANCE_VIEW_ID = 'policyLens.concordance';

export type ConcordanceNode =
  | { kind: 'document'; file: string; hits: number; per1000?: number }
  | { kind: 'hit'; hit: ConcordanceHit };

export class ConcordanceProvider implements vscode.TreeDataProvider<ConcordanceNode>, vscode.Disposable {
  private result: ConcordanceResult | undefined;
  private readonly emitter = new vscode.EventEmitter<ConcordanceNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  get current(): ConcordanceResult | undefined {
    return this.result;
  }

  show(result: ConcordanceResult | undefined): void {
    this.result = result;
    this.emitter.fire(undefined);
  }

  description(): string | undefined {
    if (!this.result) return undefined;
    const q = this.result.query;
    const what = [q.term ? `«${q.term}»` : '', q.category ? categoryLabel(q.category) : ''].filter(Boolean).join(' · ');
    return l10n.t('{0}: {1} hits', what, this.result.total);
  }

  getChildren(node?: ConcordanceNode): ConcordanceNode[] {
    const r = this.result;
    if (!r) return [];
    if (!node) {
      return r.counts
        .filter((c) => c.hits > 0)
        .sort((a, b) => b.hits - a.hits || (a.file < b.file ? -1 : 1))
        .map((c) => ({ kind: 'document', file: c.file, hits: c.hits, per1000: c.per1000Words }));
    }
    if (node.kind === 'document') return r.hits.filter((h) => h.file === node.file).map((hit) => ({ kind: 'hit', hit }));
    return [];
  }

  getTreeItem(node: ConcordanceNode): vscode.TreeItem {
    if (node.kind === 'document') {
      const item = new vscode.TreeItem(workspaceName(node.file), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = node.per1000 !== undefined ? l10n.t('{0} ({1} per 1,000 words)', node.hits, node.per1000.toFixed(1)) : String(node.hits);
      item.resourceUri = vscode.Uri.file(node.file);
      item.iconPath = vscode.ThemeIcon.File;
      item.contextValue = 'policyLens.concordance.document';
      return item;
    }
    const h = node.hit;
    const label = `…${h.left.slice(-40)}${h.match}${h.right.slice(0, 40)}…`;
    const item = new vscode.TreeItem({ label, highlights: [[Math.min(h.left.length, 40) + 1, Math.min(h.left.length, 40) + 1 + h.match.length]] });
    item.description = h.page > 0 ? l10n.t('p. {0}', h.page) : undefined;
    item.tooltip = `${h.left}【${h.match}】${h.right}`;
    item.command = { command: 'policyLens.revealConcordanceHit', title: l10n.t('Show'), arguments: [h] };
    item.contextValue = 'policyLens.concordance.hit';
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** Runs a concordance over `files`. */
/** Documents the last concordance could not load (their messages). */
export const lastLoadErrors: string[] = [];

export async function runConcordance(files: readonly string[], query: ConcordanceQuery): Promise<ConcordanceResult> {
  checkQuery(query);
  lastLoadErrors.length = 0;
  const sources: ConcordanceSource[] = [];
  for (const f of files) {
    try {
      const d = await loaded(f);
      sources.push({ file: f, text: d.text, analysis: d.analysis, pageSpans: d.pageSpans, excluded: d.excluded });
    } catch (e) {
      // not readable: the audit reports it
      lastLoadErrors.push(`${f}: ${(e as Error).message}`);
    }
  }
  return concordance(sources, query, { context: 60, maxHits: 5000 });
}

/** Asks for a term and/or a category. */
export async function askQuery(): Promise<ConcordanceQuery | undefined> {
  const termItem = { label: l10n.t('$(search) A term…'), description: l10n.t('a word or a lexicon pattern (innovasjon*, ber … om)'), value: 'term' as const };
  const items = [
    termItem,
    ...CATEGORIES.map((c) => ({ label: categoryLabel(c), description: l10n.t('sentences of this category'), value: c as Category })),
  ];
  const pick = await vscode.window.showQuickPick(items, { title: l10n.t('Concordance: a term or a category') });
  if (!pick) return undefined;
  if (pick.value !== 'term') return { category: pick.value };
  const term = await vscode.window.showInputBox({
    title: l10n.t('Concordance: a term'),
    prompt: l10n.t('A word or a lexicon pattern (innovasjon*, ber … om)'),
    validateInput: (v) => {
      try {
        checkQuery({ term: v });
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    },
  });
  return term ? { term: term.trim() } : undefined;
}

/** Opens a hit's document at the hit (text documents and PDFs: the exact place; DOCX: the document). */
export async function revealHit(h: ConcordanceHit): Promise<boolean> {
  const lower = h.file.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.txt')) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(h.file));
    let start = h.start;
    const text = doc.getText();
    if (text.slice(start, h.end) !== h.match) {
      // the analysed text differs from the editor's (line endings, BOM): the nearest occurrence of the match
      let best = -1;
      for (let i = text.indexOf(h.match); i >= 0; i = text.indexOf(h.match, i + 1)) {
        if (best < 0 || Math.abs(i - h.start) < Math.abs(best - h.start)) best = i;
        if (i > h.start) break;
      }
      if (best >= 0) start = best;
    }
    return openDocument(h.file, { start, end: start + h.match.length });
  }
  return openDocument(h.file, { start: h.start, end: h.end });
}
