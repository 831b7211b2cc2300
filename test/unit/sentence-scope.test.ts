/**
 * The classifier reads its own sentence only: the analysis gives it the whole document's text with the tokens'
 * offsets into it (no copies), so a rule that searched `text` itself would see every other sentence — a date
 * anywhere in a document made every sentence «control», and the search made the analysis quadratic.
 */
import * as assert from 'assert';
import { analyzeText, classifySentence } from '../../src/core/node';

describe('classify: each sentence is read on its own inside a document', () => {
  it('a date in one sentence does not make the others «control»', () => {
    const plain = 'Bydelene skal samarbeide med innbyggerne om nye tjenester.';
    const dated = 'Frist for rapportering er 1. mars 2026.';
    const a = analyzeText(`${dated}\n\n${plain}\n\nKommunen skal levere planen innen 15. juni 2026.`);
    assert.deepStrictEqual(
      a.sentences.map((s) => [s.text, s.control]),
      [
        [dated, classifySentence(dated).control],
        [plain, classifySentence(plain).control],
        ['Kommunen skal levere planen innen 15. juni 2026.', classifySentence('Kommunen skal levere planen innen 15. juni 2026.').control],
      ],
    );
    assert.strictEqual(classifySentence(plain).control, false);
    assert.strictEqual(classifySentence(dated).control, true);
  });
});
