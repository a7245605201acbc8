import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyResult, matchSpans, prf, runEvalCli, sameWords, scoreArticle } from '../../src/eval/eval-quotes.js';
import { wordSpans } from '../../src/nlp/quotes/tokens.js';

const LAST_LINE =
  /^quotes f1=\d\.\d\d direct_p=\d\.\d\d direct_r=\d\.\d\d speaker_acc=\d\.\d\d speaker_exact=\d\.\d\d reported_p=\d\.\d\d reported_r=\d\.\d\d shown_reported_p=\d\.\d\d shown_reported_r=\d\.\d\d$/;

// Two hand-written articles: one direct quote with its speaker, one reported statement.
const text1 = '"We will rebuild the bridge this year," the mayor said.';
const text2 = 'The minister said that the budget would be cut next year.';
const fixture = [
  {
    id: 'a',
    text: text1,
    quotes: [{ start: 1, end: 37, type: 'direct', speaker_start: 40, speaker_end: 49, quote: text1.slice(1, 37) }],
  },
  {
    id: 'b',
    text: text2,
    quotes: [{ start: 18, end: 57, type: 'indirect', speaker_start: 0, speaker_end: 12, quote: text2.slice(18, 57) }],
  },
];

const dir = mkdtempSync(path.join(tmpdir(), 'eval-quotes-'));
const file = path.join(dir, 'tiny.ndjson');
writeFileSync(file, fixture.map((r) => JSON.stringify(r)).join('\n') + '\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('eval:quotes', () => {
  it('ends with the contract line and scores a tiny fixture perfectly', () => {
    const lines = runEvalCli(['--data', file]);
    const last = lines[lines.length - 1]!;
    expect(last).toMatch(LAST_LINE);
    expect(last).toBe(
      'quotes f1=1.00 direct_p=1.00 direct_r=1.00 speaker_acc=1.00 speaker_exact=1.00 reported_p=1.00 reported_r=1.00 shown_reported_p=1.00 shown_reported_r=1.00',
    );
  });

  it('prints the contract line last when run as `npm run eval:quotes -- --data FILE`', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/eval/eval-quotes.ts', '--data', file], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(LAST_LINE);
  }, 30_000);

  it('matches when spans share at least half the tokens of the longer one, one-to-one', () => {
    const text = 'one two three four five six seven eight';
    const words = wordSpans(text);
    // gold "one two three four" (0-18); predictions: "one two" (2 of 4: matches), "three four five six seven eight" (2 of 6: no)
    expect(matchSpans(words, [[[0, 7]], [[8, 38]]], [[[0, 18]]])).toEqual([[0, 0]]);
    // two predictions on one gold: only one matches
    expect(matchSpans(words, [[[0, 18]], [[0, 13]]], [[[0, 18]]])).toHaveLength(1);
  });

  it('scores speakers by the mention as written overlapping the gold source span', () => {
    const acc = emptyResult();
    const quote = {
      text: text2.slice(18, 57),
      kind: 'reported' as const,
      speaker: 'x',
      speakerResolved: null,
      speakerDescription: null,
      verb: 'said',
      start: 18,
      end: 57,
    };
    scoreArticle(text2, [{ ...quote, speakerMention: { start: 40, end: 45 } }], fixture[1]!.quotes, acc);
    expect(acc.speakerCorrect).toBe(0);
    scoreArticle(text2, [{ ...quote, speakerMention: { start: 4, end: 12 } }], fixture[1]!.quotes, acc);
    expect(acc.speakerCorrect).toBe(1);
    expect(acc.speakerTotal).toBe(2);
    expect(prf(acc.reported)).toEqual({ p: 1, r: 1, f1: 1 });
  });

  it('counts a speaker exact only when the predicted span holds exactly the gold speaker words', () => {
    const text = 'Over the weekend Mr. Baker said that rates would rise.';
    const gold = [{ start: 30, end: 53, type: 'indirect', speaker_start: 17, speaker_end: 26 }];
    const quote = {
      text: text.slice(30, 53),
      kind: 'reported' as const,
      speaker: 'Baker',
      speakerResolved: null,
      speakerDescription: null,
      verb: 'said',
      start: 30,
      end: 53,
    };
    const acc = emptyResult();
    // "Over the weekend Mr. Baker" overlaps the gold "Mr. Baker" (speaker_acc) but is not exact
    scoreArticle(text, [{ ...quote, speakerMention: { start: 0, end: 26 } }], gold, acc);
    expect([acc.speakerCorrect, acc.speakerExact, acc.speakerTotal]).toEqual([1, 0, 1]);
    // trailing punctuation or spacing does not matter, the words do
    scoreArticle(text, [{ ...quote, speakerMention: { start: 17, end: 26 } }], gold, acc);
    expect([acc.speakerCorrect, acc.speakerExact, acc.speakerTotal]).toEqual([2, 1, 2]);
    const words = wordSpans(text);
    expect(sameWords(words, [17, 26], [16, 27])).toBe(true);
    expect(sameWords(words, [21, 26], [17, 26])).toBe(false);
    // a gold span inside one token ("He" of "He’s") is that token
    const he = 'He’s right, analysts said.';
    expect(sameWords(wordSpans(he), [0, 2], [0, 4])).toBe(true);
    expect(sameWords(wordSpans(he), [0, 2], [0, 10])).toBe(false);
  });

  it('reports reported-speech precision and recall in the last line', () => {
    const lines = runEvalCli(['--data', file]);
    expect(lines[lines.length - 1]).toContain('reported_p=1.00 reported_r=1.00');
  });
});
