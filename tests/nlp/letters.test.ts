import { describe, expect, it } from 'vitest';
import { isWhiteSpace, startsUpper, startsWordChar } from '../../src/nlp/letters.js';

describe('first-character tests', () => {
  it('answer as the Unicode-property regexes do, ASCII or not', () => {
    for (const t of ['Raqqa', 'raqqa', 'Éire', 'éire', 'Şanlıurfa', '9th', '"We', '’Tis', 'Ωmega', '']) {
      expect(startsUpper(t), t).toBe(/^\p{Lu}/u.test(t));
      expect(startsWordChar(t), t).toBe(/[\p{L}\p{N}]/u.test(t.charAt(0)));
    }
  });

  it("isWhiteSpace is JavaScript's \\s, for every UTF-16 unit", () => {
    for (let c = 0; c < 0x10000; c++) expect(isWhiteSpace(c), String(c)).toBe(/\s/.test(String.fromCharCode(c)));
  });
});
