import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CueModel } from '../../../src/nlp/quotes/cue-model.js';
import { extractQuotes } from '../../../src/nlp/quotes/extract-quotes.js';
import { splitSentences } from '../../../src/nlp/sentences.js';
import type { Quote } from '../../../src/nlp/types.js';

function quotesOf(body: string): Quote[] {
  return extractQuotes(body, splitSentences(body));
}

const mentionOf = (body: string, q: Quote): string | null =>
  q.speakerMention ? body.slice(q.speakerMention.start, q.speakerMention.end) : null;

interface Row {
  name: string;
  body: string;
  expected: { text: string; kind: Quote['kind']; speaker: string; mention: string | null; verb?: string; description?: string | null }[];
}

// Hand-written sentences, one construction each.
const rows: Row[] = [
  {
    name: 'direct, attribution after (straight quotes)',
    body: '"We will win this war," the commander said.',
    expected: [{ text: 'We will win this war', kind: 'direct', speaker: 'the commander', mention: 'the commander', verb: 'said' }],
  },
  {
    name: 'direct, inverted attribution with appositive (curly quotes)',
    body: '“The talks have failed completely,” said John Smith, a spokesman for the ministry.',
    expected: [
      {
        text: 'The talks have failed completely',
        kind: 'direct',
        speaker: 'John Smith',
        mention: 'John Smith, a spokesman for the ministry',
        description: 'a spokesman for the ministry',
      },
    ],
  },
  {
    name: 'direct, attribution before a colon',
    body: 'Mary Jones said: "The plant will reopen next month."',
    expected: [{ text: 'The plant will reopen next month.', kind: 'direct', speaker: 'Mary Jones', mention: 'Mary Jones', verb: 'said' }],
  },
  {
    name: 'direct quote split by its attribution is one quote',
    body: '"We are ready," Smith said. "The army is in position."',
    expected: [{ text: 'We are ready … The army is in position.', kind: 'direct', speaker: 'Smith', mention: 'Smith' }],
  },
  {
    name: 'a quotation running over two paragraphs',
    body: 'Peter Brown, the mayor, spoke on Monday.\n\n"The bridge will be rebuilt this year, whatever it costs,\n\n"and the city will pay for it," Brown said.',
    expected: [
      {
        text: 'The bridge will be rebuilt this year, whatever it costs,\n\n"and the city will pay for it',
        kind: 'direct',
        speaker: 'Peter Brown',
        mention: 'Brown',
      },
    ],
  },
  {
    name: 'reported speech with that',
    body: 'The minister said that the budget would be cut by ten percent next year.',
    expected: [
      {
        text: 'that the budget would be cut by ten percent next year',
        kind: 'reported',
        speaker: 'The minister',
        mention: 'The minister',
        verb: 'said',
      },
    ],
  },
  {
    name: 'reported speech, told reporters',
    body: 'Sarah Lee told reporters that the company would not sell its stake.',
    expected: [
      { text: 'that the company would not sell its stake', kind: 'reported', speaker: 'Sarah Lee', mention: 'Sarah Lee', verb: 'told' },
    ],
  },
  {
    name: 'according to',
    body: 'According to the report, prices rose sharply in the second quarter.',
    expected: [
      {
        text: 'prices rose sharply in the second quarter',
        kind: 'reported',
        speaker: 'the report',
        mention: 'the report',
        verb: 'According to',
      },
    ],
  },
  {
    name: 'reported speech with the attribution at the end',
    body: 'The deal will be signed next week in Geneva, officials said.',
    expected: [
      { text: 'The deal will be signed next week in Geneva', kind: 'reported', speaker: 'officials', mention: 'officials', verb: 'said' },
    ],
  },
  {
    name: 'surname and pronoun resolve to the full name',
    body: 'Ahmad Karimi, a senior diplomat, arrived on Monday. Karimi said the talks would resume soon. He said that both sides wanted a deal.',
    expected: [
      { text: 'the talks would resume soon', kind: 'reported', speaker: 'Ahmad Karimi', mention: 'Karimi' },
      { text: 'that both sides wanted a deal', kind: 'reported', speaker: 'Ahmad Karimi', mention: 'He' },
    ],
  },
  {
    name: 'a single scare-quoted word is no quotation of its own: it stays inside its clause',
    body: 'The government has slammed the coalition as "illegitimate."',
    expected: [{ text: 'the coalition as "illegitimate."', kind: 'reported', speaker: 'The government', mention: 'The government' }],
  },
  {
    name: 'NYT double-apostrophe quotation marks, offsets into the original text',
    body: "''This is not tax reform,'' said Douglas Holtz-Eakin, an economist.",
    expected: [
      {
        text: 'This is not tax reform',
        kind: 'direct',
        speaker: 'Douglas Holtz-Eakin',
        mention: 'Douglas Holtz-Eakin, an economist',
        description: 'an economist',
      },
    ],
  },
  {
    name: "a sentence after a quotation closed by NYT's '' is a sentence of its own, and content holds both closing apostrophes",
    body: "The editor said the report was ''not in line with our policy.'' The network said it would send her to Crimea.",
    expected: [
      { text: "the report was ''not in line with our policy.''", kind: 'reported', speaker: 'The editor', mention: 'The editor' },
      { text: 'it would send her to Crimea', kind: 'reported', speaker: 'The network', mention: 'The network' },
    ],
  },
  {
    name: "a noun cue's object inside the subject ends before the sentence's verb (was the whole sentence)",
    body: "President Reagan's pledge to veto a tax increase is solid.",
    expected: [{ text: 'to veto a tax increase', kind: 'reported', speaker: 'Reagan', mention: "President Reagan's" }],
  },
  {
    name: 'a verb after a possessive is no noun cue: its content runs on past the next verb',
    body: "The agency's statement said the plan has failed.",
    expected: [{ text: 'the plan has failed', kind: 'reported', speaker: "The agency's statement", mention: "The agency's statement" }],
  },
  {
    name: 'a fronted phrase of place opened by "outside" is no content of a sign-off',
    body: 'Outside City Hall on Friday, families of the victims urged the senator to apologize.',
    expected: [{ text: 'the senator to apologize', kind: 'reported', speaker: 'families', mention: 'families of the victims' }],
  },
  {
    name: 'a middle initial and a long appositive in the attribution',
    body: '"The labor market is strong," Janet L. Yellen, the chair of the Federal Reserve since early 2014, said on Friday.',
    expected: [
      {
        text: 'The labor market is strong',
        kind: 'direct',
        speaker: 'Janet L. Yellen',
        mention: 'Janet L. Yellen, the chair of the Federal Reserve since early 2014',
      },
    ],
  },
  {
    name: 'a quotation glued to the sentence before it continues the attributed one',
    body: '"I hope they help me, too," Mr. Trump said in Naples, Fla. "It would be nice if they help us."',
    expected: [
      { text: 'I hope they help me, too … It would be nice if they help us.', kind: 'direct', speaker: 'Trump', mention: 'Mr. Trump' },
    ],
  },
  {
    name: 'a sentence without any attribution',
    body: 'The river flooded three villages after heavy rain.',
    expected: [],
  },
  {
    name: 'circumstances between the subject and its verb are not part of the speaker',
    body: 'The talks will go on, Trump, speaking to a veterans group in Virginia, said on Monday.',
    expected: [{ text: 'The talks will go on', kind: 'reported', speaker: 'Trump', mention: 'Trump' }],
  },
  {
    name: 'a post-modified subject is the source, not its last noun',
    body: 'A 2014 report by the Government Accountability Office found that the program lacked oversight.',
    expected: [
      {
        text: 'that the program lacked oversight',
        kind: 'reported',
        speaker: 'Government Accountability Office',
        mention: 'A 2014 report by the Government Accountability Office',
      },
    ],
  },
  {
    name: 'a capitalised word after "…, said" opens the content when the sentence goes on',
    body: 'Derek Mitchell, a former U.S. ambassador to Burma, said Clinton reached out to McConnell in 2009.',
    expected: [
      {
        text: 'Clinton reached out to McConnell in 2009',
        kind: 'reported',
        speaker: 'Derek Mitchell',
        mention: 'Derek Mitchell, a former U.S. ambassador to Burma',
      },
    ],
  },
  {
    name: 'an appositive with commas of its own stays in the mention',
    body: 'Donna Rawlings, 59, of Ashton, Md., said she would vote for the first time in years.',
    expected: [
      {
        text: 'she would vote for the first time in years',
        kind: 'reported',
        speaker: 'Donna Rawlings',
        mention: 'Donna Rawlings, 59, of Ashton, Md.',
        description: '59, of Ashton, Md.',
      },
    ],
  },
  {
    name: 'a party label is a description',
    body: 'Senator Dianne Feinstein, Democrat of California, said the program should be ended.',
    expected: [
      {
        text: 'the program should be ended',
        kind: 'reported',
        speaker: 'Dianne Feinstein',
        mention: 'Senator Dianne Feinstein, Democrat of California',
        description: 'Democrat of California',
      },
    ],
  },
  {
    name: 'a role before the name: the mention holds both, the name speaks (issue 15)',
    body: 'Her campaign manager, Robby Mook, said the race would be close until the end.',
    expected: [
      {
        text: 'the race would be close until the end',
        kind: 'reported',
        speaker: 'Robby Mook',
        mention: 'Her campaign manager, Robby Mook',
        description: 'Her campaign manager',
      },
    ],
  },
  {
    name: 'an opening adverbial with commas of its own is not the speaker',
    body: 'At a rally in Portsmouth, N.H., on Tuesday, Senator Bernie Sanders of Vermont endorsed Mrs. Clinton, saying that she would make an outstanding president.',
    expected: [
      // (the short object of "endorsed" is reported too)
      { text: 'Mrs. Clinton', kind: 'reported', speaker: 'Bernie Sanders', mention: 'Senator Bernie Sanders of Vermont' },
      {
        text: 'that she would make an outstanding president',
        kind: 'reported',
        speaker: 'Bernie Sanders',
        mention: 'Senator Bernie Sanders of Vermont',
      },
    ],
  },
  {
    name: 'a surname that is also a modal ("May") stays in the name',
    body: 'British Prime Minister Theresa May said the talks would continue next week.',
    expected: [
      {
        text: 'the talks would continue next week',
        kind: 'reported',
        speaker: 'Theresa May',
        mention: 'British Prime Minister Theresa May',
      },
    ],
  },
  {
    name: 'a poll named with a slash and a modifier: the mention holds the whole phrase, the head names it',
    body: 'The latest Reuters/Ipsos opinion poll released Friday showed that Clinton leads by four points.',
    expected: [
      {
        text: 'that Clinton leads by four points',
        kind: 'reported',
        speaker: 'The latest Reuters/Ipsos opinion poll',
        mention: 'The latest Reuters/Ipsos opinion poll released Friday',
      },
    ],
  },
  {
    name: 'a second attribution with its own subject ends the first content',
    body: 'Kerry said the United States would work with other members on new sanctions, and he urged North Korea to resume the talks it abandoned.',
    expected: [
      { text: 'the United States would work with other members on new sanctions', kind: 'reported', speaker: 'Kerry', mention: 'Kerry' },
      { text: 'North Korea to resume the talks it abandoned', kind: 'reported', speaker: 'unknown', mention: 'he' },
    ],
  },
  {
    name: 'a report inside a fronted clause ends at its comma',
    body: 'While his advisers have suggested his role is that of a convert, Mr. Obama is also determined to warn his supporters about the dangers.',
    expected: [
      { text: 'his role is that of a convert', kind: 'reported', speaker: 'his advisers', mention: 'his advisers' },
      { text: 'to warn his supporters about the dangers', kind: 'reported', speaker: 'Obama', mention: 'Mr. Obama' },
    ],
  },
  {
    name: 'a pronoun subject speaks for a second cue of its sentence, resolved to a titled surname',
    body: "Mr. Sloan spoke on Monday. He praised the bank's staff and said the bank would recover soon.",
    expected: [
      { text: "the bank's staff", kind: 'reported', speaker: 'Sloan', mention: 'He' },
      { text: 'the bank would recover soon', kind: 'reported', speaker: 'Sloan', mention: 'He' },
    ],
  },
  {
    name: 'two sources joined by "and" opening the clause are one source',
    body: 'She and her aides said the plan was ready.',
    expected: [{ text: 'the plan was ready', kind: 'reported', speaker: 'She and her aides', mention: 'She and her aides' }],
  },
  {
    name: 'a name goes on as a title: the whole title is the mention',
    body: '"We will win this state," said Democratic presidential nominee Hillary Clinton.',
    expected: [
      {
        text: 'We will win this state',
        kind: 'direct',
        speaker: 'Hillary Clinton',
        mention: 'Democratic presidential nominee Hillary Clinton',
      },
    ],
  },
  {
    name: 'a signature line names the source with its outlet',
    body: 'Chris Cillizza, The Washington Post:\n\n"The debate was a disaster for the Republican nominee."',
    expected: [
      {
        text: 'The debate was a disaster for the Republican nominee.',
        kind: 'direct',
        speaker: 'Chris Cillizza',
        mention: 'Chris Cillizza, The Washington Post',
        description: 'The Washington Post',
      },
    ],
  },
  {
    name: 'a headline attributes with a colon',
    body: 'Kasich: We Are Going All The Way To Cleveland.\n\nThe governor spoke in Ohio on Tuesday.',
    expected: [{ text: 'We Are Going All The Way To Cleveland', kind: 'reported', speaker: 'Kasich', mention: 'Kasich', verb: ':' }],
  },
  {
    name: 'a headline label of a few more words names its speaker: "X to Y:", "X on TOPIC:", "A lesson from X:", "description X:"',
    body: 'Black Democrats to Hillary Clinton: Send Money to Take Congress.\n\nThe lawmakers met on Tuesday.',
    expected: [
      { text: 'Send Money to Take Congress', kind: 'reported', speaker: 'Black Democrats', mention: 'Black Democrats', verb: ':' },
    ],
  },
  {
    name: 'a headline "X on TOPIC:" is X\'s',
    body: 'Obama on Climate Change: The Trends Are Terrifying.\n\nThe president spoke in Hawaii.',
    expected: [{ text: 'The Trends Are Terrifying', kind: 'reported', speaker: 'Obama', mention: 'Obama', verb: ':' }],
  },
  {
    name: 'a headline "A lesson from X:" is X\'s, and "description X:" keeps its description',
    body: 'A lesson from Loretta Lynch: Be the voice that people hear.\n\nInternet phenomenon Ken Bone: Debate got very uncomfortable.',
    expected: [{ text: 'Be the voice that people hear', kind: 'reported', speaker: 'Loretta Lynch', mention: 'Loretta Lynch', verb: ':' }],
  },
  {
    name: "a headline about two names or a possessive phrase is no one's statement",
    body: "Netanyahu and Obama: A tortured relationship of many years.\n\nTrump's transfers to the party in October: $2.2 million.",
    expected: [],
  },
  {
    name: 'a headline with a description before the name',
    body: 'Internet phenomenon Ken Bone: Debate got very uncomfortable from up close.\n\nHe spoke on Monday.',
    expected: [
      {
        text: 'Debate got very uncomfortable from up close',
        kind: 'reported',
        speaker: 'Ken Bone',
        mention: 'Internet phenomenon Ken Bone',
        verb: ':',
      },
    ],
  },
  {
    name: "a transcript's speaker label",
    body: 'The interview went on.\n\nWALLACE: Will she be at the debate tomorrow night?',
    expected: [{ text: 'Will she be at the debate tomorrow night?', kind: 'reported', speaker: 'WALLACE', mention: 'WALLACE', verb: ':' }],
  },
  {
    name: "a quoted transcript's turn runs on through the paragraphs that open with a mark and no label",
    body:
      'Partial transcript follows:\n\n"PENCE: Well, look, the campaign made its choice about the seats.\n\n"But the truth is that we will ' +
      'win the state by a wide margin.\n\n"WALLACE: Governor, I have one more question about the debate tomorrow.',
    expected: [
      {
        text: 'Well, look, the campaign made its choice about the seats.\n\n"But the truth is that we will win the state by a wide margin',
        kind: 'reported',
        speaker: 'PENCE',
        mention: 'PENCE',
        verb: ':',
      },
      {
        text: 'Governor, I have one more question about the debate tomorrow',
        kind: 'reported',
        speaker: 'WALLACE',
        mention: 'WALLACE',
        verb: ':',
      },
    ],
  },
  {
    name: "a transcript's turn holds the reports made in it",
    body: 'The interview went on.\n\nWALLACE: The campaign said on Monday that it had invited the mayor to sit in the front row.',
    expected: [
      {
        text: 'The campaign said on Monday that it had invited the mayor to sit in the front row',
        kind: 'reported',
        speaker: 'WALLACE',
        mention: 'WALLACE',
        verb: ':',
      },
      {
        text: 'that it had invited the mayor to sit in the front row',
        kind: 'reported',
        speaker: 'The campaign',
        mention: 'The campaign',
        verb: 'said',
      },
    ],
  },
  {
    name: 'what someone said speaks for its owner: "His comments indicated ..." is spoken by "His", who is the man before',
    body:
      'Paul Channon, secretary for trade and industry, said the bill would hurt exporters. His comments indicated that the ' +
      'ministry would act within weeks.',
    expected: [
      {
        text: 'the bill would hurt exporters',
        kind: 'reported',
        speaker: 'Paul Channon',
        mention: 'Paul Channon, secretary for trade and industry',
        description: 'secretary for trade and industry',
      },
      { text: 'that the ministry would act within weeks', kind: 'reported', speaker: 'Paul Channon', mention: 'His', verb: 'indicated' },
    ],
  },
  {
    name: "a named owner of a claim speaks it, a paper's memo speaks for itself",
    body: "Lyng's latest proposals showed that the program would go on. Band's memo says that the foundation paid for the trip.",
    expected: [
      { text: 'that the program would go on', kind: 'reported', speaker: 'Lyng', mention: "Lyng's" },
      { text: 'that the foundation paid for the trip', kind: 'reported', speaker: "Band's memo", mention: "Band's memo" },
    ],
  },
  {
    name: "an inverted speaker's description runs to a sentence that ends on a firm's abbreviation",
    body: 'BankAmerica stands to lose 15 mln dlrs if the rate is cut, said Joseph Arsenio, analyst with Birr, Wilson and Co.',
    expected: [
      {
        text: 'BankAmerica stands to lose 15 mln dlrs if the rate is cut',
        kind: 'reported',
        speaker: 'Joseph Arsenio',
        mention: 'Joseph Arsenio, analyst with Birr, Wilson and Co.',
      },
    ],
  },
  {
    name: 'a firm after "at" closing the sentence is where the speaker works, a place is where it was said',
    body: '"We expect a cut," said John Ing at Maison Placements Canada Inc.\n\nPrices will rise, said Smith at Heathrow Airport.',
    expected: [
      { text: 'We expect a cut', kind: 'direct', speaker: 'John Ing', mention: 'John Ing at Maison Placements Canada Inc.' },
      { text: 'Prices will rise', kind: 'reported', speaker: 'Smith', mention: 'Smith' },
    ],
  },
  {
    name: 'a lower-case "longtime" or "veteran" before a title is part of the speaker',
    body: 'In an analysis of the election, longtime Democratic pollster Pat Caddell told the host that voters were worried.',
    expected: [
      {
        text: 'that voters were worried',
        kind: 'reported',
        speaker: 'Pat Caddell',
        mention: 'longtime Democratic pollster Pat Caddell',
      },
    ],
  },
  {
    name: 'to add a quantity is to gain it, no saying; a quantity opening a clause after "added" is what was said',
    body:
      'The nation has added 178,000 jobs in the typical month this year, the department said. Unilever added 8p at ' +
      '2,578 and Plessey rose 2p to 243. He added nine other EC states backed an extension of the accord.',
    expected: [
      {
        text: 'The nation has added 178,000 jobs in the typical month this year',
        kind: 'reported',
        speaker: 'the department',
        mention: 'the department',
      },
      { text: 'nine other EC states backed an extension of the accord', kind: 'reported', speaker: 'unknown', mention: 'He' },
    ],
  },
  {
    name: 'a fall, an offer of money and a security are no sayings: "declined 114 mln dlrs", "is offering 35 dlrs", "capital notes"',
    body:
      'Loans declined 114 mln dlrs to 65.89 billion, the Fed said. Hutton is offering 35 dlrs cash per share for 83 pct of ' +
      'the shares. First Tennessee National Corp is offering 75 mln dlrs of subordinated capital notes due 1999 yielding ' +
      '10.43 pct. The agency said it lowered the debt and preferred stock ratings of USX and its units. The bank notes that rates have ' +
      'risen. The minister declined to comment on the report. In lower oils BP shed 6p at 914. Waste Management had made a ' +
      'tender offer of 27 dlrs per share for ChemLawn.',
    expected: [
      { text: 'Loans declined 114 mln dlrs to 65.89 billion', kind: 'reported', speaker: 'Fed', mention: 'the Fed' },
      {
        text: 'it lowered the debt and preferred stock ratings of USX and its units',
        kind: 'reported',
        speaker: 'The agency',
        mention: 'The agency',
      },
      { text: 'that rates have risen', kind: 'reported', speaker: 'The bank', mention: 'The bank' },
      { text: 'to comment on the report', kind: 'reported', speaker: 'The minister', mention: 'The minister' },
    ],
  },
  {
    name: "an editor's label is no speaker",
    body: "The vote is on Tuesday.\n\nEDITOR'S NOTE: This story has been amended to clarify the date of the vote.",
    expected: [],
  },
  {
    name: 'an inverted speaker runs to the sentence end',
    body: 'The plant will close next year, said Karen Flynn, president of Common Cause, a watchdog group.',
    expected: [
      {
        text: 'The plant will close next year',
        kind: 'reported',
        speaker: 'Karen Flynn',
        mention: 'Karen Flynn, president of Common Cause, a watchdog group',
      },
    ],
  },
  {
    name: 'a subject opening its sentence keeps its post-modifiers',
    body: 'A 2014 study that appeared in the British Medical Journal found that the drug had no effect.',
    expected: [
      {
        text: 'that the drug had no effect',
        kind: 'reported',
        speaker: 'British Medical Journal',
        mention: 'A 2014 study that appeared in the British Medical Journal',
      },
    ],
  },
  {
    name: 'an unattributed quotation in the next paragraph runs on',
    body: '"We have no choice," Smith said.\n\n"The plant cannot stay open another winter."',
    expected: [
      { text: 'We have no choice … The plant cannot stay open another winter.', kind: 'direct', speaker: 'Smith', mention: 'Smith' },
    ],
  },
  {
    name: 'a fronted "Asked about" clause reports the question',
    body: 'Asked about the strike, Smith said the plant would reopen in May.',
    expected: [
      { text: 'about the strike', kind: 'reported', speaker: 'unknown', mention: null, verb: 'Asked' },
      { text: 'the plant would reopen in May', kind: 'reported', speaker: 'Smith', mention: 'Smith', verb: 'said' },
    ],
  },
  {
    // (Reuters: "Asked if these measures were being taken under pressure from the IMF, Boesze said: ..." put the
    // question in Boesze's mouth; so did "Asked whether ..., he said current rates almost reflect fundamentals")
    name: "who was asked is not who asked: the question has no speaker, the answer is the subject's",
    body: 'Asked if the measures were taken under pressure, Boesze said: "We acted alone." Asked whether the rate was fair, Sumita said current rates almost reflect fundamentals.',
    expected: [
      { text: 'if the measures were taken under pressure', kind: 'reported', speaker: 'unknown', mention: null, verb: 'Asked' },
      { text: 'We acted alone.', kind: 'direct', speaker: 'Boesze', mention: 'Boesze', verb: 'said' },
      { text: 'whether the rate was fair', kind: 'reported', speaker: 'unknown', mention: null, verb: 'Asked' },
      { text: 'current rates almost reflect fundamentals', kind: 'reported', speaker: 'Sumita', mention: 'Sumita', verb: 'said' },
    ],
  },
  {
    // (Reuters: `Asked why ..., Foley said, "..."` gave Foley the question; a verb inside it, "was willing", reported too)
    name: 'a fronted question is no part of the answer, and verbs inside it report nothing',
    body: 'Asked why he thought a majority of the House was willing to support higher taxes, Foley said, "The deficit problem has become more apparent."',
    expected: [
      {
        text: 'why he thought a majority of the House was willing to support higher taxes',
        kind: 'reported',
        speaker: 'unknown',
        mention: null,
        verb: 'Asked',
      },
      { text: 'The deficit problem has become more apparent.', kind: 'direct', speaker: 'Foley', mention: 'Foley', verb: 'said' },
    ],
  },
  {
    name: 'when the question was asked goes before it; a request ("Asked to comment") is a question too',
    body: 'Asked earlier today if the bank had intervened, the spokesman said "not yet." Asked to comment on the analyst\'s forecast, Zimmerman said the figure was high.',
    expected: [
      { text: 'if the bank had intervened', kind: 'reported', speaker: 'unknown', mention: null, verb: 'Asked' },
      { text: "to comment on the analyst's forecast", kind: 'reported', speaker: 'unknown', mention: null, verb: 'Asked' },
      { text: 'the figure was high', kind: 'reported', speaker: 'Zimmerman', mention: 'Zimmerman', verb: 'said' },
    ],
  },
  {
    // (Reuters: "Central Bureau" for the Central Bureau of Statistics, "Organisation for Economic Cooperation" for the OECD,
    // "Bank" for "The Bank said" after the Bank of England)
    name: 'a body is named in full: its "of", "for" and "and" words, and its head word alone stands for it',
    body: 'Imports rose 5 pct in March, the Central Bureau of Statistics said. Growth will slow this year, the Paris-based Organisation for Economic Cooperation and Development (OECD) said. Rates will stay where they are, the Bank of England said. The Bank said it saw no reason to move rates this month.',
    expected: [
      {
        text: 'Imports rose 5 pct in March',
        kind: 'reported',
        speaker: 'Central Bureau of Statistics',
        mention: 'the Central Bureau of Statistics',
      },
      {
        text: 'Growth will slow this year',
        kind: 'reported',
        speaker: 'Organisation for Economic Cooperation and Development',
        mention: 'the Paris-based Organisation for Economic Cooperation and Development (OECD)',
      },
      { text: 'Rates will stay where they are', kind: 'reported', speaker: 'Bank of England', mention: 'the Bank of England' },
      { text: 'it saw no reason to move rates this month', kind: 'reported', speaker: 'Bank of England', mention: 'The Bank' },
    ],
  },
  {
    // (Reuters: "U.S. Officials" resolved as a name 40 times; "Treasurer Paul Keating" kept his title; "He and Keating" was
    // "and Keating")
    name: 'a plural role after "U.S." names no one; a treasurer\'s title goes; "He and X" is X',
    body: 'Shultz is likely to visit Moscow soon for talks, U.S. Officials said. Net exports will account for all of the increase, Treasurer Paul Keating said. He and Keating last week warned that the budget deficit would be larger.',
    expected: [
      { text: 'Shultz is likely to visit Moscow soon for talks', kind: 'reported', speaker: 'U.S. Officials', mention: 'U.S. Officials' },
      {
        text: 'Net exports will account for all of the increase',
        kind: 'reported',
        speaker: 'Paul Keating',
        mention: 'Treasurer Paul Keating',
      },
      { text: 'that the budget deficit would be larger', kind: 'reported', speaker: 'Paul Keating', mention: 'He and Keating' },
    ],
  },
  {
    // (Reuters: 55 reports read "and Exchange Commission it cut its stake ...", and "the group" went to "Securities")
    name: 'a body named "X and Y <head>" is one body, as a hearer and as a speaker; an investor group is no regulator',
    body: 'An investor group led by members of the Hunt family told the Securities and Exchange Commission it has acquired a 6.2 pct stake in Comdata Network Inc. The investor group said it opposes a company recapitalisation plan. The Securities and Exchange Commission sanctioned the firm. It said the firm consented to the order.',
    expected: [
      {
        text: 'it has acquired a 6.2 pct stake in Comdata Network Inc.',
        kind: 'reported',
        speaker: 'An investor group led by members of the Hunt family',
        mention: 'An investor group led by members of the Hunt family',
      },
      {
        text: 'it opposes a company recapitalisation plan',
        kind: 'reported',
        speaker: 'The investor group',
        mention: 'The investor group',
      },
      { text: 'the firm consented to the order', kind: 'reported', speaker: 'Securities and Exchange Commission', mention: 'It' },
    ],
  },
  {
    // (Reuters: "Brazil will not announce any changes ..., Brazilian Coffee Institute (IBC) president Jorio Dauster said."
    // gave Brazil the attribution as its words; "James Capel (Far East) Ltd" was "East) Ltd")
    name: 'a parenthesis inside a name, an acronym or a region, is part of it; an acronym closing it glosses it',
    body: 'Brazil will not change its coffee export policy, Brazilian Coffee Institute (IBC) president Jorio Dauster said. Jardine will pay a total dividend of 15 to 20 cents a share, James Capel (Far East) Ltd said. Exports will fall sharply this year, the Ministry of International Trade and Industry (MITI) said.',
    expected: [
      {
        text: 'Brazil will not change its coffee export policy',
        kind: 'reported',
        speaker: 'Jorio Dauster',
        mention: 'Brazilian Coffee Institute (IBC) president Jorio Dauster',
      },
      {
        text: 'Jardine will pay a total dividend of 15 to 20 cents a share',
        kind: 'reported',
        speaker: 'James Capel (Far East) Ltd',
        mention: 'James Capel (Far East) Ltd',
      },
      {
        text: 'Exports will fall sharply this year',
        kind: 'reported',
        speaker: 'Ministry of International Trade and Industry',
        mention: 'the Ministry of International Trade and Industry (MITI)',
      },
    ],
  },
  {
    name: 'an officer of a body named before the holder is the holder',
    body: 'Reforms are urgently needed, the secretary general of the Organisation for Economic Cooperation and Development Jean-Claude Paye said.',
    expected: [
      {
        text: 'Reforms are urgently needed',
        kind: 'reported',
        speaker: 'Jean-Claude Paye',
        mention: 'the secretary general of the Organisation for Economic Cooperation and Development Jean-Claude Paye',
      },
    ],
  },
  {
    name: 'a question someone declined to answer is not what they said',
    body: 'When asked whether GAF would consider selling the assets, Heyman declined to comment.',
    expected: [
      { text: 'whether GAF would consider selling the assets', kind: 'reported', speaker: 'unknown', mention: null, verb: 'asked' },
      { text: 'to comment', kind: 'reported', speaker: 'Heyman', mention: 'Heyman', verb: 'declined' },
    ],
  },
  {
    name: 'a condition of the speaker\'s own ("If asked ..., then we would ...") stays in what was said',
    body: 'If asked to do so again and the program is designed well, then we would be prepared to consider it, Arrivillaga said.',
    expected: [
      {
        text: 'If asked to do so again and the program is designed well, then we would be prepared to consider it',
        kind: 'reported',
        speaker: 'Arrivillaga',
        mention: 'Arrivillaga',
        verb: 'said',
      },
    ],
  },
  {
    name: 'an object ends where a second predicate of its subject begins',
    body: "The governor hasn't endorsed his party's nominee or conceded the race.",
    expected: [
      { text: "his party's nominee", kind: 'reported', speaker: 'The governor', mention: 'The governor', verb: "hasn't endorsed" },
      // (the second predicate reports its own short object)
      { text: 'the race', kind: 'reported', speaker: 'The governor', mention: 'The governor', verb: 'conceded' },
    ],
  },
  {
    name: 'an object ends before a participle clause commenting on it',
    body: 'The mayor has backed the new stadium, putting her at odds with the council.',
    expected: [{ text: 'the new stadium', kind: 'reported', speaker: 'The mayor', mention: 'The mayor', verb: 'has backed' }],
  },
  {
    name: 'an object keeps its "including" and a clause keeps its participle',
    body: 'The union has backed the strike, including the walkout at the port. The mayor said the bridge would close, putting traffic on the ring road.',
    expected: [
      { text: 'the strike, including the walkout at the port', kind: 'reported', speaker: 'The union', mention: 'The union' },
      { text: 'the bridge would close, putting traffic on the ring road', kind: 'reported', speaker: 'The mayor', mention: 'The mayor' },
    ],
  },
  {
    name: 'an adverb between the subject and its verb is not the speaker',
    body: 'The opposition leader has now said that the vote was rigged. The two ministries together warned that the harvest would fail.',
    expected: [
      { text: 'that the vote was rigged', kind: 'reported', speaker: 'The opposition leader', mention: 'The opposition leader' },
      { text: 'that the harvest would fail', kind: 'reported', speaker: 'The two ministries', mention: 'The two ministries' },
    ],
  },
  {
    name: 'a fronted subordinate clause is not the content',
    body: 'Once the vote was counted, the mayor said the market would close.',
    expected: [{ text: 'the market would close', kind: 'reported', speaker: 'the mayor', mention: 'the mayor', verb: 'said' }],
  },
  {
    name: 'a fronted prepositional phrase is not the content',
    body: 'At a rally in the capital on Sunday, the prime minister said the tax would be scrapped.',
    expected: [{ text: 'the tax would be scrapped', kind: 'reported', speaker: 'the prime minister', mention: 'the prime minister' }],
  },
  {
    name: 'a trailing time or medium is not part of a reported object',
    body: "The senator endorsed the mayor's challenger in late May. The governor called the verdict a disgrace in a tweet on Sunday. The party has long supported closer European unity since the 1950s.",
    expected: [
      { text: "the mayor's challenger", kind: 'reported', speaker: 'The senator', mention: 'The senator' },
      { text: 'the verdict a disgrace', kind: 'reported', speaker: 'The governor', mention: 'The governor' },
      { text: 'closer European unity', kind: 'reported', speaker: 'The party', mention: 'The party' },
    ],
  },
  {
    name: 'a time inside the object, or inside its quotation, stays',
    body: 'The committee grilled the bank\'s chief executive on Tuesday for his role in a scheme that cost thousands of savers their pensions. The minister called the port deal "a step back in an era when trade is growing."',
    expected: [
      {
        text: "the bank's chief executive on Tuesday for his role in a scheme that cost thousands of savers their pensions",
        kind: 'reported',
        speaker: 'The committee',
        mention: 'The committee',
      },
      {
        text: 'the port deal "a step back in an era when trade is growing."',
        kind: 'reported',
        speaker: 'The minister',
        mention: 'The minister',
      },
    ],
  },
  {
    name: 'content ends before a participle cue after a closing quotation mark',
    body: 'The minister blamed the press for calling the plan "a disaster," saying reporters had not read it.',
    expected: [
      { text: 'the plan "a disaster,"', kind: 'reported', speaker: 'The minister', mention: 'The minister' },
      { text: 'reporters had not read it', kind: 'reported', speaker: 'The minister', mention: 'The minister', verb: 'saying' },
    ],
  },
  {
    name: "an aside on the content's subject does not end the content",
    body: 'The campaign said that the mayor, whose brother runs the port, will attend the debate. Officials said the governor (D) and two aides had resigned.',
    expected: [
      {
        text: 'that the mayor, whose brother runs the port, will attend the debate',
        kind: 'reported',
        speaker: 'The campaign',
        mention: 'The campaign',
      },
      { text: 'the governor (D) and two aides had resigned', kind: 'reported', speaker: 'Officials', mention: 'Officials' },
    ],
  },
  {
    name: "the writer's comment after reported content is not content",
    body: 'The group said the council approved the budget, which angered residents.',
    expected: [{ text: 'the council approved the budget', kind: 'reported', speaker: 'The group', mention: 'The group' }],
  },
  {
    name: 'two subjects joined by "and" speak together in a participle clause',
    body: 'Mr. Butterfield and Mr. Clyburn met with the campaign chief last week, saying the party needed more money in the state.',
    expected: [
      {
        text: 'the party needed more money in the state',
        kind: 'reported',
        speaker: 'Clyburn',
        mention: 'Mr. Butterfield and Mr. Clyburn',
        verb: 'saying',
      },
    ],
  },
  {
    name: '"according to X" inserted after a fronted phrase reports the sentence around it',
    body: 'By the end of September, according to new filings, the committee had spent $28 million on advertising. Prices rose sharply in May, according to the report.',
    expected: [
      {
        text: 'By the end of September, according to new filings, the committee had spent $28 million on advertising',
        kind: 'reported',
        speaker: 'new filings',
        mention: 'new filings',
        verb: 'according to',
      },
      { text: 'Prices rose sharply in May', kind: 'reported', speaker: 'the report', mention: 'the report', verb: 'according to' },
    ],
  },
  {
    name: "a pronoun after an opener is the sentence's speaker for a cue without a subject",
    body: "But she called the bank's conduct outrageous. And in 2011, he all but accused the central bank of trying to help the president.",
    expected: [
      { text: "the bank's conduct outrageous", kind: 'reported', speaker: 'unknown', mention: 'she', verb: 'called' },
      {
        text: 'the central bank of trying to help the president',
        kind: 'reported',
        speaker: 'unknown',
        mention: 'he',
        verb: 'accused',
      },
    ],
  },
  {
    name: 'a noun in -ly and the country "US" can be in a speaker',
    body: '"We endorse her without hesitation," the influential US daily wrote. The family said the police had lied.',
    expected: [
      {
        text: 'We endorse her without hesitation',
        kind: 'direct',
        speaker: 'the influential US daily',
        mention: 'the influential US daily',
        verb: 'wrote',
      },
      { text: 'the police had lied', kind: 'reported', speaker: 'The family', mention: 'The family', verb: 'said' },
    ],
  },
  {
    name: 'a quotation after "X did this and said" is X\'s, and the first predicate\'s content ends before it',
    body: 'The mayor praised the tired volunteers but said, "We still need help with the levee."',
    expected: [
      { text: 'the tired volunteers', kind: 'reported', speaker: 'The mayor', mention: 'The mayor', verb: 'praised' },
      { text: 'We still need help with the levee.', kind: 'direct', speaker: 'The mayor', mention: 'The mayor', verb: 'said' },
    ],
  },
  {
    name: 'a participle after a comma or a preposition speaks with the sentence subject, not its hearer',
    body: 'The singer turned to the senator before asking her, "Where do we go from here?"\n\nThe coach walked off the field on Tuesday, telling reporters, "We played badly in the second half."',
    expected: [
      { text: 'Where do we go from here?', kind: 'direct', speaker: 'The singer', mention: 'The singer', verb: 'asking' },
      { text: 'We played badly in the second half.', kind: 'direct', speaker: 'The coach', mention: 'The coach', verb: 'telling' },
    ],
  },
  {
    name: 'a time that dates the participle of a source stays in the source',
    body: 'A Government Accountability Office report released last year found that the program was poorly run.',
    expected: [
      {
        text: 'that the program was poorly run',
        kind: 'reported',
        speaker: 'A Government Accountability Office report released last year',
        mention: 'A Government Accountability Office report released last year',
        verb: 'found',
      },
    ],
  },
  {
    name: 'a name "of" an affiliation speaks as the name, after "and" too',
    body: 'Economists are divided. Paul Krugman of the New York Times points out that the deficit is shrinking. Voters were angry, and Governor Mike Pence of Indiana told reporters that he would veto it.',
    expected: [
      {
        text: 'that the deficit is shrinking',
        kind: 'reported',
        speaker: 'Paul Krugman',
        mention: 'Paul Krugman of the New York Times',
      },
      { text: 'that he would veto it', kind: 'reported', speaker: 'Mike Pence', mention: 'Governor Mike Pence of Indiana', verb: 'told' },
    ],
  },
  {
    name: 'a time after a speaker named at the sentence end is not part of it',
    body: '"The meetings were secret," noted the Milwaukee Journal Sentinel this summer. Prices rose in May, according to a congressional report on Wednesday.',
    expected: [
      {
        text: 'The meetings were secret',
        kind: 'direct',
        speaker: 'Milwaukee Journal Sentinel',
        mention: 'the Milwaukee Journal Sentinel',
        verb: 'noted',
      },
      { text: 'Prices rose in May', kind: 'reported', speaker: 'a congressional report', mention: 'a congressional report' },
    ],
  },
  {
    name: 'a clause of circumstance after a sentence-final speaker is not part of it',
    body: '"We will win," said Ms. Lee while visiting the plant.',
    expected: [{ text: 'We will win', kind: 'direct', speaker: 'Lee', mention: 'Ms. Lee', verb: 'said' }],
  },
  {
    name: '"X, citing Y, has refused": what is cited ends at the comma before the main verb',
    body: 'The union, citing safety concerns at the plant, has refused to resume work.',
    expected: [
      { text: 'safety concerns at the plant', kind: 'reported', speaker: 'The union', mention: 'The union', verb: 'citing' },
      { text: 'to resume work', kind: 'reported', speaker: 'The union', mention: 'The union', verb: 'has refused' },
    ],
  },
  {
    name: '"told reporters at a rally that ...": circumstances between the verb and its "that"',
    body: 'The governor told reporters at a rally that the bridge would be rebuilt.',
    expected: [
      { text: 'that the bridge would be rebuilt', kind: 'reported', speaker: 'The governor', mention: 'The governor', verb: 'told' },
    ],
  },
  {
    name: 'a clause, a figure or an adjective in -ed keeps a reported object whole',
    body: 'The company cited its improved earnings outlook and continued strong cash flow as reasons for the dividend. The bank estimated its reserves at 5.03 billion dlrs in November.',
    expected: [
      {
        text: 'its improved earnings outlook and continued strong cash flow as reasons for the dividend',
        kind: 'reported',
        speaker: 'The company',
        mention: 'The company',
      },
      { text: 'its reserves at 5.03 billion dlrs in November', kind: 'reported', speaker: 'The bank', mention: 'The bank' },
    ],
  },
  {
    name: '", state television reported." closing a sentence attributes it',
    body: 'Rebels have seized the town after a week of fighting, state television reported.',
    expected: [
      {
        text: 'Rebels have seized the town after a week of fighting',
        kind: 'reported',
        speaker: 'state television',
        mention: 'state television',
        verb: 'reported',
      },
    ],
  },
  {
    name: '"said that X, but that Y": the second "that" goes on with the same content',
    body: 'The minister said that exports had fallen, but that imports would recover next year.',
    expected: [
      {
        text: 'that exports had fallen, but that imports would recover next year',
        kind: 'reported',
        speaker: 'The minister',
        mention: 'The minister',
        verb: 'said',
      },
    ],
  },
  {
    name: 'a short object right after a verb is what it reports ("has denied the allegations", "endorsed Lopez")',
    body: 'The mayor has denied the allegations. The senator endorsed Lopez. Acme Corp declined to comment.',
    expected: [
      { text: 'the allegations', kind: 'reported', speaker: 'The mayor', mention: 'The mayor', verb: 'has denied' },
      { text: 'Lopez', kind: 'reported', speaker: 'The senator', mention: 'The senator', verb: 'endorsed' },
      { text: 'to comment', kind: 'reported', speaker: 'Acme Corp', mention: 'Acme Corp', verb: 'declined' },
    ],
  },
  {
    name: 'a short time or circumstance after a verb reports nothing ("released its report last week" aside)',
    body: 'Jane Doe spoke to the newspaper yesterday. The mayor wrote in 2014 for residents.',
    expected: [],
  },
  {
    name: 'a cue ending in an adverb after a copula is a predicate, not a report ("is regularly sending")',
    body: 'Her campaign is regularly sending emails to donors.',
    expected: [],
  },
  {
    name: 'an adverb inside a cue group before its speech verb stays a report',
    body: 'The union has repeatedly warned that the plant is unsafe.',
    expected: [
      { text: 'that the plant is unsafe', kind: 'reported', speaker: 'The union', mention: 'The union', verb: 'has repeatedly warned' },
    ],
  },
  {
    name: '"told X in Y on Tuesday that ...", "told X this week ...": the circumstances after the hearers are not content',
    body: 'The coach told fans at a dinner in Leeds last night that the club would stay in the city. The mayor told residents this week the road would reopen soon.',
    expected: [
      { text: 'that the club would stay in the city', kind: 'reported', speaker: 'The coach', mention: 'The coach', verb: 'told' },
      { text: 'the road would reopen soon', kind: 'reported', speaker: 'The mayor', mention: 'The mayor', verb: 'told' },
    ],
  },
  {
    name: '"CONTENT, said X, an appositive, whose ...": a relative clause on the speaker still closes an inverted attribution',
    body: 'The new line will halve the journey to the coast, said Maria Jones, chair of the rail users group, whose members live along the route.',
    expected: [
      {
        text: 'The new line will halve the journey to the coast',
        kind: 'reported',
        speaker: 'Maria Jones',
        mention: 'Maria Jones, chair of the rail users group',
        verb: 'said',
      },
    ],
  },
  {
    name: '"X, who said ..., has ...": what the relative clause reports ends where the main verb resumes',
    body: 'Ms. Okafor, who said the school would reopen in March, has asked the council for more money.',
    expected: [{ text: 'the school would reopen in March', kind: 'reported', speaker: 'Ms. Okafor', mention: 'who', verb: 'said' }],
  },
  {
    name: 'content before its attribution starts after a fronted concessive clause, not after a condition',
    body: 'Although turnout was low, the measure passed easily, according to the county clerk. If the court agrees, the plant will close next year, the company said.',
    expected: [
      {
        text: 'the measure passed easily',
        kind: 'reported',
        speaker: 'the county clerk',
        mention: 'the county clerk',
        verb: 'according to',
      },
      {
        text: 'If the court agrees, the plant will close next year',
        kind: 'reported',
        speaker: 'the company',
        mention: 'the company',
        verb: 'said',
      },
    ],
  },
  {
    name: 'a comparison or an appositive comment appended to a finished statement is not content',
    body: 'Some 45 percent of members said the union should strike, compared with 30 percent in June. The mayor said the tunnel would open in May, a delay of two years.',
    expected: [
      {
        text: 'the union should strike',
        kind: 'reported',
        speaker: 'members',
        mention: 'Some 45 percent of members',
        verb: 'said',
      },
      { text: 'the tunnel would open in May', kind: 'reported', speaker: 'The mayor', mention: 'The mayor', verb: 'said' },
    ],
  },
  {
    name: '"CONTENT, X said, although ...": a concessive clause after the attribution is not content',
    body: 'The bridge will reopen in April, engineers said, although the repairs could run over budget. The storm, officials said, was the strongest in a decade, although few homes were damaged.',
    expected: [
      { text: 'The bridge will reopen in April', kind: 'reported', speaker: 'engineers', mention: 'engineers', verb: 'said' },
      {
        text: 'The storm, officials said, was the strongest in a decade',
        kind: 'reported',
        speaker: 'officials',
        mention: 'officials',
        verb: 'said',
      },
    ],
  },
  {
    name: 'a quantifier or predeterminer before the subject is part of the speaker ("Most of the senators", "Not everyone")',
    body: 'Most of the senators said the bill would pass. Not everyone agrees that the plan will work. But both the union and the board said on Monday that the strike was over.',
    expected: [
      { text: 'the bill would pass', kind: 'reported', speaker: 'Most', mention: 'Most of the senators', verb: 'said' },
      { text: 'that the plan will work', kind: 'reported', speaker: 'Not everyone', mention: 'Not everyone', verb: 'agrees' },
      {
        text: 'that the strike was over',
        kind: 'reported',
        speaker: 'both the union and the board',
        mention: 'both the union and the board',
        verb: 'said',
      },
    ],
  },
  {
    name: '"Some of them had endorsed ...": the quantifier and its pronoun are the speaker',
    body: 'Some of them had endorsed the mayor.',
    expected: [{ text: 'the mayor', kind: 'reported', speaker: 'Some of them', mention: 'Some of them', verb: 'had endorsed' }],
  },
  {
    name: '"The mayor met X, who said ...": "who" is X, not the phrase with the verb before it',
    body: 'The mayor met Ms. Lindqvist, who said the harbour would be dredged.',
    expected: [{ text: 'the harbour would be dredged', kind: 'reported', speaker: 'Ms. Lindqvist', mention: 'who', verb: 'said' }],
  },
  {
    name: 'a relative pronoun a few words of time before the cue is its speaker ("who in 2019 said", "many of whom say")',
    body: 'The council hired Ms. Lindqvist, who in 2019 said the port needed a new pier. The delay angered the fishermen, many of whom say the pier is too small.',
    expected: [
      { text: 'the port needed a new pier', kind: 'reported', speaker: 'Ms. Lindqvist', mention: 'who', verb: 'said' },
      { text: 'the pier is too small', kind: 'reported', speaker: 'many of whom', mention: 'many of whom', verb: 'say' },
    ],
  },
  {
    name: '"X, he told me on Friday, is ...": an interrupting attribution keeps its hearer and its time',
    body: 'The main problem, she told me on Tuesday, is that the pumps are too old. The river rose quickly, he said on Monday, citing rain upstream.',
    expected: [
      {
        text: 'The main problem, she told me on Tuesday, is that the pumps are too old',
        kind: 'reported',
        speaker: 'unknown',
        mention: 'she',
        verb: 'told',
      },
      { text: 'The river rose quickly', kind: 'reported', speaker: 'unknown', mention: 'he', verb: 'said' },
      { text: 'rain upstream', kind: 'reported', speaker: 'unknown', mention: 'he', verb: 'citing' },
    ],
  },
  {
    name: '"X, the minister said, ...": a core speech verb whose subject stands between two commas interrupts its content',
    body: 'The rail link, the minister said, would open in 2030. Such a cut, the governor said, would hurt schools.',
    expected: [
      {
        text: 'The rail link, the minister said, would open in 2030',
        kind: 'reported',
        speaker: 'the minister',
        mention: 'the minister',
        verb: 'said',
      },
      {
        text: 'Such a cut, the governor said, would hurt schools',
        kind: 'reported',
        speaker: 'the governor',
        mention: 'the governor',
        verb: 'said',
      },
    ],
  },
  {
    name: '"CONTENT, X said, without giving figures": the speaker\'s own act after the sign-off is no content',
    body: 'Exports to Asia will keep growing, the institute said, without giving figures. Output fell in March, the agency said, but gave no further details.',
    expected: [
      { text: 'Exports to Asia will keep growing', kind: 'reported', speaker: 'the institute', mention: 'the institute', verb: 'said' },
      { text: 'Output fell in March', kind: 'reported', speaker: 'the agency', mention: 'the agency', verb: 'said' },
    ],
  },
  {
    name: '"CONTENT, X said, but declined to ...": the verb after ", but" speaks with the attribution before it',
    body: 'The mill lost money in the first quarter, Jones said, but declined to say how much.',
    expected: [
      { text: 'The mill lost money in the first quarter', kind: 'reported', speaker: 'Jones', mention: 'Jones', verb: 'said' },
      { text: 'to say how much', kind: 'reported', speaker: 'Jones', mention: 'Jones', verb: 'declined' },
    ],
  },
  {
    name: '"Citing X, the company cut ...": a participle phrase opening the sentence reports up to its comma, and the clause\'s subject speaks',
    body: 'Citing weak demand in Europe, the company cut its forecast for the year.',
    expected: [{ text: 'weak demand in Europe', kind: 'reported', speaker: 'the company', mention: 'the company', verb: 'Citing' }],
  },
  {
    name: '"Noting that ..., X said ...": the opening phrase is a report of its own, its that-clause keeps a fronted adverbial',
    body: 'Noting that exports had slowed in March, the minister said the budget would be revised. Noting that in the first quarter, sales rose five pct, the chairman said the outlook was good.',
    expected: [
      { text: 'that exports had slowed in March', kind: 'reported', speaker: 'the minister', mention: 'the minister', verb: 'Noting' },
      { text: 'the budget would be revised', kind: 'reported', speaker: 'the minister', mention: 'the minister', verb: 'said' },
      {
        text: 'that in the first quarter, sales rose five pct',
        kind: 'reported',
        speaker: 'the chairman',
        mention: 'the chairman',
        verb: 'Noting',
      },
      { text: 'the outlook was good', kind: 'reported', speaker: 'the chairman', mention: 'the chairman', verb: 'said' },
    ],
  },
  {
    name: 'a name in -ing opening the sentence is no participle phrase, and a figure\'s comma ends nothing ("Fielding said ... 500,000")',
    body: 'Fielding said one mln shares will be sold by the company and 500,000 shares will be sold by shareholders.',
    expected: [
      {
        text: 'one mln shares will be sold by the company and 500,000 shares will be sold by shareholders',
        kind: 'reported',
        speaker: 'Fielding',
        mention: 'Fielding',
        verb: 'said',
      },
    ],
  },
  {
    name: '"the new drug, called Zentra, will ...": "called" that names a thing reports nothing and ends no content',
    body: 'The company said the new drug, called Zentra, will be sold in Europe.',
    expected: [
      {
        text: 'the new drug, called Zentra, will be sold in Europe',
        kind: 'reported',
        speaker: 'The company',
        mention: 'The company',
        verb: 'said',
      },
    ],
  },
  {
    name: 'a speaker still calls a name something: "called the plan a disgrace", "X, a lawyer for the union, called Mr. Smith\'s offer ..."',
    body: 'The mayor called the plan a disgrace. Jane Roe, a lawyer for the union, called Mr. Smith\'s offer "an insult."',
    expected: [
      { text: 'the plan a disgrace', kind: 'reported', speaker: 'The mayor', mention: 'The mayor', verb: 'called' },
      {
        text: 'Mr. Smith\'s offer "an insult."',
        kind: 'reported',
        speaker: 'Jane Roe',
        mention: 'Jane Roe, a lawyer for the union',
        verb: 'called',
      },
    ],
  },
  {
    name: '"pointed out" keeps its particle in the cue; "called off", "laid off" report nothing',
    body: 'Analysts pointed out that the bank had cut its rates twice. The union called off the strike on Friday. The company laid off 300 workers at its plant.',
    expected: [
      {
        text: 'that the bank had cut its rates twice',
        kind: 'reported',
        speaker: 'Analysts',
        mention: 'Analysts',
        verb: 'pointed out',
      },
    ],
  },
  {
    name: 'a plural noun before its verb heads the subject ("factory orders fell", "wheat estimates ranged"), no cue; "has always stressed" is one',
    body: 'Factory orders fell 5.2 pct in January, and wheat estimates ranged from 11 to 14 mln bushels. Initial reports said the ferry had capsized. He has always stressed that the stake was an investment.',
    expected: [
      { text: 'the ferry had capsized', kind: 'reported', speaker: 'Initial reports', mention: 'Initial reports', verb: 'said' },
      { text: 'that the stake was an investment', kind: 'reported', speaker: 'unknown', mention: 'He', verb: 'has always stressed' },
    ],
  },
  {
    name: '"X, a farmer in Iowa, who said ...": the relative is the person the appositive describes, not the place in it',
    body: 'Reporters met John Smith, a farmer in Iowa, who said prices would fall.',
    expected: [{ text: 'prices would fall', kind: 'reported', speaker: 'John Smith', mention: 'who', verb: 'said' }],
  },
  {
    name: '"X are expected to attend, the organisers said": another cue\'s content ends before a short sign-off too',
    body: 'Japan and Korea are expected to attend, the organisers said.',
    expected: [
      {
        text: 'Japan and Korea are expected to attend',
        kind: 'reported',
        speaker: 'the organisers',
        mention: 'the organisers',
        verb: 'said',
      },
    ],
  },
  {
    name: 'a figure\'s thousands comma ("740,000 dlrs previously reported") is no comma before a speaker',
    body: 'It posted a loss of 580,000 dlrs, versus net income of 740,000 dlrs previously reported.',
    expected: [],
  },
  {
    name: 'a verb of appearance reports an inferred attitude, not a state or a place ("seemed palpable", "appeared on websites")',
    body: 'The danger of flooding seemed palpable to the residents. The leaked files have appeared on several websites since May.',
    expected: [],
  },
  {
    name: 'a pair of dashes sets off an aside inside reported content; a single dash still ends it',
    body: 'Engineers said they had found the old - and long forgotten - tunnels under the station. The mayor said the line would reopen - a claim nobody believed.',
    expected: [
      {
        text: 'they had found the old - and long forgotten - tunnels under the station',
        kind: 'reported',
        speaker: 'Engineers',
        mention: 'Engineers',
        verb: 'said',
      },
      { text: 'the line would reopen', kind: 'reported', speaker: 'The mayor', mention: 'The mayor', verb: 'said' },
    ],
  },
  {
    name: '"..., which ..., according to X": what "according to" vouches for is the closing relative or coordinated clause',
    body: 'Regulators approved the merger, which will create the largest bank in the region, according to the regional newspaper. The mayor toured the plant, and she will return next month, according to her office.',
    expected: [
      { text: 'the merger', kind: 'reported', speaker: 'Regulators', mention: 'Regulators', verb: 'approved' },
      {
        text: 'which will create the largest bank in the region',
        kind: 'reported',
        speaker: 'the regional newspaper',
        mention: 'the regional newspaper',
        verb: 'according to',
      },
      { text: 'she will return next month', kind: 'reported', speaker: 'her office', mention: 'her office', verb: 'according to' },
    ],
  },
  {
    name: 'a cue word after a determiner or a possessive is a noun or an adjective and reports only through its complement',
    body: "The governor's staunch ally Jane Roe won the seat. The two sides had been in secret talks with the union for weeks.",
    expected: [],
  },
  {
    name: '"The union\'s claim that X was rejected": a noun\'s "that" clause ends before the verb of its own sentence',
    body: "The union's claim that the pumps were unsafe was rejected by the court. The mayor's claim that the plan he was drafting would work did not persuade them.",
    expected: [
      { text: 'that the pumps were unsafe', kind: 'reported', speaker: 'The union', mention: "The union's", verb: 'claim' },
      { text: 'that the plan he was drafting would work', kind: 'reported', speaker: 'The mayor', mention: "The mayor's", verb: 'claim' },
    ],
  },
  {
    name: 'a participle cue speaks with the subject after an opening phrase of any length ("During ..., X defended ..., calling ...")',
    body: "During Tuesday night's council meeting, Ms. Ortiz defended the budget, calling the cuts painful but necessary.",
    expected: [
      { text: 'the budget', kind: 'reported', speaker: 'Ortiz', mention: 'Ms. Ortiz', verb: 'defended' },
      { text: 'the cuts painful but necessary', kind: 'reported', speaker: 'Ortiz', mention: 'Ms. Ortiz', verb: 'calling' },
    ],
  },
  {
    name: 'a passive cue with its agent reports on its subject, and its verb reads active beside the agent: "The plan was denounced by the union"',
    body: 'The new rail timetable was denounced by the drivers union on Monday. The report was praised by teachers across the state.',
    expected: [
      {
        text: 'The new rail timetable',
        kind: 'reported',
        speaker: 'the drivers union',
        mention: 'the drivers union',
        verb: 'denounced',
      },
      {
        text: 'The report',
        kind: 'reported',
        speaker: 'teachers across the state',
        mention: 'teachers across the state',
        verb: 'praised',
      },
    ],
  },
  {
    name: 'an adverb between the subject and its verb is no speaker ("has so far resisted", "X, earlier reporting ...")',
    body: "Britain has so far resisted the group's pleas to curb output. Acme Corp, earlier reporting an increased nine month operating loss, said costs would fall.",
    expected: [
      { text: "the group's pleas to curb output", kind: 'reported', speaker: 'Britain', mention: 'Britain' },
      {
        text: 'an increased nine month operating loss',
        kind: 'reported',
        speaker: 'Acme Corp',
        mention: 'Acme Corp, earlier reporting an increased nine month operating loss',
      },
      {
        text: 'costs would fall',
        kind: 'reported',
        speaker: 'Acme Corp',
        mention: 'Acme Corp, earlier reporting an increased nine month operating loss',
      },
    ],
  },
  {
    name: '"it" that speaks after an opening phrase ("In addition, it announced") is the organisation named before, not the phrase\'s object',
    body: 'Acme Corp unveiled two new computers on Monday. In addition, it announced new mail software for its customers.',
    // "unveiled" presents what Acme says it has: PolNeAR annotates such verbs as cues, and the model (v11) takes this one
    expected: [
      { text: 'two new computers', kind: 'reported', speaker: 'Acme Corp', mention: 'Acme Corp' },
      { text: 'new mail software for its customers', kind: 'reported', speaker: 'Acme Corp', mention: 'it' },
    ],
  },
  {
    name: 'a title word inside an office\'s name stays in it ("the Ministry of Trade and Industry said")',
    body: 'Exports rose in May, the Ministry of International Trade and Industry said.',
    expected: [
      {
        text: 'Exports rose in May',
        kind: 'reported',
        speaker: 'Ministry of International Trade and Industry',
        mention: 'the Ministry of International Trade and Industry',
      },
    ],
  },
  {
    name: 'an office\'s name after a title is no part of the speaker\'s ("Chancellor of the Exchequer Nigel Lawson" is Nigel Lawson)',
    body: 'Chancellor of the Exchequer Nigel Lawson said the fall held no implication for interest rates. Secretary of State George Shultz said the talks would go on.',
    expected: [
      {
        text: 'the fall held no implication for interest rates',
        kind: 'reported',
        speaker: 'Nigel Lawson',
        mention: 'Chancellor of the Exchequer Nigel Lawson',
      },
      { text: 'the talks would go on', kind: 'reported', speaker: 'George Shultz', mention: 'Secretary of State George Shultz' },
    ],
  },
  {
    name: 'a quotation with no attribution of its own right after "CONTENT, X said." runs on from the report (issue 15)',
    body: 'The bridge may stay shut until spring, the mayor said. "We cannot take risks with a structure this old." Work begins on Monday.',
    expected: [
      {
        text: 'The bridge may stay shut until spring … We cannot take risks with a structure this old.',
        kind: 'reported',
        speaker: 'the mayor',
        mention: 'the mayor',
        verb: 'said',
      },
    ],
  },
  {
    name: 'a quotation with an attribution of its own after a report stands alone (issue 15)',
    body: 'The bridge may stay shut until spring, the mayor said. "We cannot take risks," the engineer said.',
    expected: [
      { text: 'The bridge may stay shut until spring', kind: 'reported', speaker: 'the mayor', mention: 'the mayor', verb: 'said' },
      { text: 'We cannot take risks', kind: 'direct', speaker: 'the engineer', mention: 'the engineer', verb: 'said' },
    ],
  },
  {
    name: 'an infinitive of a judging verb chains the attribution on: its object is the content (issue 15)',
    body: 'The farmers union declined to endorse the governor. The council refused to say whether the plant would close.',
    expected: [
      { text: 'the governor', kind: 'reported', speaker: 'The farmers union', mention: 'The farmers union', verb: 'declined' },
      // (a verb of saying is no judging verb: the infinitive stays in the content)
      { text: 'to say whether the plant would close', kind: 'reported', speaker: 'The council', mention: 'The council', verb: 'refused' },
    ],
  },
  {
    name: 'a participle right after the closing mark opens a second attribution; it does not sign the quotation (issue 15)',
    body: 'The coach told reporters, “We were not ready tonight,” adding that the team would train harder next week.',
    expected: [
      { text: 'We were not ready tonight', kind: 'direct', speaker: 'The coach', mention: 'The coach', verb: 'told' },
      { text: 'that the team would train harder next week', kind: 'reported', speaker: 'The coach', mention: 'The coach', verb: 'adding' },
    ],
  },
  {
    name: 'the subject of "was asked by" is who was spoken to: the agent asks what follows ("Kondo was asked by Volcker what ...", verb "asked")',
    body: 'During a visit last month, the trade minister was asked by the central bank governor and the finance minister what the budget could do.',
    expected: [
      {
        text: 'what the budget could do',
        kind: 'reported',
        speaker: 'the central bank governor',
        mention: 'the central bank governor',
        verb: 'asked',
      },
    ],
  },
  {
    name: 'short reported content: a noun in -ing ("denied wrongdoing"), a speech verb\'s two-word clause ("said she could")',
    body: 'The treasurer has denied wrongdoing. The voters were asked if the mayor could stay, and they said she could.',
    expected: [
      { text: 'wrongdoing', kind: 'reported', speaker: 'The treasurer', mention: 'The treasurer', verb: 'has denied' },
      { text: 'she could', kind: 'reported', speaker: 'the voters', mention: 'they', verb: 'said' },
    ],
  },
  {
    name: 'an opening prepositional phrase with an appositive is no content before its attribution ("In her book, Title, X noted ...")',
    body: 'In her 2019 memoir, Open Water, Ms. Lind noted the harbour closures.',
    expected: [{ text: 'the harbour closures', kind: 'reported', speaker: 'Lind', mention: 'Ms. Lind', verb: 'noted' }],
  },
  {
    name: '"X said after the meeting he would ...": a time phrase before a clause without "that" is not content',
    body: 'The coach said after the match he would not resign.',
    expected: [{ text: 'he would not resign', kind: 'reported', speaker: 'The coach', mention: 'The coach', verb: 'said' }],
  },
  {
    name: 'a base form after its auxiliary takes a short object too ("did not reveal his name")',
    body: 'The minister did not reveal his name.',
    expected: [{ text: 'his name', kind: 'reported', speaker: 'The minister', mention: 'The minister', verb: 'did not reveal' }],
  },
  {
    name: 'a passive with an adverb before its participle ("was first reported by") reports on its subject; "being discussed by" inside a subject does not',
    body: 'The leak was first reported by the Daily Courier. The question being discussed by the board is whether to sell.',
    expected: [{ text: 'The leak', kind: 'reported', speaker: 'Daily Courier', mention: 'the Daily Courier', verb: 'first reported' }],
  },
  {
    name: '"said on Sunday the ...", "said in an interview the ...": without "that", the clause after the circumstances is the content',
    body: 'Baker said on Sunday the United States would not let the dollar fall. The minister said in an interview the tax would go. Officials said last week the plant would close.',
    expected: [
      { text: 'the United States would not let the dollar fall', kind: 'reported', speaker: 'Baker', mention: 'Baker', verb: 'said' },
      { text: 'the tax would go', kind: 'reported', speaker: 'The minister', mention: 'The minister', verb: 'said' },
      { text: 'the plant would close', kind: 'reported', speaker: 'Officials', mention: 'Officials', verb: 'said' },
    ],
  },
  {
    name: 'an embedded question or a noun of time with its clause is no such frame',
    body: 'The report did not say at what level the bank intervened. It said at the time the shelf is issued, the proceeds will repay debt.',
    expected: [],
  },
  {
    name: '"X, citing Y": what is cited is reported, by the subject or by the attribution the participle follows',
    body: 'The union, citing safety concerns, refused to return to work. The port has changed, Mayor Dahl said in June, citing the new pier.',
    expected: [
      { text: 'safety concerns', kind: 'reported', speaker: 'The union', mention: 'The union', verb: 'citing' },
      { text: 'to return to work', kind: 'reported', speaker: 'The union', mention: 'The union', verb: 'refused' },
      { text: 'The port has changed', kind: 'reported', speaker: 'Dahl', mention: 'Mayor Dahl', verb: 'said' },
      { text: 'the new pier', kind: 'reported', speaker: 'Dahl', mention: 'Mayor Dahl', verb: 'citing' },
    ],
  },
  {
    name: 'a noun-phrase object ends before a subordinate clause or a second predicate ("when ...", "as she ...", "but will ...")',
    body: 'Rep. Duffy also addressed the controversy when introducing Pence. Ms. Lee endorsed Obama in 2012 but will likely vote for Smith. The council denounced the plan as it was being drafted.',
    expected: [
      { text: 'the controversy', kind: 'reported', speaker: 'Duffy', mention: 'Rep. Duffy', verb: 'also addressed' },
      { text: 'Obama', kind: 'reported', speaker: 'Lee', mention: 'Ms. Lee', verb: 'endorsed' },
      { text: 'the plan', kind: 'reported', speaker: 'The council', mention: 'The council', verb: 'denounced' },
    ],
  },
  {
    name: '"as" with a noun phrase, "at a time when", "as long as" stay in the object',
    body: 'The companies described the agreement as an arrangement aimed at growth. The bank criticized the rate rise at a time when exports were falling.',
    expected: [
      {
        text: 'the agreement as an arrangement aimed at growth',
        kind: 'reported',
        speaker: 'The companies',
        mention: 'The companies',
        verb: 'described',
      },
      {
        text: 'the rate rise at a time when exports were falling',
        kind: 'reported',
        speaker: 'The bank',
        mention: 'The bank',
        verb: 'criticized',
      },
    ],
  },
  {
    name: 'a one-word answer ends at the writer\'s comparison ("said yes, compared with ...", "said no, but ...")',
    body: 'In the poll, 46 percent of voters said yes, compared with 23 percent last year. The mayor said that, compared with 2015, the deficit is smaller.',
    expected: [
      { text: 'yes', kind: 'reported', speaker: 'voters', mention: '46 percent of voters', verb: 'said' },
      {
        text: 'that, compared with 2015, the deficit is smaller',
        kind: 'reported',
        speaker: 'The mayor',
        mention: 'The mayor',
        verb: 'said',
      },
    ],
  },
  {
    name: 'a cue in an opening "Amid ..." or "Despite ..." has no speaker: neither the preposition nor the main clause\'s subject',
    body: 'Amid suggestions that the dollar would fall, Baker said on Sunday the policy was unchanged. Despite suggestions that the talks had failed, Shultz said that he would return.',
    expected: [
      { text: 'that the dollar would fall', kind: 'reported', speaker: 'unknown', mention: null },
      { text: 'the policy was unchanged', kind: 'reported', speaker: 'Baker', mention: 'Baker' },
      { text: 'that the talks had failed', kind: 'reported', speaker: 'unknown', mention: null },
      { text: 'that he would return', kind: 'reported', speaker: 'Shultz', mention: 'Shultz' },
    ],
  },
  {
    name: 'an opening "Despite ..." phrase is no content of the main clause\'s cue, and a cue inside it reports up to its comma',
    body: 'Despite warnings by analysts that demand was weak, the company said it would reopen the plant. Despite earlier warnings that supplies were tight, Texaco said it would reopen the refinery.',
    expected: [
      { text: 'it would reopen the plant', kind: 'reported', speaker: 'the company', mention: 'the company', verb: 'said' },
      { text: 'that supplies were tight', kind: 'reported', speaker: 'unknown', mention: null },
      { text: 'it would reopen the refinery', kind: 'reported', speaker: 'Texaco', mention: 'Texaco', verb: 'said' },
    ],
  },
  {
    name: 'an adverb is never a cue\'s verb by itself: the verb after it joins the cue ("generally favor", "generally don\'t expect"), and with none it reports nothing',
    body: "These voters specifically point to the 1994 crime bill. Tax experts generally favor some degree of loss carry-overs. Economists generally don't expect such large gains. Until recently, federal issues sold very strongly abroad, with up to 90 pct placed with foreign investors. Reserves rose sharply to 40.19 billion in 1978.",
    expected: [
      { text: 'the 1994 crime bill', kind: 'reported', speaker: 'These voters', mention: 'These voters', verb: 'specifically point' },
      {
        text: 'some degree of loss carry-overs',
        kind: 'reported',
        speaker: 'Tax experts',
        mention: 'Tax experts',
        verb: 'generally favor',
      },
      {
        text: 'such large gains',
        kind: 'reported',
        speaker: 'Economists',
        mention: 'Economists',
        verb: "generally don't expect",
      },
    ],
  },
  {
    name: 'content after its cue ends before ", X argued" that opens the main clause (not an interrupting attribution)',
    body: 'Democrats denounced the plan to cut taxes on the rich, Reid argued in a letter to colleagues.',
    expected: [
      { text: 'the plan to cut taxes on the rich', kind: 'reported', speaker: 'Democrats', mention: 'Democrats', verb: 'denounced' },
    ],
  },
  {
    name: 'an appositive opening with a possessive name of several words ("South Korea\'s unification minister") describes the speaker',
    body: "Hong Yong-pyo, South Korea's unification minister, told reporters that the test was a provocation.",
    expected: [
      {
        text: 'that the test was a provocation',
        kind: 'reported',
        speaker: 'Hong Yong-pyo',
        mention: "Hong Yong-pyo, South Korea's unification minister",
        description: "South Korea's unification minister",
      },
    ],
  },
  {
    name: 'a company name with an ampersand owns the appositive too ("AT&T\'s chief executive")',
    body: "Randall Stephenson, AT&T's chief executive, said that the merger would close next year.",
    expected: [
      {
        text: 'that the merger would close next year',
        kind: 'reported',
        speaker: 'Randall Stephenson',
        mention: "Randall Stephenson, AT&T's chief executive",
        description: "AT&T's chief executive",
      },
    ],
  },
  {
    name: 'a common-noun subject before an interjection set off by commas speaks ("officials in both parties, though, say")',
    body: 'Former senior law enforcement officials in both parties, though, say the decision was wrong.',
    expected: [
      {
        text: 'the decision was wrong',
        kind: 'reported',
        speaker: 'Former senior law enforcement officials in both parties',
        mention: 'Former senior law enforcement officials in both parties',
        verb: 'say',
      },
    ],
  },
  {
    name: 'a name ending a description is not the speaker; a "which" clause on it describes the organisation, not the speaker',
    body: 'Michael Mulgrew, president of the United Federation of Teachers, which represents New York City educators, said the plan was bad.',
    expected: [
      {
        text: 'the plan was bad',
        kind: 'reported',
        speaker: 'Michael Mulgrew',
        mention: 'Michael Mulgrew, president of the United Federation of Teachers',
        description: 'president of the United Federation of Teachers',
      },
    ],
  },
  {
    name: 'a second appositive after a name ending the first one: the speaker is named before both, and a clause after the verb is what was said',
    body: 'Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Security Council, said the vote was a failure.',
    expected: [
      {
        text: 'the vote was a failure',
        kind: 'reported',
        speaker: 'Jean-Marc Ayrault',
        mention: 'Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Security Council',
      },
    ],
  },
  {
    name: '"Del." before a name is a title, not the end of anything',
    body: 'The vote was rigged, said Del. Stacey Plaskett.',
    expected: [
      { text: 'The vote was rigged', kind: 'reported', speaker: 'Stacey Plaskett', mention: 'Del. Stacey Plaskett', verb: 'said' },
    ],
  },
  {
    name: '"Del" without its period opens a name ("Del Monte")',
    body: 'Del Monte said that profits rose.',
    expected: [{ text: 'that profits rose', kind: 'reported', speaker: 'Del Monte', mention: 'Del Monte', verb: 'said' }],
  },
  {
    name: '"acting" opens a title, not a participle clause',
    body: 'But Murshed Zaheed, acting political director of CREDO Action, which organized the letter, said the response was weak.',
    expected: [
      {
        text: 'the response was weak',
        kind: 'reported',
        speaker: 'Murshed Zaheed',
        mention: 'Murshed Zaheed, acting political director of CREDO Action',
      },
    ],
  },
  {
    name: 'so does one before a two-word aside ("Officials in the city, in fact, said")',
    body: 'Officials in the city, in fact, said that the plan was dead.',
    expected: [
      {
        text: 'that the plan was dead',
        kind: 'reported',
        speaker: 'Officials in the city',
        mention: 'Officials in the city',
        verb: 'said',
      },
    ],
  },
  {
    name: 'a noun scored as a cue before the reporting verb heads the subject ("one questioner claimed")',
    body: 'At a forum on Monday, one questioner claimed that the forces were strong.',
    expected: [
      { text: 'that the forces were strong', kind: 'reported', speaker: 'one questioner', mention: 'one questioner', verb: 'claimed' },
    ],
  },
  {
    name: '"X, citing Y, VERB ...": what is cited ends at the comma before an irregular past verb ("cut")',
    body: 'The company, citing weak demand, cut its forecast for the year.',
    expected: [{ text: 'weak demand', kind: 'reported', speaker: 'The company', mention: 'The company', verb: 'citing' }],
  },
  {
    name: 'signature lines with a description in lower case or a one-word name before its outlet speak their own quotes',
    body: 'Jeremy Lott, author: "I am sick of it all."\n\nHadasGold,Politico: "It was a big night for Fox."\n\nWindsor Mann, editor of The Quotable Hitchens: "Clinton has convinced more voters."\n\nTrump, meanwhile, said: "We will win."',
    expected: [
      { text: 'I am sick of it all.', kind: 'direct', speaker: 'Jeremy Lott', mention: 'Jeremy Lott, author', description: 'author' },
      { text: 'It was a big night for Fox.', kind: 'direct', speaker: 'HadasGold', mention: 'HadasGold,Politico', description: 'Politico' },
      {
        text: 'Clinton has convinced more voters.',
        kind: 'direct',
        speaker: 'Windsor Mann',
        mention: 'Windsor Mann, editor of The Quotable Hitchens',
        description: 'editor of The Quotable Hitchens',
      },
      { text: 'We will win.', kind: 'direct', speaker: 'Trump', mention: 'Trump', verb: 'said' },
    ],
  },
  {
    name: '"X said A but B": a second predicate with no subject of its own goes on with what was said; "but he ..." does not',
    body: 'Party leaders said they had misgivings about the nominee but could not bear to insult the president. The mayor said the budget was balanced but the council was not convinced.',
    expected: [
      {
        text: 'they had misgivings about the nominee but could not bear to insult the president',
        kind: 'reported',
        speaker: 'Party leaders',
        mention: 'Party leaders',
        verb: 'said',
      },
      { text: 'the budget was balanced', kind: 'reported', speaker: 'The mayor', mention: 'The mayor', verb: 'said' },
    ],
  },
  {
    name: '"X told reporters CONTENT" with no "that": a determiner after the hearer opens the content',
    body: 'John Smith told reporters the talks had stalled.',
    expected: [{ text: 'the talks had stalled', kind: 'reported', speaker: 'John Smith', mention: 'John Smith', verb: 'told' }],
  },
  {
    name: '"CONTENT, X said (on Monday), adding that ...": the participle speaks with X, not with the words before it',
    body: 'Stocks fell sharply, traders said on Monday, adding that investors were nervous. Prices rose, officials said, adding that the trend would continue.',
    expected: [
      { text: 'Stocks fell sharply', kind: 'reported', speaker: 'traders', mention: 'traders', verb: 'said' },
      { text: 'that investors were nervous', kind: 'reported', speaker: 'traders', mention: 'traders', verb: 'adding' },
      { text: 'that the trend would continue', kind: 'reported', speaker: 'officials', mention: 'officials', verb: 'adding' },
    ],
  },
  {
    name: '"CONTENT, X told reporters." and "..., X told Reuters on Monday.": the hearer does not keep the attribution from closing',
    body: 'Output was cut by 10 percent, the minister told reporters. Prices will rise further this year, a senior official told Reuters on Monday.',
    expected: [
      { text: 'Output was cut by 10 percent', kind: 'reported', speaker: 'the minister', mention: 'the minister', verb: 'told' },
      {
        text: 'Prices will rise further this year',
        kind: 'reported',
        speaker: 'a senior official',
        mention: 'a senior official',
        verb: 'told',
      },
    ],
  },
  {
    name: '"X warned the plant could close" (no "that"): a noun phrase with a finite verb after it opens the content, no hearer',
    body: 'The minister warned the plant could close. Smith warned investors the deal was in danger.',
    expected: [
      { text: 'the plant could close', kind: 'reported', speaker: 'The minister', mention: 'The minister', verb: 'warned' },
      { text: 'the deal was in danger', kind: 'reported', speaker: 'Smith', mention: 'Smith', verb: 'warned' },
    ],
  },
  {
    name: '"X said the talks, which began in May, had stalled": a plural noun after its determiner is no verb, the aside stays in',
    body: 'Smith said the talks, which began in May, had stalled.',
    expected: [{ text: 'the talks, which began in May, had stalled', kind: 'reported', speaker: 'Smith', mention: 'Smith', verb: 'said' }],
  },
  {
    name: 'a longer time or occasion after the verb: "..., X said in a statement late on Tuesday.", "X said earlier this month it would ..."',
    body: 'Two soldiers were killed, the Pentagon said in a statement late on Tuesday. The company said earlier this month it would cut 500 jobs.',
    expected: [
      { text: 'Two soldiers were killed', kind: 'reported', speaker: 'Pentagon', mention: 'the Pentagon', verb: 'said' },
      { text: 'it would cut 500 jobs', kind: 'reported', speaker: 'The company', mention: 'The company', verb: 'said' },
    ],
  },
  {
    name: '"SUBJECT, according to X, PREDICATE": the attribution inserted in its clause, however long X or short the predicate',
    body: 'The deal, according to officials, is close. The deal, according to two people familiar with the matter, is worth $2 billion.',
    expected: [
      {
        text: 'The deal, according to officials, is close',
        kind: 'reported',
        speaker: 'officials',
        mention: 'officials',
        verb: 'according to',
      },
      {
        text: 'The deal, according to two people familiar with the matter, is worth $2 billion',
        kind: 'reported',
        speaker: 'two people familiar',
        mention: 'two people familiar with the matter',
        verb: 'according to',
      },
    ],
  },
  {
    name: 'after a core speech verb, ", while ...", ", despite ...", ", even if ..." go on with what was said; ", but she ..." does not',
    body: 'Smith said the plan would work, even if costs rose sharply. Jones said the economy was growing, despite the rise in oil prices. Clinton says she hopes to win, but she knows that the race is close.',
    expected: [
      { text: 'the plan would work, even if costs rose sharply', kind: 'reported', speaker: 'Smith', mention: 'Smith', verb: 'said' },
      {
        text: 'the economy was growing, despite the rise in oil prices',
        kind: 'reported',
        speaker: 'Jones',
        mention: 'Jones',
        verb: 'said',
      },
      { text: 'she hopes to win', kind: 'reported', speaker: 'Clinton', mention: 'Clinton', verb: 'says' },
    ],
  },
  {
    name: '"X said CONTENT, but did not elaborate": the speaker\'s own refusal after "but" is no content',
    body: 'Hata said agriculture is no exception to the goal of restructuring the economy, but did not elaborate.',
    expected: [
      {
        text: 'agriculture is no exception to the goal of restructuring the economy',
        kind: 'reported',
        speaker: 'Hata',
        mention: 'Hata',
        verb: 'said',
      },
    ],
  },
  {
    name: '"X told a news conference CONTENT" with no "that": the hearer ends at its own noun, the content keeps its subject',
    body: 'Iemura told a news conference sales are forecast at 3,500 billion yen. Liedtke told analysts Pennzoil would consider any settlement.',
    expected: [
      { text: 'sales are forecast at 3,500 billion yen', kind: 'reported', speaker: 'Iemura', mention: 'Iemura', verb: 'told' },
      { text: 'Pennzoil would consider any settlement', kind: 'reported', speaker: 'Liedtke', mention: 'Liedtke', verb: 'told' },
    ],
  },
  {
    name: '"CONTENT, as X reported (time)." attributes the clause before the comma to X',
    body: 'Roger Ailes also met with Mr. Trump that day, as The New York Times reported on Tuesday.',
    expected: [
      {
        text: 'Roger Ailes also met with Mr. Trump that day',
        kind: 'reported',
        speaker: 'New York Times',
        mention: 'The New York Times',
        verb: 'reported',
      },
    ],
  },
  {
    name: 'an "as X reported" clause attributes only the clause before it, not a clause joined on after it',
    body: 'Ailes also met with Mr. Trump that day, as The New York Times reported on Tuesday, and he will help prepare Mr. Trump for the debate, according to three people briefed on the discussions.',
    expected: [
      {
        text: 'Ailes also met with Mr. Trump that day',
        kind: 'reported',
        speaker: 'New York Times',
        mention: 'The New York Times',
        verb: 'reported',
      },
      {
        text: 'he will help prepare Mr. Trump for the debate',
        kind: 'reported',
        speaker: 'three people',
        mention: 'three people briefed on the discussions',
        verb: 'according to',
      },
    ],
  },
  {
    name: 'a fronted "As X reported (time)," or "As reported by X," attributes the main clause after the comma',
    body: 'As Reuters reported last week, investigators found 2,200 emails on the server. As reported by the Journal, the server was never secured. As expected, the talks have stalled.',
    expected: [
      {
        text: 'investigators found 2,200 emails on the server',
        kind: 'reported',
        speaker: 'Reuters',
        mention: 'Reuters',
        verb: 'reported',
      },
      { text: 'the server was never secured', kind: 'reported', speaker: 'Journal', mention: 'the Journal', verb: 'reported' },
    ],
  },
  {
    name: '", SPEAKER told HEARER (time)." signs off the sentence however long the hearer and the time',
    body: "The nominee isn't planning any more events, the finance chairman told The Washington Post earlier this week.",
    expected: [
      {
        text: "The nominee isn't planning any more events",
        kind: 'reported',
        speaker: 'the finance chairman',
        mention: 'the finance chairman',
        verb: 'told',
      },
    ],
  },
  {
    name: 'an expectation inside a signed-off sentence is part of what the sign-off reports ("is expected ..., sources told Reuters")',
    body: 'The central bank is expected to raise rates next month, sources told Reuters.',
    expected: [
      {
        text: 'The central bank is expected to raise rates next month',
        kind: 'reported',
        speaker: 'sources',
        mention: 'sources',
        verb: 'told',
      },
    ],
  },
  {
    // Reuters, "BELGIAN SAYS EC WOULD REACT TO TEXTILE BILL": the report read `if a textile bill was enacted, "`
    name: 'a report that runs into a quotation of its own ends before the quotation mark and the comma that led into it',
    body: 'He said if a textile bill was enacted, "we will impose taxes on a lot of American products." He said "it would be stupid. We have to avoid that."',
    expected: [
      { text: 'if a textile bill was enacted', kind: 'reported', speaker: 'unknown', mention: 'He' },
      {
        text: 'we will impose taxes on a lot of American products. … it would be stupid. We have to avoid that.',
        kind: 'direct',
        speaker: 'unknown',
        mention: 'He',
      },
    ],
  },
  {
    // Reuters, "REAGAN SAYS U.S. COMMITTED TO LOUVRE ACCORD": Reagan's report read `... Tuesday morning that`
    name: 'the "that" that led a report into a quotation of its own is no word of the report',
    // (as the wire broke its lines: on one line the quotation is Takeshita's report, `that "his top priority ..."`)
    body: '    Reagan said Japanese Prime Minister-designate Noboru\nTakeshita said in a telephone conversation Tuesday morning that\n"his top priority was to maintain stable economic\nrelations with the United States."\n    Reagan noted that Treasury Secretary James Baker met West German officials.',
    expected: [
      {
        text: 'Japanese Prime Minister-designate Noboru\nTakeshita said in a telephone conversation Tuesday morning',
        kind: 'reported',
        speaker: 'Reagan',
        mention: 'Reagan',
      },
      {
        text: 'his top priority was to maintain stable economic\nrelations with the United States.',
        kind: 'direct',
        speaker: 'Noboru Takeshita',
        mention: 'Japanese Prime Minister-designate Noboru\nTakeshita',
      },
      { text: 'that Treasury Secretary James Baker met West German officials', kind: 'reported', speaker: 'Reagan', mention: 'Reagan' },
    ],
  },
];

describe('extractQuotes, sentence by sentence', () => {
  it.each(rows)('$name', ({ body, expected }) => {
    const got = quotesOf(body).filter((q) => expected.length > 0 || q.kind === 'direct' || q.text.length > 0);
    expect(got.map((q) => ({ text: q.text, kind: q.kind, speaker: q.speaker, mention: mentionOf(body, q) }))).toEqual(
      expected.map((e) => ({ text: e.text, kind: e.kind, speaker: e.speaker, mention: e.mention })),
    );
    expected.forEach((e, i) => {
      const q = got[i]!;
      if (e.verb !== undefined) expect(q.verb).toBe(e.verb);
      if (e.description !== undefined) expect(q.speakerDescription).toBe(e.description);
      // offsets point at the text
      if (!q.text.includes(' … ')) expect(body.slice(q.start, q.end)).toBe(q.text);
    });
  });

  it('returns nothing for an empty body', () => {
    expect(extractQuotes('', [])).toEqual([]);
  });
});

/** The sample story as the store holds it: no header line, no caption, no dateline prefix. */
function sampleBody(): string {
  const raw = readFileSync(path.resolve(__dirname, '../../../../shared/sample/xinhua-2017-09-09-deir-al-zour.txt'), 'utf8');
  const paragraphs = raw
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paragraphs
    .slice(2)
    .join('\n\n')
    .replace(/^DAMASCUS, Sept\. 9 \(Xinhua\) -- /, '');
}

describe('extractQuotes on the sample Xinhua story', () => {
  const body = sampleBody();
  const quotes = quotesOf(body);

  it('finds the Abu Khawla statement, reported, with his description', () => {
    const q = quotes.find((x) => x.text.includes('the operation aims to drive IS out'));
    expect(q).toBeDefined();
    expect(q!.kind).toBe('reported');
    expect(q!.speaker).toBe('Ahmad Abu Khawla');
    expect(mentionOf(body, q!)).toBe('Ahmad Abu Khawla, a commander of the military council');
    expect(q!.speakerDescription).toBe('a commander of the military council');
    expect(q!.verb).toBe('was cited by local media as saying');
  });

  it("finds the government's statement and resolves It to the Syrian government", () => {
    const q = quotes.find((x) => x.text.startsWith('the Syrian army advance in Deir al-Zour'));
    expect(q).toBeDefined();
    expect(q!.text).toBe('the Syrian army advance in Deir al-Zour brought down the schemes of the U.S. to fragment Syria');
    expect(q!.kind).toBe('reported');
    expect(q!.speaker).toBe('the Syrian government');
    expect(mentionOf(body, q!)).toBe('It');
    expect(q!.verb).toBe('said');
  });

  it('invents nothing: no quote of "illegitimate" alone, no direct quotes, every quote attributed', () => {
    expect(quotes.some((q) => q.text.replace(/[".]/g, '').trim() === 'illegitimate')).toBe(false);
    expect(quotes.filter((q) => q.kind === 'direct')).toEqual([]);
    expect(quotes.every((q) => q.speaker !== 'unknown')).toBe(true);
    expect(quotes.length).toBeLessThanOrEqual(3);
  });

  it('gives offsets into the body', () => {
    for (const q of quotes) expect(body.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('extractQuotes, subjects that are not speakers', () => {
  it('takes no dateline for the speaker of a cue without a subject', () => {
    const body =
      'WASHINGTON (AP) — President Barack Obama on Tuesday accused Republicans of blocking the bill, saying they had failed the voters.';
    const q = quotesOf(body).find((x) => x.text === 'they had failed the voters');
    expect(q).toBeDefined();
    expect(mentionOf(body, q!)).toBe('President Barack Obama');
  });

  it('leaves the verb of a particle cue out of the speaker ("pointed out")', () => {
    const body = "One of Mr. Obama's climate advisers pointed out that the rules would survive in court.";
    const q = quotesOf(body).find((x) => x.text.includes('the rules would survive in court'));
    expect(q).toBeDefined();
    expect(mentionOf(body, q!)).toBe("One of Mr. Obama's climate advisers");
  });

  it('takes no verb form before the cue for its speaker', () => {
    const body = 'Republicans are circulating talking points on the nuclear deal with Iran.';
    for (const q of quotesOf(body)) expect(mentionOf(body, q)).not.toBe('circulating');
  });
});

describe('extractQuotes, records and polls that show', () => {
  const all = (body: string) => extractQuotes(body, splitSentences(body));

  it.each([
    [
      'The surplus widened to a record 13.6 billion dlrs in calendar 1986 from 10.2 billion in 1985, official figures show.',
      'official figures',
    ],
    ["Emails show that Cheryl Mills was deeply involved in the foundation's proceedings.", 'Emails'],
  ])('attributes what they show to them: %s', (body, speaker) => {
    const q = all(body)[0];
    expect(q?.kind).toBe('reported');
    expect(q?.speaker).toBe(speaker);
  });

  it('attributes what they show to them when it opens on "a"', () => {
    const q = all('Polls show a close contest in the state, where 18 electoral votes are up for grabs.')[0];
    expect([q?.speaker, q?.text]).toEqual(['Polls', 'a close contest in the state']);
  });

  it('not what an account or an index shows', () => {
    expect(all("Italy's overall balance of payments showed a surplus of 1,461 billion lire in February.")).toEqual([]);
  });

  it('not what other subjects show', () => {
    expect(all('The children show great promise in mathematics, their teachers hope.').map((q) => q.verb)).not.toContain('show');
  });
});

describe('extractQuotes, where reported content ends (issue 15)', () => {
  const reported = (body: string) => quotesOf(body).filter((q) => q.kind === 'reported');

  it('a verb joined by "and" to a said-clause shares its subject, not the speaker', () => {
    const body = 'Police say he posed a deadly threat and refused to drop the gun.';
    expect(reported(body).map((q) => [mentionOf(body, q), q.verb, q.text])).toEqual([
      ['Police', 'say', 'he posed a deadly threat and refused to drop the gun'],
    ]);
  });

  it('a verb of saying, or a past verb after "said", joined by "and" goes back to the speaker', () => {
    const body = 'He said he would order a review of the defenses and warned against hackers from China.';
    expect(reported(body)[0]?.text).toBe('he would order a review of the defenses');
    const wire = 'He said no date has been set for the meeting and declined to comment on the reports.';
    expect(reported(wire)[0]?.text).toBe('no date has been set for the meeting');
  });

  it('a name reported whole keeps no "during" or "in" of the occasion', () => {
    expect(reported('Garner endorsed Sen. Bernie Sanders during the Democratic primary.')[0]?.text).toBe('Sen. Bernie Sanders');
    expect(reported('Michaela Davis recently praised Hillary Clinton in a new video.')[0]?.text).toBe('Hillary Clinton');
  });

  it('an event noun keeps its own "during"', () => {
    const body = 'Donald Trump is raising questions about his microphone problems during the debate.';
    expect(reported(body)[0]?.text).toBe('his microphone problems during the debate');
  });
});

describe('extractQuotes, "about" before a figure (issue 15)', () => {
  it('rounds the figure: the speech verb before it is the cue, and the figure opens the content', () => {
    const body = 'Cronin said about 400 workers on the bus line will be laid off in May.';
    expect(quotesOf(body).map((q) => [mentionOf(body, q), q.verb, q.text])).toEqual([
      ['Cronin', 'said', 'about 400 workers on the bus line will be laid off in May'],
    ]);
  });

  it('reports nothing by itself', () => {
    expect(quotesOf('The union represents about 2,300 workers on the Great Lakes.').map((q) => q.verb)).not.toContain('about');
  });
});

describe('extractQuotes, time and a second source around reported content (issue 15)', () => {
  const reported = (body: string) => quotesOf(body).filter((q) => q.kind === 'reported');

  it('leaves the time between a verb and its object out of the content', () => {
    expect(reported('Authorities announced on Friday the arrest of a man in the fatal shooting of a demonstrator.')[0]?.text).toBe(
      'the arrest of a man in the fatal shooting of a demonstrator',
    );
    expect(reported('King Fahd said today Saudi Arabia wants oil price stability.')[0]?.text).toBe(
      'Saudi Arabia wants oil price stability',
    );
  });

  it("keeps a time that goes on into a possessive: it dates the content's noun phrase", () => {
    const body = "Undecided voter Ken Bone said Sunday night's matchup almost felt like a fight.";
    expect(reported(body)[0]?.text).toBe("Sunday night's matchup almost felt like a fight");
  });

  it('ends the content where a second source reports after a comma', () => {
    const body = 'One company says there are more than 2,400 billionaires in the world, another says there are about 1,800.';
    expect(reported(body)[0]?.text).toBe('there are more than 2,400 billionaires in the world');
  });
});

describe('extractQuotes, a fronted time before a short report (issue 15)', () => {
  it('is never the content of the verb after it', () => {
    const body = 'Last month, 26 percent said the same.';
    expect(quotesOf(body).map((q) => [mentionOf(body, q), q.verb, q.text])).toEqual([['26 percent', 'said', 'the same']]);
  });

  it('stays in a statement that the attribution closes', () => {
    const body = 'Prices rose sharply last month, officials said.';
    expect(quotesOf(body).map((q) => q.text)).toEqual(['Prices rose sharply last month']);
  });
});

describe('extractQuotes, a participle of saying after a comma (issue 15)', () => {
  it('reports the clause after it, with or without "that"', () => {
    const body = '"We lost," he said, adding he would never vote for Clinton.';
    const q = quotesOf(body).find((x) => x.kind === 'reported');
    expect([q?.verb, q?.text, q ? mentionOf(body, q) : null]).toEqual(['adding', 'he would never vote for Clinton', 'he']);
  });

  it('reports nothing when what follows is an object, not a clause', () => {
    const body = 'Pontiac said it expanded its rebate program, adding a 1,200 dlr rebate on all new Fiero models.';
    expect(quotesOf(body).map((q) => q.verb)).not.toContain('adding');
  });
});

describe('extractQuotes, "citing" an indefinite noun phrase (issue 15)', () => {
  it('reports what is cited whatever its article', () => {
    const body = 'S and P cited a decline in debt leverage to 50 pct from 66 pct at year-end.';
    expect(quotesOf(body).map((q) => [mentionOf(body, q), q.verb, q.text])).toEqual([
      ['S and P', 'cited', 'a decline in debt leverage to 50 pct from 66 pct at year-end'],
    ]);
  });
});

describe('extractQuotes, a figure is no speaker (issue 15: "70 pct (unnamed)" in /quote)', () => {
  const speakers = (body: string): [string | null, string, string | null][] =>
    quotesOf(body).map((q) => [mentionOf(body, q), q.speaker, q.speakerResolved?.name ?? null]);

  it('a share of a group is spoken by the group, the mention stays as written', () => {
    const body =
      'Some 79 pct of respondents said they expect more agency brokers. Only 31 pct of firms expect prices to rise, the survey said.';
    expect(speakers(body)[0]).toEqual(['Some 79 pct of respondents', 'respondents', null]);
    const managers = 'Some 50 pct of the purchasing managers reported that they were paying higher prices.';
    expect(speakers(managers)).toEqual([['Some 50 pct of the purchasing managers', 'the purchasing managers', null]]);
    const spelt = 'Thirty five pct of those polled said their opinion of him had gone down.';
    expect(speakers(spelt)).toEqual([['Thirty five pct of those polled', 'those polled', null]]);
  });

  it('a bare share takes the group its clause opens with, else nobody is named', () => {
    const of = 'Of those responding, 70 pct said they were encouraged to deal more actively.';
    expect(speakers(of)).toEqual([['70 pct', 'those responding', null]]);
    const bare = 'In contrast, 46 pct said they were more impressed with Thatcher after her trip.';
    expect(speakers(bare)).toEqual([['46 pct', 'unknown', null]]);
    // (a share of a total, not of people)
    const total = 'Of the total, 40 pct said they would sell.';
    expect(speakers(total)).toEqual([['40 pct', 'unknown', null]]);
  });

  it('an amount, a year or a thing counted speaks for no one; people counted speak as written', () => {
    const amount = 'Trade estimates ranged from 11.0 mln to 14.0 mln bushels, compared with 12.0 mln reported last week.';
    expect(speakers(amount).map((s) => s[1])).not.toContain('12.0 mln');
    expect(speakers(amount).every(([mention, speaker]) => !/^\d/.test(mention ?? '') || speaker === 'unknown')).toBe(true);
    expect(speakers('More than 30 government ministers said they would attend the meeting.')).toEqual([
      ['More than 30 government ministers', 'More than 30 government ministers', null],
    ]);
    // (a number in words counts people: "One of their leaders", "Two analysts")
    expect(speakers('Two analysts said the bank would cut rates.')).toEqual([['Two analysts', 'Two analysts', null]]);
  });

  it('the period of an account in a table note speaks for no one ("3rd qtr", "1987 nine mths")', () => {
    expect(speakers('NOTE: 3rd qtr includes previously reported gain of 55.0 mln dlrs.').map((s) => s[1])).toEqual(['unknown']);
    expect(speakers('NOTE: 1987 nine mths include previously reported 875 mln dlr gain.').map((s) => s[1])).toEqual(['unknown']);
  });

  it('shows a figure whole across its thousands comma', () => {
    const body = 'Brazil has 40,000 seafarers. An estimated 1,200 industry officials said they would attend.';
    expect(speakers(body)).toEqual([['1,200 industry officials', '1,200 industry officials', null]]);
    const shares = 'Pennsylvania Power and Light Co - Shelf offering of up to 500,000 shares of series preferred stock.';
    expect(speakers(shares).map(([, speaker]) => speaker)).not.toContain('000 shares of series');
  });

  it('a year closing the clause before "and" is no part of the next subject', () => {
    const body = 'The inflation rate was 11.5 pct in 1986 and private economists say it will be 25 pct in 1987.';
    expect(speakers(body)).toEqual([['private economists', 'private economists', null]]);
    const named = 'Profit rose to 1.37 billion dlrs from 852.72 mln in 1985 and Gosper urged the government to cut taxes.';
    expect(speakers(named)).toEqual([['Gosper', 'Gosper', 'Gosper']]);
  });

  it('a number or a compound it opens is no part of a name ("The 41-year-old Slutsky", "The 21-member Association ...")', () => {
    const body = 'The 21-member Association of European Airlines said traffic rose 11 pct in February.';
    expect(speakers(body)).toEqual([
      ['The 21-member Association of European Airlines', 'Association of European Airlines', 'Association of European Airlines'],
    ]);
    const person = 'The 41-year-old Slutsky admitted accepting 165,000 dlrs in bribes.';
    expect(speakers(person).map((s) => s[1])).toEqual(['Slutsky']);
  });
});

describe('extractQuotes, a relative clause inside reported content (issue 15)', () => {
  const reports = (body: string): [string, string | null][] =>
    quotesOf(body)
      .filter((q) => q.kind === 'reported')
      .map((q) => [q.text, mentionOf(body, q)]);

  it('goes on past ", which ...," when a verb of the main clause or an infinitive follows the closing comma', () => {
    expect(
      reports(
        'Bloomberg says its reporting has found that the entities, which include structures in Liechtenstein, are still under his control.',
      ),
    ).toEqual([
      ['its reporting has found that the entities, which include structures in Liechtenstein, are still under his control', 'Bloomberg'],
    ]);
    expect(reports('He also vowed to form a joint task force, which would include the military, to crack down on hackers.')).toEqual([
      ['to form a joint task force, which would include the military, to crack down on hackers', 'He'],
    ]);
    expect(
      reports('Yves Berthelot said the suppression of farm subsidies, which would allow a resurgence of world prices, would be difficult.'),
    ).toEqual([
      ['the suppression of farm subsidies, which would allow a resurgence of world prices, would be difficult', 'Yves Berthelot'],
    ]);
  });

  it('still ends at ", which ..." that closes the sentence or that a new subject follows (the writer\'s clause)', () => {
    expect(reports('He said the plan would cut costs, which critics dispute.')).toEqual([['the plan would cut costs', 'He']]);
    expect(reports('He said the plan would cut costs, which critics dispute, and officials agree.')).toEqual([
      ['the plan would cut costs', 'He'],
    ]);
    expect(reports('Analysts said the merger will cut jobs, which unions oppose, the report added.')[0]?.[0]).toBe(
      'the merger will cut jobs',
    );
  });
});

describe('extractQuotes, a pair of dashes inside reported content (issue 15)', () => {
  const texts = (body: string): string[] => quotesOf(body).map((q) => q.text);

  it('goes on past the closing dash when a verb of the main clause follows it', () => {
    expect(
      texts('The group said that the top 1 percent of taxpayers -- those with incomes of more than $750,000 -- would face a tax increase.'),
    ).toEqual(['that the top 1 percent of taxpayers -- those with incomes of more than $750,000 -- would face a tax increase']);
    expect(texts('Eyskens said the countries in the accord - the U.S., Japan and Canada - had agreed ranges for exchange rates.')).toEqual([
      'the countries in the accord - the U.S., Japan and Canada - had agreed ranges for exchange rates',
    ]);
    expect(texts('The IMF said that advanced economies — Europe and Japan — will grow 1.6 percent.')).toEqual([
      'that advanced economies — Europe and Japan — will grow 1.6 percent',
    ]);
  });

  it('a hyphen inside a word is no dash', () => {
    expect(texts('He said the state-run firm - a big employer - was sold.')).toEqual(['the state-run firm - a big employer - was sold']);
  });
});

describe('extractQuotes, a parenthesis inside reported content (issue 15)', () => {
  const texts = (body: string): string[] => quotesOf(body).map((q) => q.text);

  it('goes on past a parenthesis that the sentence goes on after', () => {
    expect(texts('They asked the candidates how they would ensure that Mr. Trump (and others like him) pay at least some tax.')).toEqual([
      'how they would ensure that Mr. Trump (and others like him) pay at least some tax',
    ]);
    expect(texts('Thai coffee exporters said they hoped the International Coffee Organisation (ICO) would not reimpose quotas.')).toEqual([
      'they hoped the International Coffee Organisation (ICO) would not reimpose quotas',
    ]);
  });

  it('still ends before a parenthesis that closes the sentence', () => {
    expect(texts('Officials said output fell to three mln barrels per day (bpd).')).toEqual(['output fell to three mln barrels per day']);
  });
});

describe("extractQuotes, a parenthesis before the writer's own clause (issue 15)", () => {
  it('ends before the parenthesis when "which" or "who" follows it', () => {
    const body =
      'The economist said the cuts were part of a plan to satisfy the International Monetary Fund (IMF) which has promised to lend Sri Lanka 6.5 billion rupees.';
    expect(quotesOf(body).map((q) => [mentionOf(body, q), q.text])[0]).toEqual([
      'The economist',
      'the cuts were part of a plan to satisfy the International Monetary Fund',
    ]);
  });
});

describe('extractQuotes: a speaking "it" after what an organisation reported (issue 15: the wrong mouth)', () => {
  const speakers = (body: string): [string | null, string | null][] =>
    quotesOf(body).map((q) => [mentionOf(body, q), q.speakerResolved?.name ?? null]);

  it('is the organisation that reported, not the subject of its report', () => {
    const agency =
      'Acme Chemical Co signed a contract with North China Industrial Co to set up a joint venture, the New China News Agency said. ' +
      'It said total investment in the venture is 2.4 mln dlrs.';
    expect(speakers(agency)[1]).toEqual(['It', 'New China News Agency']);
    const ministry =
      'Thailand exported 84,960 tonnes of rice in the week ended February 24, the Commerce Ministry said. ' +
      'It said private exporters shipped 57,450 tonnes.';
    expect(speakers(ministry)[1]).toEqual(['It', 'Commerce Ministry']);
  });

  it("after a person's report is still what the person spoke of", () => {
    const body =
      'Acme Corp will close two plants next year, chairman John Smith said. It said the closures would cut 500 jobs by the end of 1988.';
    expect(speakers(body)[1]).toEqual(['It', 'Acme Corp']);
  });
});

describe('extractQuotes: the bounds of a report that runs into a quotation or a cut phrase (v87)', () => {
  const reports = (body: string): string[] => quotesOf(body).map((q) => q.text);

  it('ends at a quotation closing on a comma that its attribution signs off', () => {
    expect(
      reports(
        'A North Korean Foreign Ministry statement said it hoped diplomatic contact would help "promote sincere conversations with goodwill and broad-mindedness," the agency said.',
      ),
    ).toEqual(['it hoped diplomatic contact would help "promote sincere conversations with goodwill and broad-mindedness,"']);
  });

  it('goes on into a quotation that the report breaks off before on a word wanting its complement', () => {
    expect(
      reports('K Mart said the earnings rise for the fourth quarter resulted from "merchandising, refurbishing and expense control."'),
    ).toEqual(['the earnings rise for the fourth quarter resulted from "merchandising, refurbishing and expense control."']);
  });

  it('keeps a time that a preposition governs', () => {
    expect(reports('Iraq has rejected its new OPEC production quota set in Vienna for the second half of this year.')).toEqual([
      'its new OPEC production quota set in Vienna for the second half of this year',
    ]);
  });

  it('drops a coordinator or an article that the end of the content cut off from its phrase', () => {
    expect(reports('Union members discussed the offer but after three hours they had not come to any decision.')).toEqual(['the offer']);
  });

  it('takes no "X told reporters that" for what an "according to" after it reports', () => {
    expect(reports('He told reporters that according to the agreement, the new interest rate would be lower.')).toEqual([
      'that according to the agreement, the new interest rate would be lower',
    ]);
  });

  it('goes on into a parenthesis that a preposition governs, and stops at the period after it', () => {
    expect(
      reports(
        'Maxicare Health Plans Inc said it ended negotiations to sell Maxicare Alabama L.P. to (Complete Health Inc). The companies said last week they had reached agreement.',
      )[0],
    ).toBe('it ended negotiations to sell Maxicare Alabama L.P. to (Complete Health Inc)');
  });
});

describe('extractQuotes: an attribution ending on a firm before a quotation (v87)', () => {
  it('signs off the statement before it, and the quotation is a quote of its own', () => {
    const body =
      'The consistent behavior of all three aggregates is likely to impress the Fed, said Ward McCarthy of Merrill Lynch Economics Inc.\n' +
      '"The Fed has confidence in the aggregates when they\'re all sending the same signal," McCarthy said.';
    expect(quotesOf(body).map((q) => [q.kind, q.text])).toEqual([
      ['reported', 'The consistent behavior of all three aggregates is likely to impress the Fed'],
      ['direct', "The Fed has confidence in the aggregates when they're all sending the same signal"],
    ]);
  });

  it('leaves a second verb of saying and its "and" to the quotation it leads into', () => {
    const body =
      'Ortner said he thought the U.S. dollar was "fairly priced" against most European currencies and added "I do not regard the dollar as undervalued at this point against the yen," he said.';
    expect(quotesOf(body).map((q) => [q.kind, q.text])).toEqual([
      ['reported', 'he thought the U.S. dollar was "fairly priced" against most European currencies'],
      ['direct', 'I do not regard the dollar as undervalued at this point against the yen'],
    ]);
  });
});

describe('extractQuotes: a source that asked not to be named signs the quotation before it (v87)', () => {
  it('is the speaker of the quotation, and the quotation is no report of "told"', () => {
    const body =
      '"We want the Arabs to buy the debt and reschedule it at a more reasonable interest rate," the official, who asked not to be named, told Reuters.';
    expect(quotesOf(body).map((q) => [q.kind, q.verb, mentionOf(body, q)])).toEqual([['direct', 'told', 'the official']]);
  });

  it('past a dozen words when the wish takes them', () => {
    const body =
      '"He opposes it. It is not in the best interests of the country," one of the Pentagon officials, who asked not to be identified, told Reuters.';
    expect(quotesOf(body).map((q) => [q.kind, q.verb, mentionOf(body, q)])).toEqual([['direct', 'told', 'one of the Pentagon officials']]);
  });
});

describe("extractQuotes: a sign-off that goes on with the speaker's participle ends another report (v87)", () => {
  const reports = (body: string): string[] => quotesOf(body).map((q) => q.text);

  it('ends before ", he said, declining ..." and ", the spokesman said, adding ..."', () => {
    expect(
      reports(
        'Balladur said the nervousness can be attributed to "some operators watching short term indicators. You have to keep a cool head," he said, declining to elaborate further.',
      )[0],
    ).toBe('the nervousness can be attributed to "some operators watching short term indicators. You have to keep a cool head,"');
    expect(
      reports(
        'Billiton also urged Heidweiler to improve the safety of its employees, the spokesman said, adding rebel fighting had depressed production.',
      )[0],
    ).toBe('Heidweiler to improve the safety of its employees');
  });
});

describe("extractQuotes: a cue after the content's subject and an aside is the content's verb (v87)", () => {
  const reports = (body: string): string[] => quotesOf(body).map((q) => q.text);

  it('goes on past ", in fact, said" and ", scheduled for ..., involves"', () => {
    expect(reports('He said that Leeds, in fact, said as much when Trump got up for a trip to the bathroom.')).toEqual([
      'that Leeds, in fact, said as much when Trump got up for a trip to the bathroom',
    ]);
    expect(reports('The company said the work, scheduled for completion in early 1989, involves revamping of the base.')).toEqual([
      'the work, scheduled for completion in early 1989, involves revamping of the base',
    ]);
  });

  it('still ends a report in a relative clause before the verb of the sentence', () => {
    const body =
      'Bryson Oil and Gas plc, an oil company which has said it is considering seeking control of Cenergy Corp, said it raised its stake in the company.';
    expect(reports(body)).toEqual(['it is considering seeking control of Cenergy Corp', 'it raised its stake in the company']);
  });
});

describe('extractQuotes: people a plural role names are unnamed, whatever the wire capitalises', () => {
  it('"U.S. Officials said" resolves to no one', () => {
    const body =
      'Shultz is likely to visit Moscow soon for talks, U.S. Officials said. Some U.S. Officials complained that Japan had done nothing.';
    expect(quotesOf(body).map((q) => q.speakerResolved)).toEqual([null, null]);
  });
});

describe('extractQuotes: a second cue model, trained on more articles, adds the cues the first misses (v88)', () => {
  const reports = (body: string, m?: CueModel): string[] =>
    extractQuotes(body, splitSentences(body), m)
      .filter((q) => q.kind === 'reported')
      .map((q) => `${q.speaker} ${q.verb}: ${q.text}`);

  it('finds estimates and reaffirmations the first model scored too low', () => {
    expect(reports('Foreign exchange dealers estimate the Fed had sold two billion dlrs worth of yen last week.')).toEqual([
      'Foreign exchange dealers estimate: the Fed had sold two billion dlrs worth of yen last week',
    ]);
    expect(
      reports('The ministers and governors reaffirmed the view that their currencies are within ranges consistent with fundamentals.'),
    ).toEqual(['The ministers and governors reaffirmed: the view that their currencies are within ranges consistent with fundamentals']);
  });

  it('takes a word as a cue when the second model scores it at its own threshold, and only then', () => {
    const body = 'The mayor proclaimed the new budget would be cut next year.';
    const none: CueModel = { vocabulary: [], weights: {}, bias: -5, threshold: 0.5 };
    const second = (threshold: number): CueModel => ({
      ...none,
      second: { vocabulary: ['proclaimed'], weights: { 'w=proclaimed': 6 }, bias: -3, threshold },
    });
    expect(reports(body, none)).toEqual([]);
    expect(reports(body, second(0.9))).toEqual(['The mayor proclaimed: the new budget would be cut next year']);
    expect(reports(body, second(0.99))).toEqual([]);
  });

  it("unmakes a cue of the first that the second scores below its veto, but never a verb of saying or the lexicon's", () => {
    const body = 'The mayor zorbled the new budget would be cut next year.';
    const first: CueModel = { vocabulary: ['zorbled', 'said'], weights: { 'w=zorbled': 6, 'w=said': 6 }, bias: -3, threshold: 0.5 };
    const second: CueModel = { vocabulary: ['zorbled', 'said'], weights: {}, bias: -5, threshold: 0.7, veto: 0.1 };
    expect(reports(body, first)).toEqual(['The mayor zorbled: the new budget would be cut next year']);
    expect(reports(body, { ...first, second })).toEqual([]);
    expect(reports(body.replace('zorbled', 'said'), { ...first, second })).toEqual([
      'The mayor said: the new budget would be cut next year',
    ]);
  });

  it('with the shipped models, a noun or a preposition the second rules out is no cue', () => {
    expect(reports('Plenty of properties are available on the market, thanks to the need of many companies to raise cash.')).toEqual([]);
    expect(reports('Rafidain Bank stopped paying debt due on letters of credit last March.')).toEqual([]);
  });
});
