import { describe, expect, it } from 'vitest';
import { foldName, translitSkeleton } from '../../src/geo/fold.js';

describe('foldName', () => {
  it.each([
    ['Deïr ez-Zor', 'deir ez zor'],
    ['‘Ayn al ‘Arab', 'ayn al arab'],
    ['U.S.', 'us'],
    ['St. Louis', 'st louis'],
    ['Ōta', 'ota'],
    ['Kraków', 'krakow'],
    ['Dar‘ā', 'dara'],
    ['دير الزور', ''],
  ])('%s → %s', (name, key) => {
    expect(foldName(name)).toBe(key);
  });
});

describe('translitSkeleton', () => {
  const same = (names: string[]): void => {
    const skeletons = new Set(names.map((n) => translitSkeleton(foldName(n))));
    expect(skeletons.size, names.join(' / ')).toBe(1);
  };
  it('joins the spellings of one transliterated name', () => {
    same(['Deir al-Zour', 'Deir ez-Zor', 'Dayr az Zawr', 'Deir Ezzor']);
    same(['Raqqa', 'Ar Raqqah', 'Al-Rakka']);
    same(['Hasakah', 'Al-Hasakah', 'Hassakeh']);
  });
});
