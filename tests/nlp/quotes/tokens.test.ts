import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/nlp/quotes/tokens.js';

// The tokenizer's pattern as a global search (how it ran before it matched sticky at each token's start): the two
// must give the same tokens, white space of every kind included.
const GLOBAL_TOKEN =
  /(?:\p{Lu}\.){2,}(?:-[\p{L}]+)*|\p{Lu}\.(?=\s\p{Lu}\p{Ll}|\s\p{Lu}\.\s\p{Lu})|(?:Mr|Mrs|Ms|Dr|Rep|Reps|Sen|Sens|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|Rev|Sgt|Capt|Maj|Adm|Gens|Amb|Atty|Pres|Sept|Jan|Feb|Aug|Oct|Nov|Dec|No|Co|Corp|Inc|Ltd)\.|(?:Del|Cmdr|Supt|Brig|Lieut|Insp)\.(?=\s\p{Lu})|[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*|\S/gu;

const byGlobalSearch = (text: string, start = 0, end = text.length): string[] =>
  [...text.slice(start, end).matchAll(GLOBAL_TOKEN)].map((m) => `${start + m.index}:${m[0]}`);
const byTokenize = (text: string, start = 0, end = text.length): string[] => tokenize(text, start, end).map((t) => `${t.start}:${t.text}`);

describe('tokenize', () => {
  it('finds the tokens a global search of its pattern finds, next to every UTF-16 unit', () => {
    let text = '';
    for (let c = 0; c < 0x10000; c++) text += String.fromCharCode(c) + 'a ';
    text += '😀 x😀y \u00a0\u2009 U.S. Mr. Smith said\u3000"yes," Janet L. Yellen';
    expect(byTokenize(text)).toEqual(byGlobalSearch(text));
  });

  it('keeps offsets into the whole text for a part of it', () => {
    const text = 'Mr. Baker said on Monday: "We will act."\n\nSen. Bob Dole (R-Kan.) agreed.';
    expect(byTokenize(text, 4, 60)).toEqual(byGlobalSearch(text, 4, 60));
    expect(tokenize(text, 4, 60)[0]).toMatchObject({ text: 'Baker', lower: 'baker', start: 4, end: 9, isWord: true, isCap: true });
  });

  it('reads an Arabic name particle as a capitalised name part', () => {
    expect(tokenize('Zeid al-Rifai and well-known al-fresco').map((t) => t.isCap)).toEqual([true, true, false, false, false]);
  });
});
