/** natural's Norwegian Porter stemmer, imported by its path (the package's own types cover its root only). */
declare module 'natural/lib/natural/stemmers/porter_stemmer_no' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
