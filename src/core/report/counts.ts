import { StudyTerm, Token } from '../types';

/**
 * The study's hand counts: «innovasjon», «utvikling/utviklingsarbeid», «samskaping», «samarbeid», «skal»,
 * «må» — as whole words (`exact`) and with inflections and compounds (`inflected`):
 *
 *   term        exact                              inflected
 *   innovasjon  innovasjon                         contains «innovasjon» («innovasjonen», «tjenesteinnovasjon»)
 *   utvikling   utvikling, utviklingsarbeid        contains «utvikling»
 *   samskaping  samskaping                         contains «samskap»
 *   samarbeid   samarbeid                          contains «samarbeid»
 *   skal        skal                               skal, skulle
 *   må          må                                 må, måtte
 */
export const STUDY_TERMS: readonly StudyTerm[] = ['innovasjon', 'utvikling', 'samskaping', 'samarbeid', 'skal', 'må'];

export function emptyCounts(): Record<StudyTerm, number> {
  return { innovasjon: 0, utvikling: 0, samskaping: 0, samarbeid: 0, skal: 0, må: 0 };
}

/**
 * Adds `from` to `into`, term by term. (The terms written out: a loop over STUDY_TERMS reads the properties by a
 * key that changes, six names at one site, which is several times slower; this runs per sentence per analysis.)
 */
export function addCounts(into: Record<StudyTerm, number>, from: Readonly<Record<StudyTerm, number>>): void {
  into.innovasjon += from.innovasjon;
  into.utvikling += from.utvikling;
  into.samskaping += from.samskaping;
  into.samarbeid += from.samarbeid;
  into.skal += from.skal;
  into.må += from.må;
}

/** Adds the counts of the word tokens of one sentence to `exact` and `inflected` (every exact form is inflected too). */
export function addStudyCounts(tokens: Token[], exact: Record<StudyTerm, number>, inflected: Record<StudyTerm, number>): void {
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    const w = t.lower;
    if (w.length < 7) {
      // the four stems are at least 7 letters long; the modals at most 6
      if (w === 'skal' || w === 'skulle') {
        inflected.skal++;
        if (w === 'skal') exact.skal++;
      } else if (w === 'må' || w === 'måtte') {
        inflected.må++;
        if (w === 'må') exact.må++;
      }
      continue;
    }
    if (w.includes('innovasjon')) {
      inflected.innovasjon++;
      if (w === 'innovasjon') exact.innovasjon++;
    }
    if (w.includes('utvikling')) {
      inflected.utvikling++;
      if (w === 'utvikling' || w === 'utviklingsarbeid') exact.utvikling++;
    }
    if (w.includes('samskap')) {
      inflected.samskaping++;
      if (w === 'samskaping') exact.samskaping++;
    }
    if (w.includes('samarbeid')) {
      inflected.samarbeid++;
      if (w === 'samarbeid') exact.samarbeid++;
    }
  }
}
