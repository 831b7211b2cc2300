/**
 * A copy of `s` that holds no reference to a longer string it was cut from, for a key kept in a cache or memo: V8
 * makes a slice of 13 or more characters a view into its parent, which would keep the whole document's text alive as
 * long as the key. Concatenation then slicing flattens it into a string of its own; a shorter slice is a copy already.
 */
export function ownCopy(s: string): string {
  return s.length >= 13 ? (' ' + s).slice(1) : s;
}
