/**
 * Speaker resolution on the Reuters corpus (issue 15): dev cases written by reading the paragraphs
 * around each quotation in ../shared/corpus/reuters21578.ndjson (read from there, never copied here).
 * Each row: story id, how the quotation starts, the speaker as the story writes it for this quotation,
 * and whom a careful reader takes it to be (null: no one named, "unnamed").
 */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/nlp/quotes/extract-quotes.js';
import { splitSentences } from '../../../src/nlp/sentences.js';
import { reutersStories } from '../../helpers/reuters-stories.js';

interface Case {
  id: string;
  /** The first words of the quotation (whitespace squeezed). */
  quote: string;
  /** The local mention, as written (whitespace squeezed). */
  mention: string;
  resolved: string | null;
  /** The speaker the /quote speaker: filter matches, when the case is about it. */
  speaker?: string;
}

const squeeze = (s: string): string => s.replace(/\s+/g, ' ').trim();

// pronouns: "he"/"she" goes back to the latest speaker, named or not
const PRONOUNS: Case[] = [
  // `"All Mr. Baker did ...," he said.` after `"...," said Robert Brusca of Nikko Securities`: not Baker
  { id: 'reuters21578-20764', quote: 'All Mr. Baker did was', mention: 'he', resolved: 'Robert Brusca' },
  // `Volcker knows …, he said, adding that it is unlikely Greenspan …`: both parts are the banker's (after
  // `"I will be sad to see Volcker go …," said Libra's Santistevan`), not Volcker, named in the first part
  { id: 'reuters21578-18250', quote: 'Volcker knows and understands', mention: 'he', resolved: "Libra's Santistevan" },
  { id: 'reuters21578-18250', quote: 'that it is unlikely Greenspan', mention: 'he', resolved: "Libra's Santistevan" },
  // `…, said Carlos Santistevan, executive director of Libra Bank Plc. However, it is uncertain …, he said.`:
  // the reported speech is the sentence after the attribution, not the quotation and attribution before it
  { id: 'reuters21578-18250', quote: 'However, it is uncertain how long', mention: 'he', resolved: 'Carlos Santistevan' },
  // `Lawson told a London television interviewer Tuesday, "…" It was a dispute …, he added.`
  { id: 'reuters21578-20764', quote: 'It was a dispute', mention: 'he', resolved: 'Nigel Lawson' },
  { id: 'reuters21578-20631', quote: 'There had been surprising notes', mention: 'He', resolved: 'Gerhard Stoltenberg' },
  { id: 'reuters21578-20631', quote: 'one remark or another', mention: 'he', resolved: 'Gerhard Stoltenberg' },
  { id: 'reuters21578-4', quote: 'however, that any potential losses', mention: 'He', resolved: 'Joseph Arsenio' },
  { id: 'reuters21578-247', quote: 'there is "no bond market', mention: 'he', resolved: 'Henry Azzam' },
  { id: 'reuters21578-357', quote: 'There is no reason to envisage', mention: 'he', resolved: 'Edouard Balladur' },
  { id: 'reuters21578-730', quote: "that by 1990, ICI's pharmaceutical", mention: 'He', resolved: 'Denys Henderson' },
  { id: 'reuters21578-1019', quote: 'to say what sort of sum', mention: 'He', resolved: 'Michael Angus' },
  { id: 'reuters21578-1718', quote: 'We do not have anything actively', mention: 'he', resolved: 'Donald Guinn' },
  { id: 'reuters21578-1848', quote: 'sometimes its better not to be specific', mention: 'she', resolved: 'Suzanne Early' },
  { id: 'reuters21578-1909', quote: 'They (the GCC) meet very often', mention: 'he', resolved: 'Subroto' },
  { id: 'reuters21578-2061', quote: 'Exploration is currently pretty flat', mention: 'he', resolved: 'Peter Holmes' },
  { id: 'reuters21578-2355', quote: 'Brazil would like to come up', mention: 'he', resolved: 'Barber Conable' },
  { id: 'reuters21578-2614', quote: 'no date has been set', mention: 'He', resolved: 'Chris Stals' },
  // "Federal Reserve Board Governor Robert Heller said ..." opens the story; later only "Heller"
  { id: 'reuters21578-2805', quote: 'that would end the debate', mention: 'He', resolved: 'Robert Heller' },
  { id: 'reuters21578-3227', quote: 'the company will continue to strengthen', mention: 'He', resolved: 'William Wrigley' },
  { id: 'reuters21578-3553', quote: 'that even if all obstacles were removed', mention: 'he', resolved: 'Sergey Frolov' },
  { id: 'reuters21578-3743', quote: 'the company to raise its annual dividend', mention: 'He', resolved: 'Theodore Semegran' },
  { id: 'reuters21578-4063', quote: 'stocks were about normal', mention: 'He', resolved: 'Dharyono Kertosastro' },
  // "he" after an unnamed speaker is that unnamed speaker, not the last name in the story
  { id: 'reuters21578-144', quote: 'The market is now trying', mention: 'he', resolved: null },
  { id: 'reuters21578-1208', quote: 'how much it will pay for DatagraphiX', mention: 'She', resolved: null },
  { id: 'reuters21578-3028', quote: 'they had decided in a meeting', mention: 'He', resolved: null },
  { id: 'reuters21578-3429', quote: "As soon as they need corn, they'll buy it", mention: 'he', resolved: null },
  { id: 'reuters21578-3489', quote: 'We expect the ministry to give us permission', mention: 'he', resolved: null },
  // a name inside what the last speaker said is not who speaks next: `Sinai said he thought that
  // Volcker was one of the best …. Still, he predicted …` is Sinai's; `One veteran debt rescheduler said
  // Volcker … deserves credit …` then `"If it hadn't been for him …," he said` is the rescheduler's
  { id: 'reuters21578-18058', quote: 'that the markets would calm', mention: 'he', resolved: 'Alan Sinai' },
  { id: 'reuters21578-18359', quote: "If it hadn't been for him", mention: 'he', resolved: null },
  // "They said" after "…, bankers said.": the bankers, not the sentence's subject ("Paul Volcker's resignation")
  { id: 'reuters21578-18359', quote: 'Volcker did more than any other', mention: 'They', resolved: null, speaker: 'bankers' },
];

// titles and roles: "the company" is the company the story is about, "the spokesman" nobody named
const ROLES: Case[] = [
  { id: 'reuters21578-10', quote: 'the warrants are exercisable', mention: 'The company', resolved: 'Computer Terminal Systems Inc' },
  { id: 'reuters21578-12', quote: 'any decline would be due', mention: 'The company', resolved: 'Ohio Mattress Co' },
  { id: 'reuters21578-23', quote: 'its improved earnings outlook', mention: 'The company', resolved: 'Brown-Forman Inc' },
  // not its underwriters "Stephens Inc and Cazenove Inc"
  { id: 'reuters21578-34', quote: 'it was receiving no proceeds', mention: 'The company', resolved: 'CCX Network Inc' },
  { id: 'reuters21578-131', quote: 'he will succeed John M Henske', mention: 'The company', resolved: 'Olin Corp' },
  { id: 'reuters21578-121', quote: 'hog numbers at the start of 1987', mention: 'the department', resolved: 'U.S. Agriculture Department' },
  { id: 'reuters21578-109', quote: 'that natural float ranged', mention: 'The spokesman', resolved: null },
  { id: 'reuters21578-136', quote: 'GAO will not likely suggest', mention: 'the GAO official', resolved: null },
];

// names: titles dropped, a surname to the full name, an affiliation split off, adverbials and what was spoken of left out
const NAMES: Case[] = [
  { id: 'reuters21578-20631', quote: 'that rises in domestic interest rates', mention: 'Baker', resolved: 'James Baker' },
  { id: 'reuters21578-20764', quote: 'His timing could not have been worse', mention: 'one U.S. analyst', resolved: null },
  {
    id: 'reuters21578-20764',
    quote: 'On the surface Baker may look',
    mention: 'Robert Brusca of Nikko Securities International',
    resolved: 'Robert Brusca',
  },
  {
    id: 'reuters21578-20764',
    quote: "There's no doubt that it can have",
    mention: 'former deputy Treasury Secretary Richard Darman',
    resolved: 'Richard Darman',
  },
  // inverted attributions of quotations that name someone else
  {
    id: 'reuters21578-110',
    quote: 'I think it is highly unlikely that American Express',
    mention: 'Perrin Long of Lipper Analytical',
    resolved: 'Perrin Long',
  },
  {
    id: 'reuters21578-20897',
    quote: 'We pretty much mirrored what was going on in New York',
    mention: 'Goforth',
    resolved: 'Richard Goforth',
  },
  {
    id: 'reuters21578-15373',
    quote: 'The LDP and the centrist parties',
    mention: 'Rei Shiratori, professor of political science at Dokkyo University',
    resolved: 'Rei Shiratori',
  },
  // a name that opens its sentence and is never capitalised mid-sentence, right before its verb: the story never writes
  // it in lower case, and it is singular with no common word's ending ("COLOMBIA DENIES SELLING COFFEE BELOW MARKET")
  { id: 'reuters21578-2954', quote: 'having sold 440,000 60-kg bags', mention: 'Colombia', resolved: 'Colombia' },
  { id: 'reuters21578-3389', quote: 'the increase brings its price', mention: 'Conoco', resolved: 'Conoco' },
  { id: 'reuters21578-3026', quote: 'the auditors state in their opinion letter', mention: 'Iomega', resolved: 'Iomega' },
  { id: 'reuters21578-19534', quote: 'the so-called "stabilising mechanism"', mention: 'Belgium', resolved: 'Belgium' },
  // …while a plural common noun there names no one
  { id: 'reuters21578-748', quote: 'to view the Bass family', mention: 'Analysts', resolved: null },
];

function quoteOf(c: Case) {
  const [story] = reutersStories([c.id]);
  const body = story!.text;
  const q = extractQuotes(body, splitSentences(body)).find((x) => squeeze(x.text).startsWith(c.quote));
  return { body, q };
}

describe('speaker resolution on Reuters stories (dev cases)', () => {
  it.each([...PRONOUNS, ...ROLES, ...NAMES])('$id: "$quote…" — $mention → $resolved', (c) => {
    const { body, q } = quoteOf(c);
    expect(q, `no quotation starting "${c.quote}"`).toBeDefined();
    expect(squeeze(body.slice(q!.speakerMention!.start, q!.speakerMention!.end))).toBe(c.mention);
    expect(q!.speakerResolved?.name ?? null).toBe(c.resolved);
    if (c.speaker) expect(q!.speaker).toBe(c.speaker);
    if (q!.speakerResolved) {
      // the resolved offsets point at a mention of that person or organisation in the story
      const at = squeeze(body.slice(q!.speakerResolved.start, q!.speakerResolved.end));
      const surname = c.resolved!.split(' ').pop()!;
      expect(at).toContain(surname);
    } else {
      expect(q!.speaker).not.toMatch(/Baker/);
    }
  });

  it('describes a speaker resolved from a pronoun by the earlier attribution', () => {
    const { q } = quoteOf(PRONOUNS[0]!);
    expect(q!.speakerDescription).toBe('Nikko Securities International');
  });
});
