/**
 * Norwegian abbreviations that end in a period but do not end a sentence (Bokmål and Nynorsk).
 * Compared case-insensitively against the word (with its inner periods) before the period.
 */
export const ABBREVIATIONS = new Set([
  'bl.a', 'f.eks', 'jf', 'jfr', 'kap', 'nr', 'pkt', 'mv', 'm.m', 'ca', 'dvs', 'evt', 'iht', 'osv', 'mill', 'mrd',
  'kr', 'meld', 'st', 'st.meld', 'prop', 'innst', 'ot.prp', 'nou', 'pr', 'ref', 'tlf', 'vedr', 'avd', 'adm',
  'ifm', 'inkl', 'ekskl', 'mht', 'mtp', 'pga', 'vha', 'ev', 'o.l', 'o.a', 'm.fl', 'm.v', 'bl', 'eks', 'etc',
  'el', 'mnd', 'fig', 'tab', 'vol', 'red', 'dr', 'prof', 'stud', 'forts', 'gl', 'ang', 'anm', 'hhv', 'tidl',
  'utg', 'ibid', 'sst', 'tils', 'nb', 'ps', 'obs', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'okt', 'nov', 'des', 'bokst', 'ledd', 'punkt', 'l', 's', 'm', 'f', 'ff', 'pst', 'ca', 'kl', 'mfl',
  't.o.m', 'f.o.m', 'o.s.v', 'd.v.s', 'm.a', 'mellom anna', 'høvesvis', 'ordf', 'alt', 'art', 'div', 'fk', 'hf',
  'sf', 'as', 'asa', 'iks', 'stk', 'e.l', 'mm', 'sml', 'omr', 'oms', 'res',
]);

/** Month names (Bokmål/Nynorsk): «15. april» does not end a sentence. */
export const MONTHS = new Set([
  'januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november',
  'desember',
]);
