/**
 * The learned layer: small linear models (L2-regularised multinomial logistic regression, trained by
 * scripts/train-classifier.ts on the labelled sentences) that weigh the rules' facts and the sentence's words for each
 * label. A prediction can say which features decided it (the explanation behind `reason`).
 */

export interface LinearModelData {
  classes: string[];
  /** feature → one weight per class (rounded). */
  weights: Record<string, number[]>;
}

export interface ClassifierModelFile {
  format: 'policy-lens-classifier';
  version: string;
  /** What the models were trained on, and the figures of k-fold cross-validation by document. */
  trainedOn: string;
  crossValidation: Record<string, number>;
  models: Record<string, LinearModelData>;
}

export interface Prediction {
  label: string;
  /** Margin over the runner-up. */
  margin: number;
  /** The features that pushed the label most over the runner-up, strongest first (computed when asked). */
  evidence(): { feature: string; weight: number }[];
}

export class LinearModel {
  readonly classes: string[];
  private readonly weights: Map<string, number[]>;

  constructor(data: LinearModelData) {
    this.classes = data.classes;
    this.weights = new Map(Object.entries(data.weights));
  }

  scores(features: readonly string[]): Float64Array {
    const s = new Float64Array(this.classes.length);
    for (let j = 0; j < features.length; j++) {
      const w = this.weights.get(features[j]);
      if (w) for (let k = 0; k < s.length; k++) s[k] += w[k];
    }
    return s;
  }

  /** The best class; `allowed` restricts the choice. */
  predict(features: readonly string[], allowed?: (c: string) => boolean): Prediction {
    const s = this.scores(features);
    let best = -1;
    let second = -1;
    for (let k = 0; k < s.length; k++) {
      if (allowed && !allowed(this.classes[k])) continue;
      if (best < 0 || s[k] > s[best]) {
        second = best;
        best = k;
      } else if (second < 0 || s[k] > s[second]) second = k;
    }
    const evidence = () => {
      const out: { feature: string; weight: number }[] = [];
      for (const f of new Set(features)) {
        const w = this.weights.get(f);
        if (!w) continue;
        const d = w[best] - (second >= 0 ? w[second] : 0);
        if (d > 0) out.push({ feature: f, weight: d });
      }
      return out.sort((a, b) => b.weight - a.weight).slice(0, 5);
    };
    return { label: this.classes[best], margin: second >= 0 ? s[best] - s[second] : Infinity, evidence };
  }
}
