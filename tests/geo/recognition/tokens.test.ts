import { describe, expect, it } from 'vitest';
import { TOKEN_RE, tokenize } from '../../../src/geo/recognition/tokens.js';

/** What tokenize found with the regex before it scanned by character codes. */
function byRegex(text: string): { start: number; end: number; text: string; possessive: boolean }[] {
  return [...text.matchAll(TOKEN_RE)].map((m) => {
    const start = m.index ?? 0;
    const possessive = m[0].endsWith("'s") || m[0].endsWith('’s');
    const t = possessive ? m[0].slice(0, -2) : m[0];
    return { start, end: start + t.length, text: t, possessive };
  });
}

const plain = (text: string) => tokenize(text).map(({ start, end, text: t, possessive }) => ({ start, end, text: t, possessive }));

describe('tokenize', () => {
  it('finds the words the token regex finds', () => {
    for (const text of [
      'The U.S. and U.K. said, in Washington’s view: Côte d’Ivoire-based al-Anbar firms.',
      'U.S.A. B.C A.B.C.D. x.Y.Z. É.Ü. ÉÜ. Ky. Calif. ST. LOUIS, Mo. -- 3.5 pct',
      "People's Republic of China's rock-'n'-roll Deir ez-Zor's ‐ x‐y 'quoted' O'Hare",
      '𝐀𝐁 a𝐀b 𝟙𝟚 \ud800 lone \udc00 surrogates 東京 Москва-Сити ٢٣ 12-3-',
      '',
      '...',
      'A.B',
      'end-',
    ])
      expect(plain(text)).toEqual(byRegex(text));
  });

  it('matches the regex on random text of the characters that matter', () => {
    const alphabet = ['A', 'b', 'Z', '9', '.', '-', '‐', "'", '’', 's', ' ', '\n', 'É', 'é', '𝐀', '\ud800', '٣', '—', ','];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = next() % 24;
      for (let k = 0; k < length; k++) text += alphabet[next() % alphabet.length];
      expect(plain(text)).toEqual(byRegex(text));
    }
  });
});
