/**
 * The folder all `files` lie in (with a trailing separator), or '' when they share none: what tables and reports
 * leave out of the paths they show. The separator is the paths' own: '\' only for paths written with backslashes
 * alone, else '/'.
 */
export function commonFolder(files: readonly string[]): string {
  if (files.length === 0) return '';
  const split = (f: string): string[] => f.split(/[\\/]/).slice(0, -1);
  let common = split(files[0]);
  for (const f of files.slice(1)) {
    const parts = split(f);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  if (common.length === 0) return '';
  const sep = files[0].includes('\\') && !files[0].includes('/') ? '\\' : '/';
  return common.join(sep) + sep;
}
