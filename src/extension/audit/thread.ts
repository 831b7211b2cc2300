/**
 * Strategy ↔ letter thread: the user picks a strategy and the letters that should carry it out (QuickPick); the
 * engine's `threadThemes` says which of the strategy's innovation, co-creation and district themes reach each
 * letter and which are lost; the result is shown as a Markdown document in the preview.
 */
import * as l10n from '@vscode/l10n';
import * as path from 'path';
import * as vscode from 'vscode';
import { threadThemes, ThreadResult } from '../../core/workspace';
import { categoryLabel } from '../labels';
import { workspaceName } from './comparisonPanel';
import { loaded } from './documents';
import { reports } from '../reports';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The thread as Markdown. */
export function threadMarkdown(r: ThreadResult): string {
  const out: string[] = [];
  const name = (f?: string) => (f ? workspaceName(f) : '?');
  out.push(`# ${l10n.t('Strategy ↔ letter: {0}', name(r.strategy.file))}`, '');
  out.push(l10n.t('{0} themes in the strategy ({1} words).', r.strategy.themes.length, r.strategy.words), '');
  out.push(`| ${l10n.t('Theme')} | ${l10n.t('Category')} | ${l10n.t('Mentions')} | ${l10n.t('Per 1,000 words')} |`, '|:---|:---|---:|---:|');
  for (const t of r.strategy.themes) out.push(`| ${cell(t.label)} | ${categoryLabel(t.category)} | ${t.count} | ${t.per1000Words.toFixed(2)} |`);
  out.push('');
  for (const letter of r.letters) {
    out.push(`## ${cell(name(letter.file))}`, '');
    out.push(
      l10n.t('Coverage {0} % (carried in full: {1} %); {2} carried, {3} weakened, {4} lost.', Math.round(letter.coverage * 100), Math.round(letter.strongCoverage * 100), letter.carried.length, letter.weakened.length, letter.lost.length),
      '',
    );
    for (const s of letter.summary) out.push(`- ${s}`);
    if (letter.summary.length) out.push('');
    out.push(`| ${l10n.t('Theme')} | ${l10n.t('Status')} | ${l10n.t('Mentions')} | ${l10n.t('Letter/strategy rate')} | ${l10n.t('Wording in the letter')} |`, '|:---|:---|---:|---:|:---|');
    const status = { carried: l10n.t('✓ carried'), weakened: l10n.t('↓ weakened'), lost: l10n.t('✗ lost') };
    for (const t of letter.themes) {
      out.push(`| ${cell(t.label)} | ${status[t.status]} | ${t.count} | ${t.ratio.toFixed(2)} | ${cell(t.terms.slice(0, 3).map((x) => `${x.term} (${x.count})`).join(', '))} |`);
    }
    if (letter.added.length) out.push('', l10n.t('New in the letter: {0}', letter.added.map((a) => `${a.label} (${a.count})`).join(', ')));
    out.push('');
  }
  return out.join('\n');
}

/** Picks a strategy and letters among `files` (or the workspace's documents), and shows the thread. */
export async function pickAndShowThread(files: readonly string[]): Promise<ThreadResult | undefined> {
  if (files.length < 2) {
    void vscode.window.showInformationMessage(l10n.t('The thread needs at least two documents: run «Policy Lens: Audit Workspace» first.'));
    return undefined;
  }
  const items = files.map((f) => ({ label: workspaceName(f), file: f }));
  const strategy = await vscode.window.showQuickPick(items, { title: l10n.t('Thread: the strategy'), placeHolder: l10n.t('The strategy whose themes should be carried') });
  if (!strategy) return undefined;
  const letters = await vscode.window.showQuickPick(
    items.filter((i) => i.file !== strategy.file),
    { title: l10n.t('Thread: the letters'), placeHolder: l10n.t('The allocation letters that should carry it out'), canPickMany: true },
  );
  if (!letters?.length) return undefined;
  return showThread(strategy.file, letters.map((l) => l.file));
}

export async function showThread(strategyFile: string, letterFiles: readonly string[]): Promise<ThreadResult> {
  const s = await loaded(strategyFile);
  const ls = await Promise.all(letterFiles.map((f) => loaded(f)));
  const result = threadThemes(
    { ...s.analysis, file: strategyFile },
    ls.map((l, i) => ({ ...l.analysis, file: letterFiles[i] })),
  );
  result.strategy.file ??= strategyFile;
  result.letters.forEach((l, i) => (l.file ??= letterFiles[i]));
  const uri = reports.put(`thread-${path.basename(strategyFile).replace(/\.[^.]+$/, '')}.md`, threadMarkdown(result));
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return result;
}


