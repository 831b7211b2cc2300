/**
 * Test helper: the Markdown and plain-text fixtures (test/fixtures and its corpus excerpts), each with its format.
 */
import * as fs from 'fs';
import * as path from 'path';

export const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures');

export interface TextFixture {
  name: string;
  text: string;
  format: 'md' | 'txt';
}

export function textFixtures(): TextFixture[] {
  const out: TextFixture[] = [];
  for (const dir of [FIXTURES, path.join(FIXTURES, 'corpus')]) {
    for (const f of fs.readdirSync(dir)) {
      if (!/\.(md|txt)$/.test(f) || /^SOURCES/.test(f)) continue;
      out.push({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8'), format: f.endsWith('.md') ? 'md' : 'txt' });
    }
  }
  return out;
}
