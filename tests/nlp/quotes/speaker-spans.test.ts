import { describe, expect, it } from 'vitest';
import type { CueModel } from '../../../src/nlp/quotes/cue-model.js';
import { extractQuotes } from '../../../src/nlp/quotes/extract-quotes.js';
import modelJson from '../../../src/nlp/quotes/model.json' with { type: 'json' };
import { splitSentences } from '../../../src/nlp/sentences.js';

const shipped = modelJson as CueModel;

/** The speaker mention as written for the quote whose text contains `content`. */
function mentionFor(body: string, content: string): string | null {
  const q = extractQuotes(body, splitSentences(body)).find((x) => x.text.includes(content));
  if (!q) throw new Error(`no quote with ${content}`);
  return q.speakerMention ? body.slice(q.speakerMention.start, q.speakerMention.end) : null;
}

// Where the speaker's noun phrase starts: the whole name, the share that speaks, the head a modifier hangs on.
describe('speaker spans', () => {
  it.each([
    ['The Justice Department in January said that it would appeal the ruling.', 'appeal', 'The Justice Department'],
    ['Comey in June sharply criticized Clinton for her handling of classified information.', 'handling', 'Comey'],
  ])('leaves the month or year after a name, which dates the saying, out of the speaker: %s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });

  it.each([
    ['"It is a disgrace to the party," Will wrote.', 'disgrace', 'Will'],
    ['Columnist George Will wrote that the party was lost.', 'party was lost', 'Columnist George Will'],
  ])('reads a capitalised "Will" before a past verb as a name: %s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });

  it.each([
    [
      'Even as regulators were digging into the problems, Mr. Sloan, 56, remained a staunch defender of cross-selling, telling investors that it was good for customers.',
      'Mr. Sloan, 56',
    ],
    [
      'Before dropping out, chief rival Ted Cruz responded with vitriol, promoting a "Stop Trump" movement that failed.',
      'chief rival Ted Cruz',
    ],
  ])('finds the subject after an opening clause for a participle that has none: %s', (body, mention) => {
    const q = extractQuotes(body, splitSentences(body)).find((x) => x.verb === 'telling' || x.verb === 'promoting');
    expect(q?.speakerMention ? body.slice(q.speakerMention.start, q.speakerMention.end) : null).toBe(mention);
  });

  it('leaves a sentence adverb before the name out of the speaker ("Nevertheless Mason said")', () => {
    expect(mentionFor('Nevertheless Mason said the bank stocks could be poised for a rally.', 'rally')).toBe('Mason');
  });

  it('finds who answers after a fronted "When asked ...," clause', () => {
    expect(mentionFor('When asked whom she supported, Ms. Sherry smiled and said, "I am waiting for Bloomberg."', 'waiting')).toBe(
      'Ms. Sherry',
    );
  });

  it('keeps the year of a passive subject, which dates what is reported', () => {
    const body = 'Production in 1986 is estimated by the embassy at 35,000 tonnes.';
    const q = extractQuotes(body, splitSentences(body)).find((x) => x.verb?.includes('estimated'));
    expect(q?.text).toBe('Production in 1986');
  });

  it.each([
    ['We have been here before: Osama bin Laden declared that America was weak.', 'Osama bin Laden'],
    ['The group al Qaeda claimed that it had carried out the attack.', 'The group al Qaeda'],
    ['In Brussels, Ursula von der Leyen said that the plan would pass.', 'Ursula von der Leyen'],
  ])('keeps a lower-case name particle inside the name: %s', (body, mention) => {
    expect(mentionFor(body, 'that')).toBe(mention);
  });

  it.each([
    ['Even an anti-Trump PAC recently revealed that its polling shows Trump ahead.', 'an anti-Trump PAC'],
    ['In 2012, then-Secretary Clinton recognized that the plant had created jobs.', 'then-Secretary Clinton'],
  ])('keeps a hyphenated modifier before a name: %s', (body, mention) => {
    expect(mentionFor(body, 'that')).toBe(mention);
  });

  it.each([
    ['Procter and Gamble Co <PG> said it will raise prices by five pct.', 'Procter and Gamble Co'],
    ['Chemical maker Dow Chemical Co <DOW> said it will raise prices by five pct.', 'Chemical maker Dow Chemical Co'],
  ])('leaves a Reuters ticker between a name and its verb out of the speaker, and keeps the name whole: %s', (body, mention) => {
    expect(mentionFor(body, 'will raise prices')).toBe(mention);
  });

  it.each([
    ['The tariffs were imposed on Monday, according to Swedish monitors.', 'The tariffs were imposed', 'Swedish monitors'],
    [
      'The tariffs were imposed on Monday, according to Japanese newspaper reports.',
      'The tariffs were imposed',
      'Japanese newspaper reports',
    ],
    ['European governments, asked to fund the aircraft, said they would decide soon.', 'they would decide', 'European governments'],
    ['The bond was priced late, according to Euroyen bond traders.', 'The bond was priced', 'Euroyen bond traders'],
  ])(
    'keeps the people or papers of a nation or a firm with its name (v55, were "Swedish", "Japanese", "European", "Euroyen"): %s',
    (body, content, speaker) => {
      const q = extractQuotes(body, splitSentences(body)).find((x) => x.text.includes(content));
      expect(q?.speaker).toBe(speaker);
    },
  );

  it('names a bracketed company whose appositive follows its closing bracket (was no speaker)', () => {
    const body = '(Marshall Steel Ltd), formerly Marshall Drummond McCall Inc, said it will report a net gain this year.';
    const q = extractQuotes(body, splitSentences(body)).find((x) => x.text.includes('will report a net gain'));
    expect(q?.speaker).toBe('Marshall Steel Ltd');
    expect(q?.speakerDescription).toBe('formerly Marshall Drummond McCall Inc');
  });

  it('leaves a hyphenated epithet of lower-case words out of a name', () => {
    const body = 'A reporter asked about the wall.\n\n"We didn\'t discuss that," warm-and-fuzzy Trump said.';
    expect(mentionFor(body, "We didn't discuss that")).toBe('Trump');
  });

  it.each([
    ['In the poll, 75 percent of Democrats said they would vote for her.', '75 percent of Democrats'],
    ['In the poll, more than 60 percent of voters said the country was on the wrong track.', 'more than 60 percent of voters'],
  ])('takes the share of a group that speaks: %s', (body, mention) => {
    expect(mentionFor(body, 'the') ?? mentionFor(body, 'would')).toBe(mention);
  });

  it('takes the head a place modifies after a complementizer', () => {
    const body = 'The talk of bias grew so loud that the Russian Embassy in London issued a statement saying that Moscow had no position.';
    expect(mentionFor(body, 'Moscow had no position')).toBe('the Russian Embassy in London');
  });

  it('takes the head a modifier hangs on after a subordinator', () => {
    const body = 'The library pulled it from shelves because a young-adult novel for libertarians says so.';
    expect(mentionFor(body, 'so')).toBe('a young-adult novel for libertarians');
  });

  it.each([
    [
      'Mr. Obama, who understood that a legislative push would be fruitless, told aides he would act alone.',
      'he would act alone',
      'Mr. Obama',
    ],
    ['McClendon, who said he plans to vote for McMullin, has argued that the party must change.', 'the party must change', 'McClendon'],
    [
      'Former Gov. Ed Rendell, who served as general chairman of the DNC, said the party was united.',
      'the party was united',
      'Former Gov. Ed Rendell, who served as general chairman of the DNC',
    ],
  ])('leaves out a relative clause that reports a saying or a thought of its own: %s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });

  it('gives a quotation after "went on to say" the clause\'s subject', () => {
    const body = 'He went on to say, “Legally, you have a right to vote on November 8th.”';
    expect(mentionFor(body, 'Legally')).toBe('He');
  });

  it('takes no adverb after a participle for its speaker ("adding later")', () => {
    const body = '“We certainly can’t afford to do this anymore,” Trump said, adding later, “NATO is costing us a fortune.”';
    expect(mentionFor(body, 'NATO is costing us a fortune')).toBe('Trump');
  });

  it.each([
    [
      'Another pollster, David Woodard of Clemson University, said the race was close.',
      'Another pollster, David Woodard of Clemson University',
      'David Woodard',
    ],
    [
      'On Wednesday, the director of the Federal Bureau of Investigation, James B. Comey, said that the case was closed.',
      'the director of the Federal Bureau of Investigation, James B. Comey',
      'James B. Comey',
    ],
    [
      'Another RT America host, Abby Martin, had previously denounced the annexation.',
      'Another RT America host, Abby Martin',
      'Abby Martin',
    ],
  ])('names the person after a role and its comma: %s', (body, mention, speaker) => {
    const q = extractQuotes(body, splitSentences(body))[0]!;
    expect(body.slice(q.speakerMention!.start, q.speakerMention!.end)).toBe(mention);
    expect(q.speaker).toBe(speaker);
  });
});

// Issue 15: the agent of a passive cue has no verb after it to take an "of" phrase, so the phrase is the agent's own.
describe('passive agents', () => {
  it.each([
    ['The new levy on imported steel was criticised by the head of the national farmers union.', 'the head of the national farmers union'],
    ['The harbour plan was endorsed by a coalition of fishing towns.', 'a coalition of fishing towns'],
    ['The ceasefire was welcomed by northern and southern tribal elders.', 'northern and southern tribal elders'],
    // (a role noun of people goes on after a capitalised adjective: "Republican lawmakers", "Labour activists")
    ['The pension cuts were condemned by senior Democratic and Republican lawmakers.', 'senior Democratic and Republican lawmakers'],
  ])('keeps "of" phrases and coordinated parts in the agent: %s', (body, mention) => {
    const q = extractQuotes(body, splitSentences(body))[0];
    expect(q?.speakerMention && body.slice(q.speakerMention.start, q.speakerMention.end)).toBe(mention);
  });

  it('stops at a second predicate after "and"', () => {
    const body = 'The budget was denounced by the mayor and called a disgrace in the council.';
    const q = extractQuotes(body, splitSentences(body))[0];
    expect(q?.speakerMention && body.slice(q.speakerMention.start, q.speakerMention.end)).toBe('the mayor');
  });
});

// Issue 15: an attribution closing its sentence ("CONTENT, said X.") with the speaker as written.
describe('inverted attributions after their content', () => {
  const only = (body: string): { text: string; mention: string | null } => {
    const q = extractQuotes(body, splitSentences(body)).find((x) => x.kind === 'reported');
    if (!q) throw new Error('no reported quote');
    return { text: q.text, mention: q.speakerMention ? body.slice(q.speakerMention.start, q.speakerMention.end) : null };
  };

  it.each([
    ['Grain prices will keep rising through the winter, said the farmers union.', 'the farmers union'],
    ['The bridge is safe for another decade, says the report.', 'the report'],
  ])('a speech verb inverts with a common-noun speaker: %s', (body, mention) => {
    expect(only(body).mention).toBe(mention);
    expect(only(body).text).not.toContain(mention);
  });

  it('keeps two initials of a name in one speaker', () => {
    const body = 'The tunnel will open in May, said the engineers, Anna Berg of Oslo and J. R. Holm of Bergen.';
    expect(only(body)).toEqual({
      text: 'The tunnel will open in May',
      mention: 'the engineers, Anna Berg of Oslo and J. R. Holm of Bergen',
    });
  });

  it('keeps a title in quotation marks inside the description', () => {
    const body = 'Most listeners never call in twice, said Mia Lund, host of "Night Desk" on City Radio.';
    expect(only(body)).toEqual({ text: 'Most listeners never call in twice', mention: 'Mia Lund, host of "Night Desk" on City Radio' });
  });

  it('leaves a determiner after other verbs as their object', () => {
    const body = 'The mayor spoke for an hour on Monday, noting the deficit in the transit budget.';
    expect(
      extractQuotes(body, splitSentences(body)).some(
        (q) => q.speakerMention && body.slice(q.speakerMention.start, q.speakerMention.end).startsWith('the deficit'),
      ),
    ).toBe(false);
  });
});

// Issue 15: the sentence's subject speaks for a participle ("..., saying ..."), with its own "of" phrase.
describe('a sentence subject with an "of" phrase', () => {
  it.each([
    ['A group of nurses walked out of the hospital on Friday, saying that their wages were too low.', 'A group of nurses'],
    ['The head of the dockers union left the meeting early, warning that a strike was likely.', 'The head of the dockers union'],
  ])('%s', (body, mention) => {
    const q = extractQuotes(body, splitSentences(body))[0];
    expect(q?.speakerMention && body.slice(q.speakerMention.start, q.speakerMention.end)).toBe(mention);
  });
});

// A speaker named after "said" keeps the description that runs on to a participle clause ("..., arguing ..."),
// which belongs to the attribution, not to the speaker.
describe('a description before a participle clause', () => {
  it.each([
    [
      '"This could be our last chance," said Derek Kukura, 24, a junior at the University of Tennessee who heads the club, arguing that the race was close.',
      'This could be our last chance',
      'Derek Kukura, 24, a junior at the University of Tennessee who heads the club',
    ],
    [
      '"We are not going to stop," said the mayor\'s chief of staff, Anna Reyes, adding that talks would go on.',
      'We are not going to stop',
      "the mayor's chief of staff, Anna Reyes",
    ],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });
});

// A participle after a quotation that closes on its comma (`..., "…," adding, "…"`) speaks with the clause's speaker.
describe('a participle after a closing quotation mark', () => {
  it.each([
    [
      'Trump told Newsmax that Romney "had a crazy policy of self-deportation," adding, "He lost the Latino vote."',
      'He lost the Latino vote',
      'Trump',
    ],
    [
      'Starr said the case reminds him of the book titled "The Tragedy of Lyndon Johnson," explaining, "There are tragic dimensions to it."',
      'There are tragic dimensions',
      'Starr',
    ],
    [
      'Moore said he felt they were saying, "We are safe now," adding, "This was not the time to relax."',
      'This was not the time to relax',
      'Moore',
    ],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });
});

// What stands between a subject and its verb is no part of the speaker: a day, a sentence adverb, an -ly adverb.
describe('an adverbial between the speaker and the verb', () => {
  it.each([
    [
      'The United Nations Security Council on Friday condemned the test, saying it was a threat to peace.',
      'it was a threat',
      'The United Nations Security Council',
    ],
    ['The council on Friday said that the test was a threat to peace.', 'the test was a threat', 'The council'],
    ['Carter however said he would welcome the move by Beijing.', 'he would welcome', 'Carter'],
    ['The union meanwhile warned that a strike was likely.', 'a strike was likely', 'The union'],
    [
      'The DNC publicly disclosed the intrusions in June, saying its investigation had found Russian hackers.',
      'its investigation',
      'The DNC',
    ],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });

  it('keeps an adverb that modifies an adjective of the phrase', () => {
    const body = 'A widely read columnist wrote that the plan would fail.';
    expect(mentionFor(body, 'the plan would fail')).toBe('A widely read columnist');
  });
});

// After its verb as before it: a relative clause that reports a saying of its own is an attribution beside this one.
describe('a relative clause after the speaker that reports a saying', () => {
  it.each([
    ['"It will take time," said Mr. Kamin, who emphasized that the proposals would simplify returns.', 'It will take time', 'Mr. Kamin'],
    ['"Revenues are up a little," said Mr. Ekovich, who noted that prices had fallen by half.', 'Revenues are up', 'Mr. Ekovich'],
    [
      'The public finger-pointing was welcomed by senior lawmakers, who also said they expect the administration to act.',
      'finger-pointing',
      'senior lawmakers',
    ],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });

  it('keeps a relative clause that only describes the speaker', () => {
    const body = '"This is a turning point," said Mr. Jebens, who served three combat tours in Iraq.';
    expect(mentionFor(body, 'turning point')).toBe('Mr. Jebens, who served three combat tours in Iraq');
  });
});

// The appositive before the verb belongs to the speaker, for a participle clause of the sentence too.
describe('an appositive before the verb', () => {
  it.each([
    [
      'Sen. Ted Cruz (R-Texas), also a GOP presidential hopeful, called the plan a disaster for working families.',
      'the plan',
      'Sen. Ted Cruz (R-Texas), also a GOP presidential hopeful',
    ],
    [
      "Randall Stephenson, AT&T's chief executive, defended the deal on Monday, saying it would help consumers.",
      'it would help consumers',
      "Randall Stephenson, AT&T's chief executive",
    ],
    [
      'Carole Bower, 75, a retiree in Carthage, Ill., backed Gov. John Kasich in the primary, saying he was the only adult in the race.',
      'the only adult',
      'Carole Bower, 75, a retiree in Carthage, Ill.',
    ],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });

  it('leaves out a time phrase between the subject and its verb', () => {
    const body = 'Trump in the past has called the reporter a third-rate journalist who should be fired.';
    expect(mentionFor(body, 'the reporter')).toBe('Trump');
  });
});

// Where a subject starts: both parts of a coordinated subject opening its clause, and the day of a time's possessive.
describe('the start of a subject', () => {
  it.each([
    [
      "But business groups and Republicans say a company's political contributions should stay private.",
      'political contributions',
      'business groups and Republicans',
    ],
    [
      '"He is a real person," said undecided voter and debate attendee Ken Bone.',
      'a real person',
      'undecided voter and debate attendee Ken Bone',
    ],
    ["Monday night's results showed that Trump had won the state easily.", 'Trump had won', "Monday night's results"],
    ["Last week's poll showed that the race had tightened in Ohio.", 'the race had tightened', "Last week's poll"],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });
});

// Words that are no noun phrase (a date, a verb and its particle) name no speaker: the sentence's subject speaks.
describe('a speaker that is no noun phrase', () => {
  it.each([
    [
      'McConnell met with her and other Burmese leaders and came away convinced that concrete reforms were under way.',
      'concrete reforms',
      'McConnell',
    ],
    [
      'Trump further described the incident as a terrible situation, but stopped short of calling the actions racially motivated.',
      'racially motivated',
      'Trump',
    ],
    [
      'And she joked at a Goldman conference in June 2013 about the bankers being the smartest people in the room.',
      'the smartest people',
      'she',
    ],
    ["Cruz has made veiled references to the senator's spotty record on immigration.", 'spotty record', 'Cruz'],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });
});

// What the rules above must not take for a speaker (read on the Reuters corpus).
describe('no speaker from a clause or a number', () => {
  it.each([
    [
      'The fire damaged the central part of the 32,000 bpd hydrocracker and the spokesman said today this unit would be out of operation for months.',
      'this unit would be out',
      'the spokesman',
    ],
    ['Energy sector output fell nine pct and mining production declined 4.5 pct, the bureau said.', 'Energy sector output', 'the bureau'],
    ['The seasonally adjusted index showed that prices rose sharply in March.', 'prices rose sharply', 'The seasonally adjusted index'],
    ['No one argues that Tokyo is cheap, but residents see no need to spend more.', 'Tokyo is cheap', 'one'],
    [
      'Poehl welcomed the so-called Louvre accord of monetary officials, saying the importance of the agreement had been underestimated.',
      'the importance of the agreement',
      'Poehl',
    ],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });

  it('signs off a lead sentence with a coordinated subject', () => {
    const body =
      'The easing of rules has caused an explosion of Euroyen bond activity but has failed to turn the yen into an international currency, bond managers and traders said.';
    expect(mentionFor(body, 'The easing of rules')).toBe('bond managers and traders');
  });
});

describe('a comma after a party label', () => {
  it.each([
    ['Gov. John Kasich (R-OH), said, "I am getting ready to rent a covered wagon."', 'covered wagon', 'Gov. John Kasich (R-OH)'],
    [
      'Rep. John Mica (R-Fla.), said that the hearing was a farce from start to finish.',
      'the hearing was a farce',
      'Rep. John Mica (R-Fla.)',
    ],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });
});

// When and where it was said, set off by a comma after a speaker named after its verb, is no part of the speaker.
describe('circumstances after a closing speaker', () => {
  it.each([
    [
      '"The exact cause of the explosion has not been determined," said O\'Neill, on what was his first full day on the job.',
      'exact cause',
      "O'Neill",
    ],
    [
      '"I bailed you out twice," tweeted Prince Alwaleed, the nephew of the late King Abdullah, on Thursday, hours after Trump retweeted the image.',
      'bailed you out',
      'Prince Alwaleed, the nephew of the late King Abdullah',
    ],
    ['"We will stay," said Ms. Lee, during a visit to the plant in Ohio.', 'We will stay', 'Ms. Lee'],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });
});

describe('the means of a saying between the subject and its verb', () => {
  it('leaves "through a spokeswoman" out of the speaker', () => {
    const body = 'Schilling, through a spokeswoman, declined to comment on the post.';
    expect(mentionFor(body, 'to comment')).toBe('Schilling');
  });
});

describe('a party label inside an aside', () => {
  it('does not make a name inside a participle aside the speaker', () => {
    const body =
      'The committee, backed by committee chairman Fernand St Germain (D-RI) and House Speaker Jim Wright (D-Tex), voted 25-24 to change the amount.';
    expect(mentionFor(body, 'to change the amount')).not.toContain('Jim Wright');
  });
});

// A verb joined on inside a subordinate clause ("after she attacked ... and blamed", "where she gave a speech blaming")
// speaks with that clause's subject, not the sentence's (analyzer v33).
describe('a cue joined on inside a subordinate clause', () => {
  it.each([
    ['The senator criticised the governor after she attacked the police chief and blamed him for the riots.', 'him for the riots', 'she'],
    [
      'Smith spoke at the party congress in Bonn, where she gave a long speech blaming the government for the strike.',
      'the government for the strike',
      'she',
    ],
    [
      'Britain still opposes the tax after the Commission proposed a cut and promised compensation to exporters.',
      'compensation to exporters',
      'the Commission',
    ],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });

  it.each([
    // a participle after the clause's comma goes with the main clause
    ['The minister resigned after the results came out, blaming the press for his defeat.', 'the press for his defeat', 'The minister'],
    // "before" inside the subject is a preposition: the sentence's subject speaks
    ['The bill before the committee would cut the fund and prohibit new nonbank banks.', 'new nonbank banks', 'The bill'],
  ])('keeps the sentence speaker: %s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });
});

// A title in quotation marks closing the sentence, its stop inside the marks, stays in the speaker's description (v33).
describe('a title in quotation marks that closes the sentence', () => {
  it.each([
    [
      '"The market is nervous," said John Smith, a co-author of "Liar\'s Poker: Rising Through the Wreckage on Wall Street."',
      'The market is nervous',
      'John Smith, a co-author of "Liar\'s Poker: Rising Through the Wreckage on Wall Street."',
    ],
    [
      "''The market is nervous,'' said John Smith, a co-author of ''Liar's Poker.''",
      'The market is nervous',
      "John Smith, a co-author of ''Liar's Poker.''",
    ],
    // a quotation of speech after the speaker is no title
    ['"The market is nervous," said John Smith, a trader. "We sold."', 'The market is nervous', 'John Smith, a trader'],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });
});

// The wire's informed source: the noun before "familiar with", "close to", "involved in", "with knowledge of" speaks,
// with its phrase (v33; was only the phrase's object, "the matter", or no attribution at all).
describe('informed sources', () => {
  it.each([
    [
      'The bank will cut 500 jobs, a person familiar with the matter said on Sunday.',
      'will cut 500 jobs',
      'a person familiar with the matter',
    ],
    ['The bank will cut 500 jobs, sources close to the company said.', 'will cut 500 jobs', 'sources close to the company'],
    ['Sources involved in the negotiations say that a deal is near.', 'a deal is near', 'Sources involved in the negotiations'],
    [
      'The bank will cut 500 jobs, according to people with direct knowledge of the plan.',
      'will cut 500 jobs',
      'people with direct knowledge of the plan',
    ],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });
});

// A relation or partnership noun titles the name after it like a role (v33; "Trump running mate Gov. Mike Pence of
// Indiana" was "Indiana").
describe('a relation noun before a name', () => {
  it.each([
    [
      '"We will win," Trump running mate Gov. Mike Pence of Indiana told Fox News Sunday.',
      'We will win',
      'Trump running mate Gov. Mike Pence of Indiana',
    ],
    ["Trump's wife Melania said the remarks were offensive.", 'the remarks were offensive', "Trump's wife Melania"],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });
});

// A bare plural with its post-modifier signs off whole (v33; "..., traders in London said" was "London", "..., analysts
// polled by Reuters said" was no attribution).
describe('a bare plural speaker with its post-modifier', () => {
  it.each([
    ['The tender was hard to predict, traders in London said.', 'hard to predict', 'traders in London'],
    ['Profits will rise this year, analysts polled by Reuters said.', 'Profits will rise', 'analysts polled by Reuters'],
    [
      'Wholesale prices fell 5.9 pct in January, figures from the economics ministry show.',
      'Wholesale prices',
      'figures from the economics ministry',
    ],
    ['The rally was a success, families of those killed in the attack said.', 'The rally', 'families of those killed in the attack'],
    ['Voters across the continent say that the old parties have failed.', 'the old parties', 'Voters across the continent'],
  ])('%s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });
});

// Past an opening time phrase, a name ending in "-ing" or "-ed" is the subject, not an opening participle (v33; was none).
describe('a name like a participle after an opening phrase', () => {
  it('names Schilling', () => {
    const body = 'Earlier Wednesday, Schilling appeared on a radio show in Boston and defended his post.';
    expect(mentionFor(body, 'his post')).toBe('Schilling');
  });
  it('still reads an opening participle as no subject', () => {
    const body = 'Citing weak demand, the company cut its forecast and blamed the strong yen.';
    expect(mentionFor(body, 'the strong yen')).toBe('the company');
  });
});

describe("a firm's name that ends in a possessive's 's", () => {
  const speakerOf = (body: string, content: string): string | undefined =>
    extractQuotes(body, splitSentences(body)).find((x) => x.text.includes(content))?.speaker;

  it.each([
    ['"The outlook is weak," Moody\'s said.', 'outlook', "Moody's"],
    ['"It is good for everyone," McDonald\'s told reporters.', 'good', "McDonald's"],
  ])('keeps it right before a verb of saying: %s', (body, content, speaker) => {
    expect(speakerOf(body, content)).toBe(speaker);
  });

  it("drops it where the possessive owns a noun: Mr. Obama's bet is Obama's", () => {
    expect(speakerOf("Mr. Obama's bet is that voters will agree.", 'voters')).toBe('Obama');
  });
});

describe('the agency that asked or was told is no speaker', () => {
  const quoteWith = (body: string, content: string) => extractQuotes(body, splitSentences(body)).find((x) => x.text.includes(content));

  it('the people polled by it speak, unnamed', () => {
    const q = quoteWith('Japanese stocks could fall further, economists polled by Reuters said.', 'stocks');
    expect(q?.speaker).toBe('economists polled by Reuters');
    expect(q?.speakerResolved).toBeNull();
  });

  it('the one told is never the speaker', () => {
    const q = quoteWith('The strike idled 160 ships, a senior union official told Reuters.', 'strike');
    expect(q?.speaker).not.toBe('Reuters');
  });

  it('the agency speaking for itself still speaks', () => {
    expect(quoteWith('Reuters said the service will start in May.', 'service')?.speaker).toBe('Reuters');
  });
});

describe("the wire's notes and an organisation's full name", () => {
  const all = (body: string) => extractQuotes(body, splitSentences(body));

  it("a note under an earnings table is nobody's statement", () => {
    expect(
      all('Shr 12 cts vs 10 cts\nNet 1.2 mln vs 900,000\nNOTE: 1986 net includes a gain of 114,887 dlrs from the sale of a unit.'),
    ).toEqual([]);
  });

  it('"The Bank said" after the Bank of England is the Bank of England; an organisation\'s "for" is part of its name', () => {
    const body = 'Money supply grew, the Bank of England said. The Bank said that the issue was no longer operating.';
    expect(all(body).find((q) => q.text.includes('issue'))?.speaker).toBe('Bank of England');
    const oecd = 'Growth will slow, the Organisation for Economic Cooperation said.';
    expect(all(oecd)[0]?.speaker).toMatch(/^(the )?Organisation for Economic Cooperation$/);
  });

  it('"Company said", the wire\'s shorthand, is the company the story named', () => {
    const body = 'Acme Widgets Inc said first quarter net rose. Company also said it will raise its dividend to 12 cts.';
    expect(all(body).find((q) => q.text.includes('dividend'))?.speaker).toBe('Acme Widgets Inc');
  });

  it('a sentence-opening "Besides" is no speaker', () => {
    const body =
      'Six of 10 indicators available for January contributed to the decline. Besides contracts and orders for plant and ' +
      "equipment, they were building permits, manufacturers' new orders for consumer goods, and stock prices.";
    expect(all(body).map((q) => q.speaker)).not.toContain('Besides');
  });

  it('a "NOTE:" label inside a table line is no one speaking', () => {
    expect(all('Revs 73.5 mln vs 93.6 mln  NOTE: Results have been restated to reflect an equity investment in the unit.')).toEqual([]);
  });

  it('"the bank said" after the Bank of Japan is the Bank of Japan, with its "of"', () => {
    const body = 'The Bank of Japan cut its discount rate. The new guideline will go into effect on April 6, the bank said.';
    expect(all(body).find((q) => q.text.includes('guideline'))?.speaker).toBe('Bank of Japan');
  });
});

// session 17: read on the Reuters store, where analysts' firms had spoken for them
describe('a role, a name and its firm after what was said', () => {
  it.each([
    ['"The stock is cheap," analyst John Smith of Merrill Lynch said.', 'analyst John Smith of Merrill Lynch', 'John Smith'],
    ['The stock is cheap, analyst John Smith of Merrill Lynch said.', 'analyst John Smith of Merrill Lynch', 'John Smith'],
    [
      '"The Upjohn problem is that they have a tremendous placebo effect," panel member Paul Bergstresser of the University of Texas told the meeting.',
      'panel member Paul Bergstresser of the University of Texas',
      'Paul Bergstresser',
    ],
  ])('is the person, not the firm (was "Merrill Lynch", "Texas"): %s', (body, mention, speaker) => {
    const content = body.includes('placebo') ? 'placebo' : 'cheap';
    expect(mentionFor(body, content)).toBe(mention);
    expect(extractQuotes(body, splitSentences(body)).find((x) => x.text.includes(content))?.speaker).toBe(speaker);
  });

  it('keeps "First" opening a company\'s name and "Trust" closing one', () => {
    expect(mentionFor('The prime rate will rise to eight pct from 7.75 pct tomorrow, First Chicago Corp said.', 'prime rate')).toBe(
      'First Chicago Corp',
    );
    expect(mentionFor('Bankers Trust said it placed its loans to Brazil on non-accrual.', 'non-accrual')).toBe('Bankers Trust');
  });
});

describe('an "it" that stands for no one', () => {
  it('leaves "It has been reported that ..." unattributed, not to the company named last', () => {
    const body = 'Acme Corp said it will sell its stake in the unit. It has been reported that the company will also close two plants.';
    const q = extractQuotes(body, splitSentences(body)).find((x) => x.text.includes('close two plants'));
    expect(q?.speaker).toBe('unknown');
    expect(q?.speakerResolved).toBeNull();
  });
});

// session 17: direct quotations that were "unnamed speaker" although the sentence before the quotation named them
describe('an attribution before the quotation with something between the speaker and the verb', () => {
  const speakerOf = (body: string, content: string): string | undefined =>
    extractQuotes(body, splitSentences(body)).find((x) => x.text.includes(content))?.speaker;

  it.each([
    [
      'Paul Wright, Fairchild president and chief operating officer, said, "With the settlement we have put the problem programs behind us."',
      'Paul Wright',
    ],
    ['The spokesman, who asked not to be identified, said: "I would not draw any conclusion from the cancellation."', 'The spokesman'],
    [
      'NYMEX President Rosemary McFadden, said, "Expansion of the EFP provision will add to globalization of the energy markets."',
      'Rosemary McFadden',
    ],
    [
      'Taiwan\'s ambassador in Montevideo, Henry Wang, told reporters, "Both countries are finishing details to arrive at a price."',
      'Henry Wang',
    ],
    ['Baker said "Brazil is not defaulting on its debt," and pointed out its moratorium was temporary.', 'Baker'],
  ])('is the speaker (was unknown): %s', (body, speaker) => {
    const content = /"(\w+ \w+)/.exec(body)![1]!;
    expect(speakerOf(body, content)).toBe(speaker);
  });

  it('finds no quotation in a wish to stay unnamed ("who asked not to be identified")', () => {
    const body = 'An official, who declined to be named, said the talks had failed.';
    expect(extractQuotes(body, splitSentences(body)).map((q) => q.text)).toEqual(['the talks had failed']);
  });

  it('gives a quotation nobody signs to the one reported speaking just before, not to an earlier quotation', () => {
    const body =
      'A Chinese Foreign Ministry spokesman told journalists: "The talks are still in progress."\n' +
      'Portuguese Ambassador Octavio Valerio said the next formal talks would be Monday. "It will be the last one and we hope there will be a communique."';
    expect(speakerOf(body, 'It will be the last one')).toBe('Octavio Valerio');
  });
});

describe('the text of a quotation', () => {
  it("keeps a company's opening bracket when its content opens on the company's name", () => {
    const body = '<Qantas Airways Ltd> has placed a firm order with Boeing Co <BA> for four aircraft, the company said.';
    const [q] = extractQuotes(body, splitSentences(body));
    expect(q!.text.startsWith('<Qantas Airways Ltd> has placed')).toBe(true);
    expect(body.slice(q!.start, q!.end)).toBe(q!.text);
  });
});

describe('a verb inside the speaker is where the subject ends', () => {
  const all = (body: string) => extractQuotes(body, splitSentences(body));

  it.each([
    [
      'In January, Warren issued a report arguing that U.S. companies get away with crimes that regulators ignore.',
      'U.S. companies',
      'Warren',
    ],
    ["Band's memo provided data showing how much money each of the clients paid.", 'how much', "Band's memo"],
    [
      'The Kuwaiti response came as Iranian envoys toured Gulf Arab states saying responsibility for security was theirs.',
      'responsibility',
      'Iranian envoys',
    ],
  ])('the subject of a past verb speaks, not the subject and its predicate: %s', (body, content, mention) => {
    expect(mentionFor(body, content)).toBe(mention);
  });

  it('a participle that dates its source still belongs to it', () => {
    expect(
      mentionFor('The latest Reuters/Ipsos opinion poll released Friday showed that Clinton leads by four points.', 'Clinton leads'),
    ).toBe('The latest Reuters/Ipsos opinion poll released Friday');
  });

  it.each([
    ['French state-owned aluminium and special metals group Pechiney said it has signed two protocols.', 'Pechiney'],
    ['State owned Beirut Radio quoted witnesses as saying one helicopter was downed.', 'Beirut Radio'],
  ])("the wire's compound modifiers are no verbs: %s", (body, name) => {
    expect(all(body)[0]?.speaker).toContain(name);
  });

  it('a reporting verb\'s clause keeps its own subject ("Wall Street speculated the board was discussing")', () => {
    const body = "Piedmont's board was meeting today, and Wall Street speculated the board was discussing opposing bids from Norfolk.";
    expect(all(body).map((q) => (q.speakerMention ? body.slice(q.speakerMention.start, q.speakerMention.end) : null))).not.toContain(
      'Wall Street',
    );
  });

  it("the possessor of a noun cue in the object speaks, not the sentence's subject", () => {
    const body = "The agency cited SCI's announcement that it agreed to sell the unit for 1.2 billion dlrs.";
    expect(all(body).find((q) => q.text.includes('agreed'))?.speaker).not.toBe('agency');
  });

  it('a noun after its determiner reports only when it names a saying', () => {
    expect(all('Swissair yesterday confirmed an order for the MD-11 long haul jets worth 1.2 billion Swiss francs.')).toEqual([]);
    const body = 'Reagan made no mention of the stock market when he gave his speech.';
    expect(mentionFor(body, 'stock market')).toBe('Reagan');
  });
});

describe('the day a source came out', () => {
  // a model that takes the weekday for a cue word, as the models trained on three folds of dev do
  const dayCue: CueModel = { ...shipped, weights: { ...shipped.weights, 'w=friday': 6 } };

  it.each([
    [
      'A new Politico/Morning Consult poll conducted Friday shows that Trump remains five points back.',
      'A new Politico/Morning Consult poll conducted Friday',
    ],
    ['An ABC News tracking poll published on Friday showed that he trails by 12 points.', 'An ABC News tracking poll published on Friday'],
  ])('dates the source, with its participle, and is no part of the cue: %s', (body, mention) => {
    const q = extractQuotes(body, splitSentences(body), dayCue).find((x) => x.text.includes('that'));
    expect(q?.verb).toMatch(/^show/);
    expect(q && q.speakerMention ? body.slice(q.speakerMention.start, q.speakerMention.end) : null).toBe(mention);
  });

  it('names the source before the participle, not the day', () => {
    const body = 'Minutes of the February meeting released Friday showed that the Fed was more inclined to firm.';
    expect(extractQuotes(body, splitSentences(body))[0]?.speaker).not.toBe('Friday');
  });
});

describe('a possessive before an adjective and a noun cue', () => {
  it.each([
    [
      'The main takeaway was his stern warning that illegal immigrants convicted of crimes will not be allowed to stay.',
      'illegal immigrants',
    ],
    ['However, his three-paragraph statement gave no hint of what action the White House would take.', 'no hint'],
  ])('the possessor speaks, not the possessor and the adjective: %s', (body, content) => {
    expect(mentionFor(body, content)).toBe('his');
  });
});
