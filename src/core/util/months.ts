/** The month names (Bokmål and Nynorsk write them alike), lower case: for dates in the matcher, the rules and the suggestions. */
export const MONTHS: ReadonlySet<string> = new Set(['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember']);
