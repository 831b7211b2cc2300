/**
 * `npm run train:classifier [-- --folds K] [--holdout] [--no-write]`
 *
 * Trains the learned layer of the sentence classifier on the labelled sentences (test/fixtures/gold: dev.jsonl and
 * train.jsonl) and writes src/core/classify/model.json. Before writing, it prints
 *  - the rules alone and the learned layer by k-fold cross-validation by document, on the sentences outside the
 *    hold-out documents (test/fixtures/gold/holdout.json), the figures rule work was done on;
 *  - with --holdout: the figures on the hold-out documents of models trained without them;
 * and the shipped model is trained on every sentence, its cross-validated figures stored in the file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { classifyWith, crossValidate, DEFAULT_TRAIN, factsOf, holdoutDocuments, loadGold, ROOT, trainModels } from './classifier-training';
import { figures } from './eval';
import { modelsFrom } from '../src/core/classify/models';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const K = Number(opt('--folds', '5'));
const OUT = path.join(ROOT, 'src', 'core', 'classify', 'model.json');

function show(name: string, fig: Record<string, number>) {
  console.log(`${name.padEnd(34)} ` + Object.entries(fig).map(([k, v]) => `${k.replace(/\..*/, '')} ${v.toFixed(3)}`).join('  '));
}

function main() {
  const t0 = Date.now();
  const all = loadGold();
  const facts = all.map((r) => factsOf(r.text));
  const hold = holdoutDocuments();
  const tuneIdx = all.map((r, i) => (hold.has(r.doc) ? -1 : i)).filter((i) => i >= 0);
  const holdIdx = all.map((r, i) => (hold.has(r.doc) ? i : -1)).filter((i) => i >= 0);
  const pick = <T>(xs: readonly T[], idx: number[]) => idx.map((i) => xs[i]);
  const tune = pick(all, tuneIdx);
  const tuneFacts = pick(facts, tuneIdx);
  show(`rules alone (${tune.length})`, figures(tune, tune.map((r, i) => classifyWith(null, r, tuneFacts[i]))));
  show(`learned, ${K}-fold by document`, figures(tune, crossValidate(tune, tuneFacts, K)));
  if (args.includes('--holdout')) {
    const models = modelsFrom({ models: trainModels(tune, tuneFacts) });
    const held = pick(all, holdIdx);
    const heldFacts = pick(facts, holdIdx);
    show(`hold-out rules alone (${held.length})`, figures(held, held.map((r, i) => classifyWith(null, r, heldFacts[i]))));
    show(`hold-out learned`, figures(held, held.map((r, i) => classifyWith(models, r, heldFacts[i]))));
  }
  if (args.includes('--no-write')) return;
  const cv = figures(all, crossValidate(all, facts, K));
  show(`all ${all.length}, ${K}-fold by document`, cv);
  const models = trainModels(all, facts, DEFAULT_TRAIN);
  const file = {
    format: 'policy-lens-classifier',
    version: '1.1.0',
    trainedOn: `${all.length} labelled sentences of test/fixtures/gold (dev.jsonl, train.jsonl) from ${new Set(all.map((r) => r.doc)).size} documents; L2-regularised logistic regression, ${DEFAULT_TRAIN.epochs} epochs of full-batch AdaGrad, features seen at least ${DEFAULT_TRAIN.minCount} times`,
    crossValidation: Object.fromEntries(Object.entries(cv).map(([k, v]) => [k, +v.toFixed(4)])),
    models,
  };
  fs.writeFileSync(OUT, JSON.stringify(file) + '\n');
  console.log(`wrote ${path.relative(ROOT, OUT)} (${(fs.statSync(OUT).size / 1024).toFixed(0)} KB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
