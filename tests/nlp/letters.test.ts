import { describe, expect, it } from 'vitest';
import { startsUpper, startsWordChar } from '../../src/nlp/letters.js';

describe('first-character tests', () => {
  it('answer as the Unicode-property regexes do, ASCII or not', () => {
    for (const t of ['Raqqa', 'raqqa', 'Éire', 'éire', 'Şanlıurfa', '9th', '"We', '’Tis', 'Ωmega', '']) {
      expect(startsUpper(t), t).toBe(/^\p{Lu}/u.test(t));
      expect(startsWordChar(t), t).toBe(/[\p{L}\p{N}]/u.test(t.charAt(0)));
    }
  });
});
