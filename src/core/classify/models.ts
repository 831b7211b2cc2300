import { ClassifierModelFile, LinearModel } from './learned';

/**
 * The learned layer's models: one, for the deontic force. (A framing model over the same facts, the lexicon and the
 * lemmas did no better than the framing rules, cross-validated by document — 0.795 against 0.797 — and was removed.)
 */
export interface ClassifierModels {
  deontic: LinearModel;
}

export const MODEL_NAMES = ['deontic'] as const;

export function modelsFrom(file: Pick<ClassifierModelFile, 'models'>): ClassifierModels {
  const out = {} as Record<(typeof MODEL_NAMES)[number], LinearModel>;
  for (const n of MODEL_NAMES) out[n] = new LinearModel(file.models[n]);
  return out;
}

/**
 * The model is required on first use, not imported: a bundler wraps the required module so that its data is
 * evaluated then, not at start-up. Declared here so that the engine type-checks without Node's types (web build).
 */
declare const require: (id: string) => unknown;

let shipped: { file: ClassifierModelFile; models: ClassifierModels } | undefined;

function load() {
  if (!shipped) {
    const file = (require('./modelData') as { default: ClassifierModelFile }).default;
    shipped = { file, models: modelsFrom(file) };
  }
  return shipped;
}

/** The shipped models (src/core/classify/model.json), read on first use. */
export function classifierModels(): ClassifierModels {
  return load().models;
}

/** The shipped model file's facts: version, training data, cross-validated figures. */
export function classifierInfo(): Pick<ClassifierModelFile, 'version' | 'trainedOn' | 'crossValidation'> {
  const { version, trainedOn, crossValidation } = load().file;
  return { version, trainedOn, crossValidation };
}
