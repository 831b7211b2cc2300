import { StudyTerm, Token } from '../types';

/**
 * The study's hand counts: «innovasjon», «utvikling/utviklingsarbeid», «samskaping», «samarbeid», «skal»,
 * «må» — as whole words (`exact`) and with inflections and compounds (`inflected`).
 */
export const STUDY_TERMS: readonly StudyTerm[] = ['innovasjon', 'utvikling', 'samskaping', 'samarbeid', 'skal', 'må'];

const EXACT: Record<StudyTerm, (w: string) => boolean> = {
  innovasjon: (w) => w === 'innovasjon',
  utvikling: (w) => w === 'utvikling' || w === 'utviklingsarbeid',
  samskaping: (w) => w === 'samskaping',
  samarbeid: (w) => w === 'samarbeid',
  skal: (w) => w === 'skal',
  må: (w) => w === 'må',
};

const INFLECTED: Record<StudyTerm, (w: string) => boolean> = {
  // inflections and compounds as head or modifier: «innovasjonen», «tjenesteinnovasjon», «innovasjonsarbeid»
  innovasjon: (w) => w.includes('innovasjon'),
  utvikling: (w) => w.includes('utvikling'),
  samskaping: (w) => w.includes('samskap'),
  samarbeid: (w) => w.includes('samarbeid'),
  skal: (w) => w === 'skal' || w === 'skulle',
  må: (w) => w === 'må' || w === 'måtte',
};

export function emptyCounts(): Record<StudyTerm, number> {
  return { innovasjon: 0, utvikling: 0, samskaping: 0, samarbeid: 0, skal: 0, må: 0 };
}

/** Adds the counts of the word tokens of one sentence to `exact` and `inflected`. */
export function addStudyCounts(tokens: Token[], exact: Record<StudyTerm, number>, inflected: Record<StudyTerm, number>): void {
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    const w = t.lower;
    for (const k of STUDY_TERMS) {
      if (EXACT[k](w)) exact[k]++;
      if (INFLECTED[k](w)) inflected[k]++;
    }
  }
}
