import { describe, expect, it } from 'vitest';
import { bodyParagraphs, normaliseBody } from '../../src/ingest/article-fields.js';
import { parseNdjson } from '../../src/ingest/formats/json-records.js';
import { splitSentences } from '../../src/nlp/sentences.js';

const now = new Date('2026-01-01T00:00:00Z');

/** The sentences of a body as ingest stores it, each on one line. */
function storedSentences(raw: string): string[] {
  const [record] = parseNdjson(JSON.stringify({ title: 'T', text: raw, date: '1987-03-02', source: 'Reuters' }), 'f.ndjson', now);
  if (!record?.ok) throw new Error('not parsed');
  const body = record.article.body;
  return splitSentences(body).map((s) => body.slice(s.start, s.end).replace(/\s+/g, ' '));
}

describe('bodyParagraphs: paragraphs as the copy marks them', () => {
  // Reuters-21578 as filed: wraps flush left, each paragraph opened by a line break and four spaces.
  const reuters =
    'Salomon said the principal paying agent for the CDs would be\nBankers Trust Co.\n' +
    "    Den Danske's commercial paper program is rated A1 by\nStandard and Poor's, Salomon said.\n" +
    '    Poehl said he feared the tax would raise borrowing costs and\ninterest rates\n' +
    '    Stoltenberg quickly issued a statement rebutting the criticism.';

  it('starts a paragraph at an indented line when the wraps are flush left, and keeps the wraps', () => {
    expect(bodyParagraphs(reuters)).toEqual([
      'Salomon said the principal paying agent for the CDs would be\nBankers Trust Co.',
      "Den Danske's commercial paper program is rated A1 by\nStandard and Poor's, Salomon said.",
      'Poehl said he feared the tax would raise borrowing costs and\ninterest rates',
      'Stoltenberg quickly issued a statement rebutting the criticism.',
    ]);
    expect(normaliseBody(reuters).split('\n\n')).toHaveLength(4);
  });

  it('so a paragraph ending on an abbreviation or with no full stop is a sentence of its own', () => {
    expect(storedSentences(reuters)).toEqual([
      'Salomon said the principal paying agent for the CDs would be Bankers Trust Co.',
      "Den Danske's commercial paper program is rated A1 by Standard and Poor's, Salomon said.",
      'Poehl said he feared the tax would raise borrowing costs and interest rates',
      'Stoltenberg quickly issued a statement rebutting the criticism.',
    ]);
  });

  it("reads a results table's rows as lines of their own beside a note that wraps flush left", () => {
    const table =
      'Shr 45 cts vs 58 cts\n    Net 1.1 mln vs 829,000\n    Sales 7.9 mln vs 9.4 mln\n' +
      '    NOTE: Net includes a gain of 200,000 dlrs from the sale\nof a unit.';
    expect(storedSentences(table)).toEqual([
      'Shr 45 cts vs 58 cts',
      'Net 1.1 mln vs 829,000',
      'Sales 7.9 mln vs 9.4 mln',
      'NOTE: Net includes a gain of 200,000 dlrs from the sale of a unit.',
    ]);
  });

  it('tells no paragraph by indentation where every wrap is indented alike (TR-News), nor where nothing is', () => {
    const trNews =
      'A Texas court on Wednesday exonerated four women convicted in the 1990s after\n' +
      '            lawyers argued that they were sent to prison because of junk science.\n' +
      '            The Court of Criminal Appeals said the convictions did not pass the test.';
    expect(bodyParagraphs(trNews)).toEqual([
      'A Texas court on Wednesday exonerated four women convicted in the 1990s after\n' +
        'lawyers argued that they were sent to prison because of junk science.\n' +
        'The Court of Criminal Appeals said the convictions did not pass the test.',
    ]);
    expect(bodyParagraphs('One line\nwrapped here.\n\n\n  Second paragraph.\r\nwrapped too.')).toEqual([
      'One line\nwrapped here.',
      'Second paragraph.\nwrapped too.',
    ]);
  });
});
