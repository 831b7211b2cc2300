/**
 * The «Findings» view: the focused document's findings grouped by category, with counts; a click reveals one. It
 * shows an AnalysisSource (./sources.ts): a text editor's document, or another editor's (the PDF viewer's).
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { CATEGORIES, Category, DocumentAnalysis } from '../core';
import type { Span } from './analysisService';
import { appendFinding } from './hover';
import { categoryDescription, categoryLabel, formatScore, scoreLabel } from './labels';
import type { AnalysisSource, SourceSnapshot } from './sources';

export type FindingsNode =
  | { kind: 'category'; category: Category; spans: Span[]; enabled: boolean }
  | { kind: 'finding'; span: Span };

const CATEGORY_ICONS: Record<Category, string> = {
  directive: 'megaphone',
  enabling: 'unlock',
  innovation: 'lightbulb',
  cocreation: 'organization',
  collaboration: 'references',
  control: 'checklist',
  district: 'location',
};

export class FindingsTreeProvider implements vscode.TreeDataProvider<FindingsNode> {
  private readonly emitter = new vscode.EventEmitter<FindingsNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private source: AnalysisSource | undefined;
  private entry: SourceSnapshot | undefined;
  private enabled: Record<Category, boolean> = Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Record<Category, boolean>;

  /** Shows this source's analysis as it is now (undefined: nothing to show). */
  show(source: AnalysisSource | undefined, enabled: Record<Category, boolean>): void {
    this.source = source;
    this.entry = source?.snapshot();
    this.enabled = { ...enabled };
    this.emitter.fire(undefined);
  }

  /** The document shown (its URI). */
  get document(): { uri: vscode.Uri } | undefined {
    return this.source;
  }

  get analysis(): DocumentAnalysis | undefined {
    return this.entry?.analysis;
  }

  /** Message shown above the tree: the score, or why the tree is empty. */
  message(): string {
    if (!this.source) return l10n.t('Open a Markdown or plain-text document to see its findings.');
    const a = this.entry?.analysis;
    if (!a) {
      if (this.entry?.state === 'error') return l10n.t('Analysis failed: {0}', this.entry.error ?? '');
      return this.entry?.state === 'analysing' ? l10n.t('Analysing…') : l10n.t('Not analysed yet.');
    }
    return l10n.t('Score {0} ({1}) · {2} findings in {3} sentences', formatScore(a.score.value), scoreLabel(a.score.label), a.findings.length, a.sentences.length);
  }

  description(): string | undefined {
    return this.source?.label;
  }

  getChildren(node?: FindingsNode): FindingsNode[] {
    if (!this.entry?.analysis) return [];
    if (!node) {
      const spans = new Map<Category, Span[]>(CATEGORIES.map((c) => [c, []]));
      for (const s of this.entry.spans) spans.get(s.finding.category)?.push(s);
      return CATEGORIES.map((c) => ({ kind: 'category', category: c, spans: spans.get(c)!, enabled: this.enabled[c] }));
    }
    if (node.kind === 'category') return [...node.spans].sort((a, b) => a.start - b.start).map((span) => ({ kind: 'finding', span }));
    return [];
  }

  getTreeItem(node: FindingsNode): vscode.TreeItem {
    if (node.kind === 'category') {
      const item = new vscode.TreeItem(
        categoryLabel(node.category),
        node.spans.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      );
      item.id = `category:${node.category}`;
      item.description = node.enabled ? String(node.spans.length) : l10n.t('{0} (hidden)', node.spans.length);
      item.tooltip = categoryDescription(node.category);
      item.iconPath = new vscode.ThemeIcon(CATEGORY_ICONS[node.category], new vscode.ThemeColor(`policyLens.${node.category}Ruler`));
      item.contextValue = node.enabled ? 'policyLens.category.on' : 'policyLens.category.off';
      return item;
    }
    const { span } = node;
    const source = this.source!;
    const item = new vscode.TreeItem(span.finding.text.replace(/\s+/g, ' '), vscode.TreeItemCollapsibleState.None);
    item.id = `finding:${span.finding.category}:${span.finding.start}:${span.finding.end}:${span.finding.entry}`;
    const sentence = this.entry?.analysis?.sentences[span.finding.sentence];
    item.description = source.where(span.finding.start) + (sentence ? ` · ${snippet(sentence.text)}` : '');
    // The tooltip (with the sentence's share of the score) is made when it is shown: resolveTreeItem.
    // Offsets of the analysed text: the source maps them (edits since the analysis, or a PDF page).
    item.command = {
      title: l10n.t('Go to finding'),
      command: 'policyLens.revealFinding',
      arguments: [source.uri, span.finding.start, span.finding.end],
    };
    item.contextValue = 'policyLens.finding';
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: FindingsNode): vscode.TreeItem {
    if (node.kind === 'finding' && this.entry?.analysis && !item.tooltip) {
      const tip = new vscode.MarkdownString(undefined, true);
      appendFinding(tip, this.entry.analysis, node.span.finding, this.entry.stale);
      item.tooltip = tip;
    }
    return item;
  }

  getParent(node: FindingsNode): FindingsNode | undefined {
    if (node.kind === 'category' || !this.entry) return undefined;
    const c = node.span.finding.category;
    return { kind: 'category', category: c, spans: this.entry.spans.filter((s) => s.finding.category === c), enabled: this.enabled[c] };
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function snippet(s: string, max = 80): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : one.slice(0, max - 1) + '…';
}
