import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from '../../src/nlp/sentences.js';

const SAMPLE = readFileSync(new URL('../../../shared/sample/xinhua-2017-09-09-deir-al-zour.txt', import.meta.url), 'utf8');
/** The body as the ingester hands it over: after the dateline prefix, without the caption. */
const SAMPLE_BODY = SAMPLE.slice(SAMPLE.indexOf('The U.S.-backed Syrian Democratic Forces'));

function texts(s: string): string[] {
  return splitSentences(s).map((x) => x.text);
}

describe('splitSentences: wire copy', () => {
  it.each([
    ['U.S.-backed', 'The U.S.-backed SDF advanced. It took Raqqa.', ['The U.S.-backed SDF advanced.', 'It took Raqqa.']],
    ['month abbreviation', 'On Sept. 9 the army moved. It held.', ['On Sept. 9 the army moved.', 'It held.']],
    ['title', 'Gen. Smith said so. He left.', ['Gen. Smith said so.', 'He left.']],
    ['company suffix', 'Acme Inc. said profit rose 2.5 pct. Shares fell.', ['Acme Inc. said profit rose 2.5 pct.', 'Shares fell.']],
    [
      'company suffix ending an attribution',
      'The fund gained, said Carlos Santistevan, director of Libra Bank Plc. However, it is uncertain, he said.',
      ['The fund gained, said Carlos Santistevan, director of Libra Bank Plc.', 'However, it is uncertain, he said.'],
    ],
    ['company suffix inside a name', 'Salomon Brothers Inc. The company said so.', ['Salomon Brothers Inc.', 'The company said so.']],
    [
      'company suffix ending an attribution, a name and "said" after it',
      '"It could happen tonight," said analyst David Healy of Drexel Burnham Lambert Inc.\nHealy said a rise is justified.',
      ['"It could happen tonight," said analyst David Healy of Drexel Burnham Lambert Inc.', 'Healy said a rise is justified.'],
    ],
    [
      'company suffix ending an attribution, a quotation opening on a capital after it',
      'The figures will impress the Fed, said Ward McCarthy of Merrill Lynch Economics Inc.\n"The Fed has confidence in the aggregates," McCarthy said.',
      [
        'The figures will impress the Fed, said Ward McCarthy of Merrill Lynch Economics Inc.',
        '"The Fed has confidence in the aggregates," McCarthy said.',
      ],
    ],
    [
      'company suffix ending an inverted attribution of a quotation',
      '"The market found support," said Simon Greenshields, a vice president with Morgan Stanley and Co Inc.\nNews today helped buoy prices.',
      [
        '"The market found support," said Simon Greenshields, a vice president with Morgan Stanley and Co Inc.',
        'News today helped buoy prices.',
      ],
    ],
    [
      'company suffix before the last word of the firm',
      '"It is over," said Stephen Axilrod, vice-chairman of Nikko Securities Co. International. Otherwise, prices held.',
      ['"It is over," said Stephen Axilrod, vice-chairman of Nikko Securities Co. International.', 'Otherwise, prices held.'],
    ],
    [
      "company suffix of the subject's own name",
      'Acme Corp. President John Smith said the company would grow.',
      ['Acme Corp. President John Smith said the company would grow.'],
    ],
    ['company suffix before a name', 'Dillon Read and Co. Inc. said it would.', ['Dillon Read and Co. Inc. said it would.']],
    ['No. 2', 'The No. 2 maker fell. Its rival rose.', ['The No. 2 maker fell.', 'Its rival rose.']],
    ['decimals', 'Output was 5.93 mln against 5.81 mln. Prices held.', ['Output was 5.93 mln against 5.81 mln.', 'Prices held.']],
    ['initials', 'John F. Kennedy was there. J.P. Morgan was not.', ['John F. Kennedy was there.', 'J.P. Morgan was not.']],
    ['initialism inside a name', 'He met U.S. Treasury officials. They agreed.', ['He met U.S. Treasury officials.', 'They agreed.']],
    ['initialism at a sentence end', 'It was sold in the U.S. The price fell.', ['It was sold in the U.S.', 'The price fell.']],
    [
      'quotation spanning sentences',
      '"We will win. We are strong," he said. Then he left.',
      ['"We will win. We are strong," he said.', 'Then he left.'],
    ],
    [
      'closing quote stays with its sentence',
      'He said, "It is over." The army withdrew.',
      ['He said, "It is over."', 'The army withdrew.'],
    ],
    [
      'blank line always ends a sentence',
      'A headline without a stop\n\nThe body starts. It ends.',
      ['A headline without a stop', 'The body starts.', 'It ends.'],
    ],
    [
      'open quote at paragraph end does not swallow the next paragraph',
      '"It will go on. We are sure.\n\n"We will win," he said.',
      ['"It will go on.', 'We are sure.', '"We will win," he said.'],
    ],
    [
      'Reuters hard wraps and indented paragraphs',
      'Prices rose to 5.93\nmln against 5.81 a year ago. Again it\nseems so\n    The dry period means it is late.',
      ['Prices rose to 5.93 mln against 5.81 a year ago.', 'Again it seems so', 'The dry period means it is late.'],
    ],
    [
      'a hard wrap after an initialism is not a boundary',
      'The Panama Canal Commission, a U.S.\ngovernment agency, said ships waited.',
      ['The Panama Canal Commission, a U.S. government agency, said ships waited.'],
    ],
    [
      'ticker symbols',
      'Tesco Plc <TSCO.L> is issuing a bond. It is due in 2002.',
      ['Tesco Plc <TSCO.L> is issuing a bond.', 'It is due in 2002.'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n  ')).toEqual([]);
  });
});

describe("splitSentences: the NYT's doubled apostrophes", () => {
  it("cuts after a quotation closed by '' and keeps a quotation of several sentences whole, both apostrophes included", () => {
    const input =
      "He called the plan ''not in line with our policy.'' The network said it would act. ''We will win. We are strong,'' he said.";
    expect(texts(input)).toEqual([
      "He called the plan ''not in line with our policy.''",
      'The network said it would act.',
      "''We will win. We are strong,'' he said.",
    ]);
  });
});

describe('splitSentences: offsets', () => {
  it('points start/end into the original text, with wraps collapsed only in `text`', () => {
    const input = '  Showers continued in\nthe Bahia zone.\n    The dry period\nmeans a late crop.';
    const out = splitSentences(input);
    expect(out).toHaveLength(2);
    for (const s of out) {
      expect(input.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(s.text);
    }
    expect(out[0]).toMatchObject({ index: 0, start: 2, text: 'Showers continued in the Bahia zone.' });
    expect(out[1]!.index).toBe(1);
  });

  it('splits paragraphs on blank lines and on indented line starts', () => {
    const input = 'One.\n\nTwo\nwrapped.\n  Three.';
    expect(splitParagraphs(input).map((p) => input.slice(p.start, p.end))).toEqual(['One.', 'Two\nwrapped.', 'Three.']);
  });
});

describe('splitSentences: the Xinhua sample', () => {
  const sentences = splitSentences(SAMPLE_BODY);

  it('gives the eleven sentences of the body, the first one being the dateline-free lead', () => {
    expect(sentences).toHaveLength(11);
    expect(sentences[0]!.start).toBe(0);
    expect(sentences[0]!.text).toMatch(
      /^The U\.S\.-backed Syrian Democratic Forces \(SDF\) declared an offensive .* terror-designated group\.$/,
    );
    expect(sentences[7]!.text).toMatch(/slammed the U\.S\. coalition as "illegitimate\."$/);
    expect(sentences[10]!.text).toMatch(/^The U\.S\.-backed SDF is already advancing .* the de facto capital of IS\.$/);
  });

  it('keeps every offset exact and the sentences in order without overlap', () => {
    let previousEnd = 0;
    sentences.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(s.start).toBeGreaterThanOrEqual(previousEnd);
      expect(SAMPLE_BODY.slice(s.start, s.end)).toBe(s.text);
      previousEnd = s.end;
    });
  });
});

describe('splitSentences: Reuters corpus sample', () => {
  const lines = readFileSync(new URL('../../../shared/corpus/reuters21578.ndjson', import.meta.url), 'utf8').split('\n', 400);
  const bodies = lines.filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);

  it('maps every sentence back onto its text and never cuts before a lower-case word inside a paragraph', () => {
    for (const body of bodies) {
      const out = splitSentences(body);
      for (let i = 0; i < out.length; i++) {
        const s = out[i]!;
        expect(body.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(s.text);
        const gap = i > 0 ? body.slice(out[i - 1]!.end, s.start) : '';
        if (i > 0 && !gap.includes('\n')) expect(s.text).not.toMatch(/^[a-z]/);
      }
    }
  });

  it('splits the first corpus story at its full stops, across hard wraps', () => {
    const out = splitSentences(bodies[0]!);
    expect(out[0]!.text).toMatch(/^Showers continued throughout the week in the Bahia cocoa zone, .* weekly review\.$/);
    expect(out[1]!.text).toBe('The dry period means the temporao will be late this year.');
    expect(out[2]!.text).toMatch(/cumulative total for the season of 5\.93 mln against 5\.81 at the same stage last year\.$/);
  });
});

describe('splitSentences on huge bodies (issue 18)', () => {
  it('splits past CAREFUL_SPLIT_CHARS by the plain rule, in linear time, with exact offsets', async () => {
    const { CAREFUL_SPLIT_CHARS } = await import('../../src/nlp/sentences.js');
    // one paragraph of 2 MB with an opening quote mark that never closes in every other sentence: no look-ahead to the end
    const unit = 'He said “the price rose. It was 5 pct. ';
    const text = unit.repeat(Math.ceil(2_000_000 / unit.length));
    const started = performance.now();
    const sentences = splitSentences(text);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(sentences.length).toBeGreaterThan(2_000_000 / unit.length);
    for (const s of sentences.slice(0, 50)) expect(text.slice(s.start, s.end).replace(/\s+/g, ' ').trim()).toBe(s.text);
    expect(CAREFUL_SPLIT_CHARS).toBeLessThan(text.length);
  });

  it('splits a body below the bound exactly as before, and the part of a long body within it with sbd', async () => {
    const { CAREFUL_SPLIT_CHARS } = await import('../../src/nlp/sentences.js');
    const story = 'The U.S. Treasury said on Monday that it would sell $5.5 bln of bills. Dealers expected it.\n\n';
    const short = story.repeat(3);
    const long = story.repeat(Math.ceil((CAREFUL_SPLIT_CHARS * 2) / story.length));
    const head = splitSentences(long).filter((s) => s.end <= short.length);
    expect(head.map((s) => s.text)).toEqual(splitSentences(short).map((s) => s.text));
  });
});
