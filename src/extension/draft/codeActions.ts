/**
 * The light bulb on a top-down sentence: the engine's rewrites (suggestRewrites, run in the drafting worker), each
 * titled with the rewrite and the document's score change it would make; applying one is an ordinary edit of the
 * document (undoable like typing). A sentence that states a legal duty gets a disabled action with the note.
 *
 * The sentence is the analysis' sentence under the cursor, placed in the document through the edits made since the
 * analysis; when its text there is not what was analysed, there is no action until the next analysis.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { addresseeOf, documentScoreChange } from '../../core';
import type { ActorLevel, DocumentAnalysis, SentenceAnalysis, SentenceLabels, SentenceSuggestions, StrategyId } from '../../core';
import type { AnalysisService } from '../analysisService';
import { formatDelta } from '../labels';
import type { DraftWorkerClient } from './client';

export const SUGGEST_KIND = vscode.CodeActionKind.RefactorRewrite.append('policyLens');

/** What one light-bulb action does, for the tests. */
export interface SuggestionAction {
  title: string;
  text: string;
  documentDelta: number;
}

/** What a rewrite does, in one short phrase (the engine's reason names the words; this is for the menu). */
export function strategyLabel(id: StrategyId): string {
  switch (id) {
    case 'mandate':
      return l10n.t('A mandate with room');
    case 'active':
      return l10n.t('Name the one who acts');
    case 'permission':
      return l10n.t('A permission instead of an order');
    case 'freedom':
      return l10n.t('Free to act');
    case 'room':
      return l10n.t('Room to act');
    case 'advice':
      return l10n.t('Advice instead of an order');
    case 'trust':
      return l10n.t('Trust instead of a demand');
    case 'invite':
      return l10n.t('An invitation instead of an order');
    case 'wish':
      return l10n.t('A wish instead of an order');
    case 'recommend':
      return l10n.t('Encouragement instead of an order');
    case 'desirable':
      return l10n.t('Desirable rather than required');
    case 'opportunity':
      return l10n.t('An opportunity instead of an assignment');
    case 'optional':
      return l10n.t('An option instead of an order');
    case 'funds':
      return l10n.t('Funds that open room');
    case 'judgement':
      return l10n.t('Left to professional judgement');
    case 'deadline':
      return l10n.t('A deadline open to dialogue');
  }
}

/** A sentence's labels as the analysis gave them (what the worker needs of it). */
function labelsOf(s: SentenceAnalysis): SentenceLabels & { actorLevel: ActorLevel } {
  return {
    deontic: s.deontic,
    directive: s.directive,
    actor: s.actor,
    district: s.district,
    innovation: s.innovation,
    cocreation: s.cocreation,
    collaboration: s.collaboration,
    control: s.control,
    framing: s.framing,
    actorLevel: s.actorLevel,
  };
}

function shorten(s: string, n = 70): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= n ? one : one.slice(0, n - 1) + '…';
}

export class SuggestionCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [SUGGEST_KIND] };
  /** The last suggestions per document version and sentence (the light bulb asks on every cursor move). */
  private readonly cache = new Map<string, Promise<SentenceSuggestions | undefined>>();
  private readonly addressees = new WeakMap<DocumentAnalysis, string | null>();

  constructor(
    private readonly service: AnalysisService,
    private readonly client: DraftWorkerClient,
  ) {}

  /** The analysed sentence at an offset of the document as it is now, with its range there. */
  sentenceAt(doc: vscode.TextDocument, offset: number): { sentence: SentenceAnalysis; analysis: DocumentAnalysis; range: vscode.Range } | undefined {
    const entry = this.service.get(doc.uri);
    const a = entry?.analysis;
    if (!entry || !a) return undefined;
    for (const s of a.sentences) {
      if (s.excluded) continue;
      const r = this.service.toDocumentRange(entry, s.start, s.end);
      if (!r || offset < r.start || offset > r.end) continue;
      const range = new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end));
      if (doc.getText(range) !== s.text) return undefined;
      return { sentence: s, analysis: a, range };
    }
    return undefined;
  }

  /** The engine's suggestions for the sentence (from the cache while the document is unchanged). */
  suggestionsFor(doc: vscode.TextDocument, s: SentenceAnalysis, a: DocumentAnalysis): Promise<SentenceSuggestions | undefined> {
    const key = `${doc.uri.toString()}#${doc.version}#${s.start}`;
    let p = this.cache.get(key);
    if (!p) {
      if (this.cache.size > 200) this.cache.clear();
      let addressee = this.addressees.get(a);
      if (addressee === undefined) this.addressees.set(a, (addressee = addresseeOf(a) ?? null));
      p = this.client
        .suggest({ sentence: s.text, text: doc.getText(), labels: labelsOf(s), addressee: addressee ?? undefined, language: a.language })
        .promise.catch(() => undefined);
      this.cache.set(key, p);
    }
    return p;
  }

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.contains(SUGGEST_KIND) && !SUGGEST_KIND.contains(context.only)) return [];
    const at = this.sentenceAt(doc, doc.offsetAt(range.start));
    if (!at || at.sentence.framing !== 'top-down') return [];
    const version = doc.version;
    const result = await this.suggestionsFor(doc, at.sentence, at.analysis);
    if (!result || token.isCancellationRequested || doc.version !== version) return [];
    if (result.note) {
      const action = new vscode.CodeAction(l10n.t('Policy Lens: a legal duty is kept as it is'), SUGGEST_KIND);
      action.disabled = { reason: l10n.t('The duty comes from the law («{0}»): the letter cannot soften it.', result.legal ?? '') };
      return [action];
    }
    // ranked by the change of this document's score (the engine ranked them by the sentence's own)
    const ranked = result.suggestions
      .map((sug, order) => ({ sug, order, change: documentScoreChange(at.analysis, at.sentence.index, sug.labels, sug.text) }))
      .sort((x, y) => y.change.delta - x.change.delta || x.order - y.order);
    return ranked.map(({ sug, change }, i) => {
      const action = new vscode.CodeAction(
        l10n.t('{0}: «{1}» (score {2} → {3}, {4})', strategyLabel(sug.strategy), shorten(sug.text), formatDelta(change.before), formatDelta(change.after), formatDelta(change.delta)),
        SUGGEST_KIND,
      );
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, at.range, sug.text);
      action.isPreferred = i === 0;
      return action;
    });
  }
}
