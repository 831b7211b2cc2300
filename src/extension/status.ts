/** The language status item: the document's score and the analysis state (analysing / ready / lexicon error). */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Entry } from './analysisService';
import type { LexiconProblem } from './lexiconFiles';
import { formatScore, scoreLabel } from './labels';

export interface StatusSnapshot {
  text: string;
  detail: string;
  severity: vscode.LanguageStatusSeverity;
  busy: boolean;
  state: 'none' | 'idle' | 'analysing' | 'ready' | 'error' | 'lexicon-error';
  /** What the item's link does. */
  command?: string;
}

export class ScoreStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private snapshot: StatusSnapshot = { text: '', detail: '', severity: vscode.LanguageStatusSeverity.Information, busy: false, state: 'none' };

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('policyLens.score', selector);
    this.item.name = l10n.t('Policy Lens score');
    this.item.command = { title: l10n.t('Show findings'), command: 'policyLens.showSidebar' };
    this.item.accessibilityInformation = { label: l10n.t('Policy Lens score') };
  }

  set selector(s: vscode.DocumentSelector) {
    this.item.selector = s;
  }

  get current(): StatusSnapshot {
    return this.snapshot;
  }

  /** @param notice a lexicon not loaded (untrusted workspace), shown beside the state */
  update(entry: Entry | undefined, lexiconProblems: readonly LexiconProblem[], notice?: string): void {
    const score = entry?.analysis ? formatScore(entry.analysis.score.value) : undefined;
    let s: StatusSnapshot;
    if (lexiconProblems.length > 0) {
      const p = lexiconProblems[0];
      const where = p.file ? `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}: ` : '';
      s = {
        state: 'lexicon-error',
        text: score ? l10n.t('Score {0} · lexicon error', score) : l10n.t('Lexicon error'),
        detail: l10n.t('{0}{1} (built-in lexicon used)', where, p.message),
        severity: vscode.LanguageStatusSeverity.Error,
        busy: entry?.state === 'analysing',
      };
    } else if (!entry || entry.state === 'idle') {
      s = {
        state: 'idle',
        text: l10n.t('Not analysed'),
        detail: l10n.t('Run “Policy Lens: Analyse Document”'),
        severity: vscode.LanguageStatusSeverity.Information,
        busy: false,
      };
    } else if (entry.state === 'analysing') {
      s = {
        state: 'analysing',
        text: score ? l10n.t('Score {0}', score) : l10n.t('Analysing…'),
        detail: l10n.t('analysing…'),
        severity: vscode.LanguageStatusSeverity.Information,
        busy: true,
      };
    } else if (entry.state === 'error') {
      s = {
        state: 'error',
        text: l10n.t('Analysis failed'),
        detail: entry.error ?? '',
        severity: vscode.LanguageStatusSeverity.Error,
        busy: false,
      };
    } else {
      const a = entry.analysis!;
      s = {
        state: 'ready',
        text: l10n.t('Score {0}', score!),
        detail: l10n.t('{0} · {1} findings · ready', scoreLabel(a.score.label), a.findings.length),
        severity: vscode.LanguageStatusSeverity.Information,
        busy: false,
      };
    }
    if (notice && s.state !== 'lexicon-error') {
      s.detail = `${s.detail} · ${notice}`;
      if (s.severity === vscode.LanguageStatusSeverity.Information) s.severity = vscode.LanguageStatusSeverity.Warning;
    }
    const p = lexiconProblems[0];
    const command: vscode.Command =
      s.state === 'idle'
        ? { title: l10n.t('Analyse'), command: 'policyLens.analyze' }
        : s.state === 'lexicon-error'
          ? // The link opens the lexicon file at the problem (or the setting, for a problem without a file).
            { title: l10n.t('Open the lexicon'), command: 'policyLens.showLexiconProblem', arguments: [p.file, p.line, p.column] }
          : notice
            ? { title: l10n.t('Manage Workspace Trust'), command: 'workbench.trust.manage' }
            : { title: l10n.t('Show findings'), command: 'policyLens.showSidebar' };
    s.command = command.command;
    this.snapshot = s;
    this.item.text = `$(law) ${s.text}`;
    this.item.detail = s.detail;
    this.item.severity = s.severity;
    this.item.busy = s.busy;
    this.item.command = command;
  }

  dispose(): void {
    this.item.dispose();
  }
}
