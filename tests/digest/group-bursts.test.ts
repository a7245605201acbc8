import { describe, expect, it } from 'vitest';
import { groupStories } from '../../src/digest/grouping/group-stories.js';
import { DEFAULT_GROUPING } from '../../src/digest/grouping/options.js';
import { placeTermCount, storyTerms, termNames } from '../../src/digest/grouping/story-terms.js';
import type { GroupInput, HeadlineHistory, TermBackground } from '../../src/digest/grouping/types.js';
import { headlineHistory } from '../../src/digest/headline-history.js';
import { headlineShapes } from '../../src/digest/headline-templates.js';

const NOON = Date.parse('1987-10-20T12:00:00Z');

/** A reported wire story: a headline, a lead and a body of `bodyWords` words. */
function story(id: string, hoursAgo: number, headline: string, lead: string, bodyWords = 300): GroupInput {
  return { id, publishedMs: NOON - hoursAgo * 3_600_000, headline, lead, placeKeys: [], bodyWords };
}

/** A made-up word of letters only, different for each i (a name of the day's other news). */
function word(i: number): string {
  return `q${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
}

/** The day's other news: one story each, on subjects of their own. */
function otherNews(n: number): GroupInput[] {
  const topics = ['harvest', 'museum', 'election', 'tennis', 'pipeline', 'vaccine', 'satellite', 'drought', 'festival', 'airline'];
  const verbs = ['opens', 'delays', 'wins', 'faces', 'ends'];
  return Array.from({ length: n }, (_, i) => {
    const topic = topics[i % topics.length]!;
    return story(
      `o${i}`,
      (i % 20) + 1,
      `${word(i)} ${topic} ${verbs[i % verbs.length]}`,
      `The ${topic} of ${word(i)} ${verbs[i % verbs.length]}, officials said.`,
    );
  });
}

/**
 * The rest of the store: `size` stories like today's, except that each of `common` is held by `share`
 * of them (a wire's every-day words) and nothing else of today's is.
 */
function storeOf(today: readonly GroupInput[], size: number, common: readonly string[], share: number): TermBackground {
  const counts = new Map<string, number>();
  for (const st of today) for (const [t] of storyTerms(st.headline, st.lead, st.placeKeys)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const usual = new Set(common);
  return {
    stories: size + today.length,
    storiesWith: (term) => (counts.get(String(term)) ?? 0) + (usual.has(String(term)) ? share * size : 0),
  };
}

/** The group holding each id. */
function groupOf(groups: { ids: string[] }[]): Map<string, number> {
  const of = new Map<string, number>();
  groups.forEach((g, k) => g.ids.forEach((id) => of.set(id, k)));
  return of;
}

// Reuters, 19-20 October 1987: the crash told by a dozen bureaus in their own words. "stock" and
// "market" are in a wire's stories every day (5% of the store: no name), but in most of today's.
const crash = [
  story('c1', 12, 'Tokyo stock market dives at opening', 'Tokyo stock prices dived as the stock market opened after the Wall Street rout.'),
  story(
    'c2',
    11,
    'Thai stocks plunge on world market trend',
    'Thai stock prices plunged as investors followed world stock market declines.',
  ),
  story(
    'c3',
    10,
    'Lawson calls stock market fall absurd',
    'Chancellor Nigel Lawson said the fall on the stock market was an absurd over-reaction.',
  ),
  story(
    'c4',
    9,
    'Wall Street stock market suffers worst ever selloff',
    'Wall Street stock prices tumbled in the worst selloff in the history of the stock market.',
  ),
  story(
    'c5',
    8,
    'Reagan meets advisers on stock market',
    'President Reagan discussed the stock market collapse with his advisers at lunch.',
  ),
  story(
    'c6',
    7,
    'Bankers warn of extended stock market drop',
    'Bank executives said a longer drop in the stock market could hurt borrowing.',
  ),
  story(
    'c7',
    6,
    'Nakasone says he is watching stock market',
    'Prime Minister Yasuhiro Nakasone said he was watching the stock market closely.',
  ),
  story(
    'c8',
    5,
    'Stock market collapse strains computer systems',
    'Computer systems of brokers were strained by the record volume of the stock market collapse.',
  ),
  story('c9', 4, 'Senator urges action to calm stock market', 'A senator urged Congress to act on the budget to calm the stock market.'),
  story(
    'c10',
    3,
    'Stock market tumble may scare retirees',
    'The stock market tumble may scare retirees away from stock investments, planners said.',
  ),
  story(
    'c11',
    2,
    'Economists fear recession after stock market crash',
    'Economists said the stock market crash could bring a world recession.',
  ),
  story(
    'c12',
    1,
    'Exchange chairman says stock market decline is no crash',
    'The exchange chairman said the stock market decline was a correction, not a crash.',
  ),
  story(
    'c13',
    12,
    'Swiss analysts see precarious mood on stock market',
    'Swiss analysts said the mood on the stock market was precarious after the sell-off.',
  ),
  story(
    'c14',
    11,
    'Mexican stock market head sees no crisis',
    'The head of the Mexican stock exchange said the stock market fall was no crisis.',
  ),
  story(
    'c15',
    10,
    'Dow falls more than 500 points as stock market slides',
    'The Dow Jones average fell 508 points as the stock market slid.',
  ),
  story('c16', 9, 'Japan tries to stem stock market dive', 'Japanese authorities tried to calm panic on the stock market.'),
];

describe('groupStories: a day with one huge story', () => {
  // A company's buyback on the day (its own news, named by ticker) and another country's figures
  // sharing one of the day's words.
  const buyback = story(
    'b1',
    3,
    'Gottschalks <GOT> to buy back stock',
    'Gottschalks Inc said it will buy back its stock on the open market.',
    80,
  );
  const brazil = story(
    't1',
    2,
    'Brazil posts record market trade surplus',
    'Brazil posted a record trade surplus in September, the central bank said.',
  );
  const today = [...otherNews(60), ...crash, buyback, brazil];
  const background = storeOf(today, 10_000, ['stock', 'market', 'price', 'trade'], 0.05);

  it('groups the stories told in its everyday words into one item, leaving company news and other news apart', () => {
    const groups = groupStories(today, NOON, DEFAULT_GROUPING, background);
    const of = groupOf(groups);
    expect(new Set(crash.map((st) => of.get(st.id))).size).toBe(1);
    expect(groups[0]!.ids).toHaveLength(crash.length);
    expect(of.get('b1')).not.toBe(of.get('c1'));
    expect(of.get('t1')).not.toBe(of.get('c1'));
  });

  it('does so because its words burst today: the same stories on a day they are only common stay apart', () => {
    const noBurst = groupOf(groupStories(today, NOON, { ...DEFAULT_GROUPING, burstHeadlines: Infinity }, background));
    expect(new Set(crash.map((st) => noBurst.get(st.id))).size).toBeGreaterThan(crash.length / 2);
  });
});

describe('groupStories: a day with two bursts of two stories', () => {
  // Reuters, 1987-03-03: a day of export figures and a day of bond issues at once. Each word bursts, but
  // no headline of either kind holds the other's; a story that holds both by chance is neither's story.
  const figures = Array.from({ length: 16 }, (_, i) =>
    story(`x${i}`, (i % 10) + 1, `${word(i + 200)} exports rise in January`, `${word(i + 200)} said its exports rose in January.`),
  );
  const bonds = Array.from({ length: 16 }, (_, i) =>
    story(`y${i}`, (i % 10) + 1, `${word(i + 300)} issues 100 mln dlr bond`, `${word(i + 300)} said it issued a 100 mln dlr bond.`),
  );
  const swiss = story(
    's1',
    9,
    'Swiss capital exports rise in January',
    'Swiss capital exports rose in January, the central bank said, new bond issues accounting for most of them.',
  );
  // (the one headline of the day that writes both)
  const chips = story(
    's2',
    6,
    'Japan to issue new chip export rules',
    'The trade ministry will ask chipmakers to issue certificates to authorised exporters.',
  );
  const today = [...otherNews(60), ...figures, ...bonds, swiss, chips];
  // (words a wire writes every week: no name, no anchor of their own)
  const background = storeOf(today, 10_000, ['export', 'issu', 'rise', 'bond'], 0.04);

  it('ties no one by the two: the figures and the chip rules stay apart', () => {
    const of = groupOf(groupStories(today, NOON, DEFAULT_GROUPING, background));
    expect(of.get('s1')).not.toBe(of.get('s2'));
  });

  it('would tie them if one headline writing both were a way the day tells one story', () => {
    const of = groupOf(groupStories(today, NOON, { ...DEFAULT_GROUPING, burstPairHeadlines: 1 }, background));
    expect(of.get('s1')).toBe(of.get('s2'));
  });
});

describe('groupStories: a big story whose second word is an everyday one', () => {
  // Reuters, 19 October 1987: "market" bursts, but "stock" is in a tenth of a wire's stories every day
  // (common stock, stock splits), so its rise today falls short of a burst alone. Most of the day's
  // headlines with "stock" are the market's story, though, and some write the two together.
  const both = [
    'Bankers warn of extended stock market drop',
    'Stock market fall may be bad omen for party',
    'Stock market slide strains brokers',
    'Stock market dive calls for summit',
  ];
  const marketOnly = [
    'Market fall discussed at president lunch',
    'Exchange chairman says market decline no crash',
    'Swiss analysts say mood on markets precarious',
    'Closing of markets not under discussion',
    'Merchant banks confident in markets',
  ];
  const stockOnly = [
    'Tokyo brokers see sharp early stock fall',
    'Chamber says stock drop has run course',
    'Senate leader asks action on stock fall',
    'Japanese stocks will fall, but less',
    'Pension funds hold on to stocks',
  ];
  const dive = [...both, ...marketOnly, ...stockOnly].map((headline, i) =>
    story(
      `d${i}`,
      (i % 12) + 1,
      headline,
      `Officials and dealers said the stock market slide went on as ${word(i + 400)} watched the panic.`,
    ),
  );
  // A stock of rubber and a market for maize: the day's words, other news.
  const rubber = story(
    'u1',
    5,
    'Rubber buffer stock manager says quality acceptable',
    'The rubber buffer stock manager said rubber in stock was of acceptable quality.',
  );
  const maize = story('u2', 4, 'Thai traders plan maize futures market', 'Thai traders plan a futures market for maize next year.');
  const today = [...otherNews(60), ...dive, rubber, maize];
  // "stock" in 7% of the store's stories, "market" in 4% (common words both: no names).
  const common = storeOf(today, 10_000, ['stock', 'price'], 0.07);
  const store: TermBackground = {
    stories: common.stories,
    storiesWith: (term) => common.storiesWith(term) + (term === 'market' ? 400 : 0),
  };

  it('groups its reports into one item through the word written with the burst, leaving the rubber stock and the maize market apart', () => {
    const of = groupOf(groupStories(today, NOON, DEFAULT_GROUPING, store));
    expect(new Set(dive.map((st) => of.get(st.id))).size).toBe(1);
    expect(of.get('u1')).not.toBe(of.get('d0'));
    expect(of.get('u2')).not.toBe(of.get('d0'));
  });

  it('does so through the companion: without it the reports told with "stock" alone stay apart', () => {
    const of = groupOf(groupStories(today, NOON, { ...DEFAULT_GROUPING, burstCompanionShare: Infinity }, store));
    expect(new Set(dive.map((st) => of.get(st.id))).size).toBeGreaterThan(1);
  });

  it('takes no companion that two days before had in their headlines: a beat', () => {
    // Two days of history with a buyback ("stock") in the headlines of each.
    const days = Array.from({ length: 2 }, (_, d) =>
      [...Array.from({ length: 100 }, (_, i) => `report ${d} number ${i} on the economy`), `${word(d + 500)} to buy back stock`].flatMap(
        headlineShapes,
      ),
    );
    const of = groupOf(groupStories(today, NOON, DEFAULT_GROUPING, store, headlineHistory(days)));
    expect(new Set(dive.map((st) => of.get(st.id))).size).toBeGreaterThan(1);
  });
});

const COMMODITIES = [
  ...['lead', 'zinc', 'gold', 'silver', 'copper', 'nickel', 'aluminium', 'platinum', 'hog', 'cattle'],
  ...['corn', 'wheat', 'soybean', 'oats', 'coffee', 'sugar', 'cocoa', 'cotton', 'rubber', 'lumber'],
];

/**
 * Reuters, 1987-04-08: a busy day of closing reports, one per commodity, each a short story of its own
 * ("LME LEAD CLOSES FIRMER", "LIVE HOG FUTURES UP"): the same frame words in most of them.
 */
function routineReports(): ReturnType<typeof story>[] {
  const moves = ['higher', 'steady', 'firmer'];
  return COMMODITIES.map((c, i) =>
    story(
      `r${i}`,
      (i % 12) + 1,
      `${c} futures close ${moves[i % moves.length]}`,
      `${c} futures closed ${moves[i % moves.length]} in active trade on the exchange, dealers said.`,
      150,
    ),
  );
}

describe('groupStories: a day of routine market reports', () => {
  const reports = routineReports();
  const today = [...otherNews(60), ...reports];
  const background = storeOf(today, 10_000, ['futur', 'close', 'higher', 'steadi', 'firmer', 'activ', 'trade', 'exchang', 'dealer'], 0.05);
  // The fortnight before: the frame words in the headlines of every day, the commodities on a few.
  const days = Array.from({ length: 14 }, (_, d) =>
    [
      ...Array.from({ length: 100 }, (_, i) => `report ${d} number ${i} on the economy`),
      `${COMMODITIES[d % COMMODITIES.length]} futures close higher`,
      'grain futures close steady',
      'metal futures close firmer',
    ].flatMap(headlineShapes),
  );
  const history: HeadlineHistory = headlineHistory(days);

  it('keeps the reports of different commodities apart: frame words in the headlines every day are no burst', () => {
    const of = groupOf(groupStories(today, NOON, DEFAULT_GROUPING, background, history));
    expect(new Set(reports.map((r) => of.get(r.id))).size).toBe(reports.length);
  });

  it('would make them one item if their frame words were news (no history to tell a beat by)', () => {
    const of = groupOf(groupStories(today, NOON, DEFAULT_GROUPING, background));
    expect(new Set(reports.map((r) => of.get(r.id))).size).toBeLessThan(reports.length / 2);
  });
});

describe('groupStories: a busy actor', () => {
  it("keeps a body's separate acts apart: a name the store writes every day is no burst however busy today", () => {
    // Reuters, 1987-06-19: the World Bank lends to a country after another (its name in most
    // headlines, as common in the store as "loan"); each loan is its own news.
    const countries = [
      ...['Portugal', 'China', 'Jordan', 'Pakistan', 'Mexico', 'Kenya', 'Peru', 'Chile'],
      ...['Ghana', 'Nepal', 'Egypt', 'Turkey', 'Brazil', 'India', 'Morocco', 'Bolivia'],
    ];
    const loans = countries
      .map((c, i) =>
        story(
          `l${i}`,
          (i % 12) + 1,
          `World Bank loans ${c} ${(i + 2) * 50} mln dlrs`,
          `The World Bank said it approved a loan of ${(i + 2) * 50} mln dlrs to ${c} for its ${word(i + 100)} project.`,
          120,
        ),
      )
      .map((st, i) => ({ ...st, placeKeys: [`c:${countries[i]}`], placeNames: [countries[i]!] }));
    const today = [...otherNews(60), ...loans];
    const background = storeOf(today, 10_000, ['world', 'bank', 'loan', 'approv', 'project'], 0.05);
    const of = groupOf(groupStories(today, NOON, DEFAULT_GROUPING, background));
    expect(new Set(loans.map((l) => of.get(l.id))).size).toBe(loans.length);
  });
});

/**
 * The stories with their terms as store ids (`GroupInput.terms`), as a digest gives them, and the
 * background by id: a burst's word is then found through the headlines holding the id.
 */
function asStoreIds(today: readonly GroupInput[], background: TermBackground): { stories: GroupInput[]; background: TermBackground } {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const idOf = (term: string): number => {
    let id = ids.get(term);
    if (id === undefined) ids.set(term, (id = words.push(term)));
    return id;
  };
  const stories = today.map((st): GroupInput => {
    const terms = storyTerms(st.headline, st.lead, st.placeKeys, st.placeNames);
    return {
      ...st,
      lead: '',
      terms: {
        ids: terms.map(([t]) => idOf(t)),
        counts: terms.map(([, c]) => c),
        names: termNames(st.lead, terms),
        places: placeTermCount(terms),
      },
    };
  });
  const storiesWith = (term: number | string): number => background.storiesWith(typeof term === 'number' ? words[term - 1]! : term);
  return { stories, background: { stories: background.stories, storiesWith } };
}

describe('groupStories: terms given as store ids', () => {
  // The crash day of above, judged against a fortnight whose headlines never say "stock" or "market",
  // and the routine day, whose frame words are in every day's headlines: the history is asked by word.
  const crashDay = [...otherNews(60), ...crash];
  const crashBackground = storeOf(crashDay, 10_000, ['stock', 'market', 'price', 'trade'], 0.05);
  const quietDays = Array.from({ length: 14 }, (_, d) =>
    Array.from({ length: 100 }, (_, i) => `report ${d} number ${i} on the economy`).flatMap(headlineShapes),
  );
  // The routine day of above, as it was.
  const futures = routineReports();
  const routineDay = [...otherNews(60), ...futures];
  const routineBackground = storeOf(
    routineDay,
    10_000,
    ['futur', 'close', 'higher', 'steadi', 'firmer', 'activ', 'trade', 'exchang', 'dealer'],
    0.05,
  );
  const frameDays = Array.from({ length: 14 }, (_, d) =>
    [
      ...Array.from({ length: 100 }, (_, i) => `report ${d} number ${i} on the economy`),
      `${COMMODITIES[d % COMMODITIES.length]} futures close higher`,
      'grain futures close steady',
      'metal futures close firmer',
    ].flatMap(headlineShapes),
  );

  it('groups as the same stories given by their words do', () => {
    for (const [today, background, days] of [
      [crashDay, crashBackground, quietDays],
      [routineDay, routineBackground, frameDays],
    ] as const) {
      const byWords = groupStories(today, NOON, DEFAULT_GROUPING, background, headlineHistory(days));
      const byIds = asStoreIds(today, background);
      expect(groupStories(byIds.stories, NOON, DEFAULT_GROUPING, byIds.background, headlineHistory(days))).toEqual(byWords);
    }
  });

  it('still tells the burst from the beat by the words of their headlines', () => {
    const crashIds = asStoreIds(crashDay, crashBackground);
    const crashGroups = groupOf(groupStories(crashIds.stories, NOON, DEFAULT_GROUPING, crashIds.background, headlineHistory(quietDays)));
    expect(new Set(crash.map((st) => crashGroups.get(st.id))).size).toBe(1);
    const routine = asStoreIds(routineDay, routineBackground);
    const routineGroups = groupOf(groupStories(routine.stories, NOON, DEFAULT_GROUPING, routine.background, headlineHistory(frameDays)));
    expect(new Set(futures.map((st) => routineGroups.get(st.id))).size).toBe(futures.length);
  });
});
