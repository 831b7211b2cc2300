import type { TermMatch } from '../types';

/**
 * Legal duties: a sentence whose duty comes from a statute or a regulation («lovpålagt», «etter forskrift»,
 * «jf. loven», «i henhold til § 5», «er rettslig bindende») is not softened — the letter cannot give room the law
 * does not give (study, conclusion C11: separate legal obligations from administrative directives). It gets a
 * note instead.
 */

const LAW = String.raw`(?:lov(?:en|a|er|ene)?|\p{L}+lov(?:en|a)?|forskrift(?:en|a|er|ene)?|\p{L}+forskrift(?:en|a)?|§+\s*\d+|direktiv(?:et)?|\p{L}+direktiv(?:et)?|rundskriv(?:et)?|regelverk(?:et)?)`;
/** «etter/i henhold til/i medhold av/jf./følger av/fastsatt i …» within three words of a statute or a section. */
const BASIS = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:etter|i henhold til|i medhold av|jf\.?|jfr\.?|jamfør|jamfør|følger av|følgjer av|fastsatt i|fastsett i|hjemlet i|heimla i|pålagt i|pålagd i|regulert i)\s+(?:[\p{L}\d.,-]+\s+){0,3}?${LAW}(?![\p{L}])`,
  'iu',
);
const OTHER = /(?:^|[^\p{L}])(?:lovkrav\p{L}*|lovpålag\p{L}*|lovfest\p{L}*|forskriftsfest\p{L}*|rettighetsfest\p{L}*|(?:rettslig|juridisk|er|som) bindende|rettsleg bindande|er bindande)(?![\p{L}])/iu;

/** The phrase that makes the sentence a legal duty, or undefined. */
export function legalBasis(text: string, matches: readonly TermMatch[]): string | undefined {
  const legal = matches.find((m) => m.entry === 'lovpålagt' && !m.negated);
  if (legal) return legal.text;
  const m = BASIS.exec(text) ?? OTHER.exec(text);
  return m ? m[0].replace(/^[^\p{L}]/u, '').trim() : undefined;
}
