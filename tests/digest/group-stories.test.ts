import { describe, expect, it } from 'vitest';
import { groupStories } from '../../src/digest/grouping/group-stories.js';
import { DEFAULT_GROUPING } from '../../src/digest/grouping/options.js';
import { headlineTickers, placeTermCount, storyTerms, termNames } from '../../src/digest/grouping/story-terms.js';
import type { GroupInput, TermBackground } from '../../src/digest/grouping/types.js';

const DAY = 86_400_000;
const NOON = Date.parse('2024-03-05T12:00:00Z');

/** A short hand-made story: a headline and a lead, places as keys and as written. */
function s(id: string, hoursAgo: number, headline: string, lead: string, places: [key: string, name: string][] = []): GroupInput {
  return {
    id,
    publishedMs: NOON - hoursAgo * 3_600_000,
    headline,
    lead,
    placeKeys: places.map(([k]) => k),
    placeNames: places.map(([, n]) => n),
  };
}

const JAPAN: [string, string] = ['c:JP', 'Japan'];
const TOKYO: [string, string] = ['g:1850147', 'Tokyo'];

/** Unrelated stories around the events, so that idf means something (a day is never only two events). */
function filler(n: number): GroupInput[] {
  const topics = [
    'harvest',
    'museum',
    'election',
    'tennis',
    'pipeline',
    'vaccine',
    'satellite',
    'drought',
    'festival',
    'airline',
    'tariff',
    'railway',
  ];
  const verbs = ['opens', 'delays', 'wins', 'faces', 'plans', 'ends'];
  return Array.from({ length: n }, (_, i) => {
    const topic = topics[i % topics.length]!;
    const other = topics[(i * 7 + 3) % topics.length]!;
    return s(
      `f${i}`,
      (i % 20) + 1,
      `${topic} ${verbs[i % verbs.length]} in region ${i}`,
      `Officials said the ${topic} and the ${other} plan number ${i} went ahead.`,
    );
  });
}

/** The group holding each id. */
function groupOf(groups: { ids: string[] }[]): Map<string, number> {
  const of = new Map<string, number>();
  groups.forEach((g, k) => g.ids.forEach((id) => of.set(id, k)));
  return of;
}

describe('headlineTickers', () => {
  it('reads the bracketed tickers a wire headline names, each once, as the ticker pattern matches them', () => {
    expect(headlineTickers('BRT REALTY TRUST <BRT> SETS PAYOUT')).toEqual(['BRT']);
    expect(headlineTickers('SEARS <S> UNIT, <CMAC.S> AND <S> AGREE')).toEqual(['S', 'CMAC.S']);
    // Not a ticker: a bracketed name, a run longer than ten characters, a leading dot, nothing inside.
    expect(headlineTickers('<Georgia Gulf Corp> BUYS <ABCDEFGHIJK> <.AB> <> UNIT')).toEqual([]);
    expect(headlineTickers('<ABCDEFGHIJ> AND <A.........>')).toEqual(['ABCDEFGHIJ', 'A.........']);
    // A bracket inside another's run starts a match of its own; one after a match's '>' too.
    expect(headlineTickers('<<AB> <AB<CD> <E><F>')).toEqual(['AB', 'CD', 'E', 'F']);
  });
});

describe('termNames', () => {
  it('tells names from common words by how the lead writes them inside a sentence', () => {
    const terms: [string, number][] = [
      ['unemploy', 3],
      ['viacom', 3],
      ['redston', 1],
      ['tin', 1],
      ['up', 3],
      ['@c:US', 1],
    ];
    const lead =
      'Viacom said the unemployment of staff would not affect its talks with Redstone. The Association of Tin Producing Countries cut tin exports.';
    // unemployment: lower-case; Viacom: only a sentence's first word; Redstone: a name; tin: lower-case once;
    // "ups": not in the lead; a place key says nothing.
    expect(termNames(lead, terms)).toEqual([2, 0, 1, 2, 3, 0]);
    // Title case (a headline as text) or all capitals: capitals tell nothing.
    expect(termNames('Viacom Rejects Redstone Offer As Unemployment Rises', terms)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(termNames('VIACOM REJECTS REDSTONE OFFER', terms)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('storyTerms', () => {
  it('leaves place words to the place keys, drops filler words, and puts the places last', () => {
    const terms = storyTerms(
      'Swiss franc bond for Jutland Telephone',
      'Jutland Telephone said it issued a 100 mln Swiss franc bond.',
      ['c:CH', 'g:1'],
      ['Swiss', 'Jutland'],
    );
    const words = terms.map(([t]) => t);
    expect(words).not.toContain('swiss');
    expect(words).not.toContain('jutland');
    expect(words).not.toContain('said');
    expect(words).not.toContain('mln');
    expect(words).not.toContain('franc');
    expect(words).toContain('telephon');
    expect(words).toContain('bond');
    expect(words.slice(-2)).toEqual(['@c:CH', '@g:1']);
    expect(placeTermCount(terms)).toBe(2);
  });
});

describe('groupStories', () => {
  it('keeps two events apart that share only a country name', () => {
    const stories = [
      ...filler(40),
      s(
        'quake1',
        3,
        'Strong earthquake shakes northern Japan',
        'A strong earthquake shook northern Japan, damaging houses and cutting power.',
        [JAPAN],
      ),
      s(
        'quake2',
        2,
        'Japan earthquake damages houses, cuts power',
        'The earthquake in Japan damaged hundreds of houses; power was cut to thousands.',
        [JAPAN],
      ),
      s('trade1', 4, 'Japan trade surplus widens in January', 'Japan reported a wider trade surplus for January as exports grew.', [
        JAPAN,
        TOKYO,
      ]),
      s(
        'trade2',
        1,
        'Japan January exports lift trade surplus',
        'Exports lifted the trade surplus of Japan in January, the ministry in Tokyo said.',
        [JAPAN, TOKYO],
      ),
    ];
    const of = groupOf(groupStories(stories, NOON));
    expect(of.get('quake1')).toBe(of.get('quake2'));
    expect(of.get('trade1')).toBe(of.get('trade2'));
    expect(of.get('quake1')).not.toBe(of.get('trade1'));
  });

  it('keeps stories apart that share only a generic word ("Swiss", "said", a currency)', () => {
    const stories = [
      ...filler(40),
      s('cap', 5, 'Swiss capital exports rise', 'Swiss capital exports rose in January, the National Bank said.', [['c:CH', 'Swiss']]),
      s('note', 4, 'Standard Oil Swiss franc note', 'Standard Oil said it would issue a 100 mln Swiss franc note.', [['c:CH', 'Swiss']]),
      s('bond', 3, 'Jutland Telephone issues bond', 'Jutland Telephone said it issued a Swiss franc bond of 50 mln.', [
        ['c:CH', 'Swiss'],
        ['g:2', 'Jutland'],
      ]),
    ];
    const of = groupOf(groupStories(stories, NOON));
    expect(new Set([of.get('cap'), of.get('note'), of.get('bond')]).size).toBe(3);
  });

  it("keeps different issuers' bond issues apart (a topic's words are not an event), and one issuer's stories together", () => {
    // Reuters-style wire stories with bodies: every bond issue is told in the same words (bond, issue,
    // coupon, lead manager, priced at par), which the rest of the store uses every day; the issuers'
    // names are rare there. Different issuers are different events.
    const bond = (id: string, hoursAgo: number, headline: string, lead: string, places: [string, string][]) => ({
      ...s(id, hoursAgo, headline, lead, places),
      bodyWords: 120,
    });
    const SWISS: [string, string] = ['c:CH', 'Swiss'];
    const LUX: [string, string] = ['c:LU', 'Luxembourg'];
    const issues = [
      bond(
        'saab1',
        6,
        'Saab-Scania issues Swiss franc bond',
        'Saab-Scania is issuing a 150 mln Swiss franc bond due 1997 with a coupon of 5 pct, priced at par, the lead manager said.',
        [SWISS],
      ),
      bond(
        'coe',
        5,
        'Council of Europe issues Luxembourg franc bond',
        'The Council of Europe is issuing a 500 mln Luxembourg franc bond due 1994 with a coupon of 7 pct, priced at par, the lead manager said.',
        [LUX],
      ),
      bond(
        'holiday',
        4,
        'Holiday Corp bond issue priced',
        'Holiday Corp is issuing a 200 mln dlr bond due 1995 with a coupon of 8 pct, priced at par, said the lead manager.',
        [],
      ),
      bond(
        'saab2',
        3,
        'Saab-Scania bond terms set',
        'Saab-Scania set the terms of its Swiss franc bond: the coupon of 5 pct and the price at par, lead manager Credit Suisse said.',
        [SWISS],
      ),
    ];
    const today = [...filler(40), ...issues];
    const counts = new Map<string, number>();
    for (const st of today)
      for (const [t] of storyTerms(st.headline, st.lead, st.placeKeys, st.placeNames)) counts.set(t, (counts.get(t) ?? 0) + 1);
    // The rest of the store (10,000 stories): a tenth of it is bond issues; the issuers' names never came up.
    const TOPIC = new Set(['bond', 'issu', 'coupon', 'lead', 'manag', 'price', 'par', 'due', 'term', 'set']);
    const background: TermBackground = {
      stories: 10_000 + today.length,
      storiesWith: (term) => (counts.get(String(term)) ?? 0) + (TOPIC.has(String(term)) ? 1000 : 0),
    };
    const of = groupOf(groupStories(today, NOON, DEFAULT_GROUPING, background));
    expect(of.get('saab1')).toBe(of.get('saab2'));
    expect(new Set(['saab1', 'coe', 'holiday'].map((id) => of.get(id))).size).toBe(3);
    // Sharing the topic's words is what would join them: with every word an anchor, even one the leads
    // write lower-case, one issuer's bond and another's are one item.
    const topic = groupOf(groupStories(today, NOON, { ...DEFAULT_GROUPING, anchorExpected: Infinity, describingWords: 1 }, background));
    expect(new Set(['saab1', 'coe', 'holiday'].map((id) => topic.get(id))).size).toBeLessThan(3);
  });

  it('keeps apart wire stories whose headlines name different companies by ticker, however many words they share', () => {
    const wire = (id: string, hoursAgo: number, headline: string, lead: string) => ({ ...s(id, hoursAgo, headline, lead), bodyWords: 120 });
    const realty = [
      wire('brt', 5, 'BRT REALTY TRUST <BRT> RAISES QUARTERLY PAYOUT', 'BRT Realty Trust raised its quarterly payout to 40 cts a share.'),
      wire(
        'uht',
        4,
        'UNIVERSAL HEALTH REALTY <UHT> SETS INITIAL PAYOUT',
        'Universal Health Realty set an initial quarterly payout of 40 cts.',
      ),
      wire('brt2', 3, 'BRT REALTY <BRT> SEES HIGHER PAYOUT', 'BRT Realty Trust said its quarterly payout would rise again.'),
    ];
    const today = [...filler(40), ...realty];
    const of = groupOf(groupStories(today, NOON));
    expect(of.get('brt')).toBe(of.get('brt2'));
    expect(of.get('uht')).not.toBe(of.get('brt'));
    // Headlines alone, without the tickers, the same words make them one item; with them, two.
    const headlines = today.map((st) => ({ ...st, lead: '', bodyWords: 0 }));
    const joined = groupOf(
      groupStories(
        headlines.map((st) => ({ ...st, headline: st.headline.replace(/ <[A-Z]+>/, '') })),
        NOON,
      ),
    );
    expect(joined.get('uht')).toBe(joined.get('brt'));
    const apart = groupOf(groupStories(headlines, NOON));
    expect(apart.get('uht')).not.toBe(apart.get('brt'));
  });

  it("keeps a company listing on the NYSE out of the NYSE's own stories: a ticker story joins only a side naming its company", () => {
    // Reuters, 1987-10-20: Foothill's listing shares "NYSE", "trade" and "stock exchange" with the
    // exchange's curbs on program trading and its record volume, but is Foothill's news, not the NYSE's.
    const wire = (id: string, hoursAgo: number, headline: string, lead: string) => ({ ...s(id, hoursAgo, headline, lead), bodyWords: 150 });
    const nyse = [
      wire(
        'curb',
        6,
        'NYSE WILL CONTINUE TO CURB PROGRAM TRADING',
        'New York Stock Exchange chairman John Phelan said the NYSE will keep asking member firms to refrain from program trading.',
      ),
      wire(
        'volume',
        5,
        'NYSE VOLUME APPEARS CLOSE TO RECORD TRADING',
        'The NYSE said trading volume on the New York Stock Exchange was close to the record set by program trading.',
      ),
      wire(
        'programs',
        4,
        'NYSE ASKS FOR NO PROGRAM TRADING ON DELIVERY SYSTEM',
        'The NYSE asked member firms to refrain from program trading through its order delivery system, the exchange said.',
      ),
    ];
    const listing = wire(
      'foothill',
      3,
      'FOOTHILL <FGI> TO TRADE ON NYSE',
      'The stock of Foothill Group Inc began trading on the New York Stock Exchange under the symbol FGI, the company said.',
    );
    const of = groupOf(groupStories([...filler(40), ...nyse, listing], NOON));
    expect(of.get('volume')).toBe(of.get('curb'));
    expect(of.get('programs')).toBe(of.get('curb'));
    expect(of.get('foothill')).not.toBe(of.get('curb'));
    // Without its ticker the same story is told in the NYSE's words, and joins them.
    const plain = { ...listing, headline: 'LISTING TO TRADE ON NYSE', lead: listing.lead.replace('Foothill Group Inc', 'a company') };
    const joined = groupOf(groupStories([...filler(40), ...nyse, plain], NOON));
    expect(joined.get('foothill')).toBe(joined.get('curb'));
  });

  it("keeps apart two companies' news that share only a company's name and ticker, and joins one company's stories that say more", () => {
    // Reuters, 1987-10-20: Airbus ready to cooperate with McDonnell Douglas, and McDonnell Douglas's
    // pact with a Chinese firm, share McDonnell and <MD> and nothing their headlines say of it.
    const wire = (id: string, hoursAgo: number, headline: string, lead: string) => ({ ...s(id, hoursAgo, headline, lead), bodyWords: 150 });
    const pact = wire(
      'pact',
      6,
      'MCDONNELL DOUGLAS <MD> IN PACT WITH CHINESE FIRM',
      'McDonnell Douglas Corp said it signed a technical assistance agreement with Great Wall Industries for rockets.',
    );
    const airbus = wire(
      'airbus',
      4,
      'AIRBUS SAID READY TO COOPERATE WITH MCDONNELL <MD>',
      'The European Airbus consortium is ready to cooperate with McDonnell Douglas Corp on future aircraft, a minister said.',
    );
    const more = wire(
      'more',
      3,
      'MCDONNELL DOUGLAS <MD> PACT COVERS ROCKETS',
      'McDonnell Douglas Corp said the pact with Great Wall Industries covers its rockets and technical assistance.',
    );
    const of = groupOf(groupStories([...filler(40), pact, airbus, more], NOON));
    expect(of.get('airbus')).not.toBe(of.get('pact'));
    expect(of.get('more')).toBe(of.get('pact'));
  });

  it("groups a day's burst of stories on one subject, told in several bureaus' words, into one item", () => {
    // Reuters, 1987-10-19/20: the stock market crash, told as a plunge, a crash, a fall.
    const crash = [
      s('c1', 9, 'Wall Street stock market plunge hits record', 'The stock market plunge on Wall Street hit a record as the Dow fell.'),
      s('c2', 8, 'Tokyo stock market plunge follows Wall Street', 'Tokyo stock prices plunge after the Wall Street stock market crash.'),
      s(
        'c3',
        7,
        'London stock market crash follows Wall Street plunge',
        'London shares crash as the Wall Street stock market plunge spreads.',
      ),
      s('c4', 6, 'Wall Street stock plunge worst on record', 'The Dow plunge was the worst stock market crash on record on Wall Street.'),
      s('c5', 5, 'Stock market crash: Wall Street plunge spreads', 'The stock market crash spread from Wall Street as markets plunge.'),
    ];
    const groups = groupStories([...filler(60), ...crash], NOON);
    const of = groupOf(groups);
    expect(new Set(crash.map((st) => of.get(st.id))).size).toBe(1);
    expect(groups[of.get('c1')!]!.ids).toHaveLength(crash.length);
  });

  it('keeps apart wire stories that each name a subject of their own, whatever word of a name or third party they share', () => {
    // Reuters, 1987-03-02/03: a hotel sold by Marriott and Hong Kong hotel shares share "hotel" (in
    // both names); the SEC's probe of TRE and its staff's charges against WPPSS share the SEC.
    const wire = (id: string, hoursAgo: number, headline: string, lead: string) => ({ ...s(id, hoursAgo, headline, lead), bodyWords: 150 });
    const stories = [
      ...filler(40),
      wire(
        'mar1',
        9,
        'Marriott to sell hotel',
        'Four Seasons Hotels said it agreed to buy the Santa Barbara Biltmore Hotel from Marriott Corp.',
      ),
      wire(
        'mar2',
        7,
        'Four Seasons buying Marriott hotel',
        'Four Seasons Hotels and VMS Realty agreed to acquire the Biltmore Hotel from Marriott.',
      ),
      wire(
        'hk',
        5,
        'HK Hotels soars on takeover speculation',
        'Shares of HK Hotels soared as a group tried to buy more of them, brokers said.',
      ),
      wire(
        'tre',
        8,
        'SEC probes TRE takeover attempt',
        'The SEC is looking into possible violations in connection with the attempt to take over TRE Corp, its attorney said.',
      ),
      wire(
        'wppss',
        6,
        'SEC staff advises charges against WPPSS',
        'The SEC staff recommended fraud charges in connection with the default of WPPSS, its attorney said.',
      ),
    ];
    const counts = new Map<string, number>();
    for (const st of stories)
      for (const [t] of storyTerms(st.headline, st.lead, st.placeKeys, st.placeNames)) counts.set(t, (counts.get(t) ?? 0) + 1);
    // The rest of the store (10,000 stories): the SEC and hotels now and then, each company hardly ever.
    const DAILY = new Set(['sec', 'hotel']);
    const background: TermBackground = {
      stories: 10_000 + stories.length,
      storiesWith: (term) => (counts.get(String(term)) ?? 0) + (DAILY.has(String(term)) ? 300 : 0),
    };
    const of = groupOf(groupStories(stories, NOON, DEFAULT_GROUPING, background));
    expect(of.get('mar2')).toBe(of.get('mar1'));
    expect(of.get('hk')).not.toBe(of.get('mar1'));
    expect(of.get('wppss')).not.toBe(of.get('tre'));
    // A subject both name that is rare (today's news, not a daily beat) ties them whatever else each names.
    const viacom = [
      ...stories,
      wire(
        'nat',
        6,
        'National Amusements again ups Viacom bid',
        'National Amusements raised its bid for Viacom International, its attorney said.',
      ),
      wire(
        'opp',
        4,
        'Oppenheimer ups Viacom stake',
        'The stake of Oppenheimer and Co in Viacom International was raised again, its attorney said.',
      ),
    ];
    const tied = groupOf(groupStories(viacom, NOON, DEFAULT_GROUPING, background));
    expect(tied.get('opp')).toBe(tied.get('nat'));
  });

  it('keeps apart stories sharing a rare word their leads write lower-case (a kind of news), not the same story filed twice', () => {
    // Wire stories with bodies on one morning: two countries' unemployment figures share "unemployment",
    // rare in the store (a monthly figure), but a common word, not a name: two events. The same headline
    // filed twice is one story, whatever its words.
    const wire = (id: string, hoursAgo: number, headline: string, lead: string, places: [string, string][]) => ({
      ...s(id, hoursAgo, headline, lead, places),
      bodyWords: 150,
    });
    const JAPAN: [string, string] = ['c:JP', 'Japan'];
    const FINLAND: [string, string] = ['c:FI', 'Finland'];
    const stories = [
      ...filler(40),
      wire(
        'jp1',
        6,
        "Japan's unemployment rate seen rising to 3.5 pct",
        "Japan's unemployment rate is expected to rise to 3.5 pct next year as the strong yen hurts exporters, private economists said.",
        [JAPAN],
      ),
      wire(
        'fi',
        5,
        'Finnish unemployment at 6.7 pct in December',
        "Finland's unemployment rate was 6.7 pct in December against 6.1 pct a year earlier, the central statistical office said.",
        [FINLAND],
      ),
      wire(
        'jp2',
        2,
        "Japan's unemployment rate seen rising to 3.5 pct",
        'Private economists expect the jobless rate to rise to 3.5 pct next year, with exporters cutting staff, a survey showed.',
        [JAPAN],
      ),
    ];
    const counts = new Map<string, number>();
    for (const st of stories)
      for (const [t] of storyTerms(st.headline, st.lead, st.placeKeys, st.placeNames)) counts.set(t, (counts.get(t) ?? 0) + 1);
    // The rest of the store (10,000 stories): unemployment figures now and then, the filler's words every day.
    const background: TermBackground = {
      stories: 10_000 + stories.length,
      storiesWith: (term) => (counts.get(String(term)) ?? 0) + (String(term) === 'unemploy' ? 5 : 0),
    };
    const of = groupOf(groupStories(stories, NOON, DEFAULT_GROUPING, background));
    expect(of.get('jp1')).toBe(of.get('jp2'));
    expect(of.get('fi')).not.toBe(of.get('jp1'));
    // What tells them apart is how the leads write the word: read as a name, it would join them.
    const asNames = stories.map((st) => ({ ...st, lead: st.lead.replace(/unemployment/g, 'Unemployment') }));
    const named = groupOf(groupStories(asNames, NOON, DEFAULT_GROUPING, background));
    expect(named.get('fi')).toBe(named.get('jp1'));
  });

  it('brings one event told in different words together', () => {
    const stories = [
      ...filler(40),
      s('a', 6, 'Sbarro files for bankruptcy protection', 'Pizza chain Sbarro filed for bankruptcy protection on Monday.'),
      s(
        'b',
        5,
        'Pizza chain Sbarro seeks court protection again',
        'Sbarro, the mall pizza chain, is in bankruptcy court for the second time.',
      ),
      s('c', 4, 'Sbarro pizza bankruptcy as mall traffic dwindles', 'Fewer shoppers at malls pushed the pizza chain into bankruptcy.'),
      s('d', 3, 'Mall pizza chain in second bankruptcy filing', 'The chain blamed dwindling mall traffic for its second bankruptcy.'),
    ];
    const of = groupOf(groupStories(stories, NOON));
    expect(new Set(['a', 'b', 'c', 'd'].map((id) => of.get(id))).size).toBe(1);
  });

  it('does not let a word every day uses make an event, given how common it is in the store', () => {
    // "market" is in a tenth of today's stories and as common in the rest of the store (a wire's every
    // day); the game's reviews were never seen before today (today's event).
    const today = [
      ...filler(60).map((f, i) => (i < 6 ? { ...f, headline: `${f.headline} market`, lead: `${f.lead} The market moved.` } : f)),
      ...Array.from({ length: 7 }, (_, i) => s(`r${i + 1}`, 3, `Game review roundup ${i}`, 'Critics review the new game.')),
    ];
    const counts = new Map<string, number>();
    for (const st of today)
      for (const [t] of storyTerms(st.headline, st.lead, st.placeKeys, st.placeNames)) counts.set(t, (counts.get(t) ?? 0) + 1);
    // The rest of the store (1,000 stories) is like today, except that nothing before spoke of the game's reviews.
    const NEW_TODAY = new Set(['game', 'review', 'roundup', 'critic']);
    const rest = 1000 / today.length;
    const background: TermBackground = {
      stories: 1000 + today.length,
      storiesWith: (term) => (counts.get(String(term)) ?? 0) * (NEW_TODAY.has(String(term)) ? 1 : 1 + rest),
    };
    const of = groupOf(groupStories(today, NOON, DEFAULT_GROUPING, background));
    expect(new Set(['f0', 'f1', 'f2', 'f3', 'f4', 'f5'].map((id) => of.get(id))).size).toBeGreaterThan(1);
    expect(of.get('r1')).toBe(of.get('r2'));
  });

  it('is deterministic: the same stories in any order give the same groups', () => {
    const stories = [
      ...filler(60),
      s('a', 6, 'Sbarro files for bankruptcy protection', 'Pizza chain Sbarro filed for bankruptcy protection on Monday.'),
      s(
        'b',
        5,
        'Pizza chain Sbarro seeks court protection again',
        'Sbarro, the mall pizza chain, is in bankruptcy court for the second time.',
      ),
    ];
    const shuffled = [...stories].reverse();
    const sorted = (groups: { ids: string[]; score: number }[]) => groups.map((g) => ({ ids: g.ids, score: g.score }));
    expect(sorted(groupStories(shuffled, NOON))).toEqual(sorted(groupStories(stories, NOON)));
  });

  it('gives the same groups from term ids as from words', () => {
    const stories = [
      ...filler(50),
      s('a', 6, 'Sbarro files for bankruptcy', 'Pizza chain Sbarro filed for bankruptcy.'),
      s('b', 5, 'Sbarro bankruptcy filing', 'Sbarro filed again.'),
    ];
    const ids = new Map<string, number>();
    const withIds = stories.map((st) => {
      const terms = storyTerms(st.headline, st.lead, st.placeKeys, st.placeNames);
      for (const [term] of terms) if (!ids.has(term)) ids.set(term, (ids.size * 7919) % 100_003);
      return {
        ...st,
        lead: '',
        placeKeys: [],
        terms: {
          ids: terms.map(([term]) => ids.get(term)!),
          counts: terms.map(([, c]) => c),
          names: termNames(st.lead, terms),
          places: placeTermCount(terms),
        },
      };
    });
    expect(groupStories(withIds, NOON)).toEqual(groupStories(stories, NOON));
  });

  it('titles a group with its most representative headline and keeps a series story alone', () => {
    const stories = [
      ...filler(40),
      s('a', 6, 'Sbarro files for bankruptcy protection', 'Pizza chain Sbarro filed for bankruptcy protection.'),
      s('b', 5, 'Sbarro bankruptcy: pizza chain files again', 'Sbarro the pizza chain filed for bankruptcy protection again.'),
      s('c', 4, 'Sbarro pizza files', 'Sbarro filed.'),
      { ...s('d', 3, 'Sbarro pizza bankruptcy filing sets payout', 'Sbarro pizza bankruptcy protection filing.'), series: 1 },
    ];
    const groups = groupStories(stories, NOON);
    const sbarro = groups.find((g) => g.ids.includes('a'))!;
    expect(sbarro.ids[0]).toBe('b');
    expect(sbarro.ids).not.toContain('d');
  });

  it('keeps routine notices apart (a short body under a headline shape the window repeats), not headlines alone', () => {
    const notice = (id: string, name: string) => ({
      ...s(id, 2, `${name} sets quarterly dividend payout`, `${name} said its board set a quarterly dividend payout to holders of record.`),
      template: 1,
      bodyWords: 16,
    });
    const notices = [...filler(40), notice('n1', 'Acme'), notice('n2', 'Globex'), notice('n3', 'Initech')];
    const of = groupOf(groupStories(notices, NOON));
    expect(new Set(['n1', 'n2', 'n3'].map((id) => of.get(id))).size).toBe(3);
    // The same shape with no body of its own (a headline feed) is not a notice: it groups by its words.
    const headlines = notices.map((n) => (n.id.startsWith('n') ? { ...n, lead: n.headline, bodyWords: 5 } : n));
    const again = groupOf(groupStories(headlines, NOON));
    expect(new Set(['n1', 'n2', 'n3'].map((id) => again.get(id))).size).toBe(1);
  });

  it("lets a story that shares only the event's own word join an established event, but not on a country", () => {
    const launch = [
      ['Titanfall launches on Xbox One', 'Respawn released Titanfall for the Xbox One console.'],
      ['Titanfall review: giant robots shine', 'The Titanfall review praises the giant robots of Respawn.'],
      ['Xbox One gets Titanfall bundle', 'Microsoft sells an Xbox One bundle with Titanfall.'],
      ['Respawn Titanfall servers strain at launch', 'Titanfall servers from Respawn strained on launch day.'],
      ['Titanfall sales lift Xbox One', 'Sales of Titanfall lifted the Xbox One console.'],
      ['Titanfall launch draws giant crowds', 'The Titanfall launch drew crowds to Xbox One stores.'],
    ].map(([h, l], i) => s(`t${i}`, 6 - i * 0.5, h!, l!));
    const quake = [
      ['Strong earthquake shakes northern Japan', 'A strong earthquake shook northern Japan, damaging houses.'],
      ['Japan earthquake damages houses', 'The earthquake in Japan damaged hundreds of houses.'],
      ['Earthquake in Japan cuts power to houses', 'Power was cut to houses after the Japan earthquake.'],
      ['Japan earthquake: houses damaged, power cut', 'Hundreds of houses were damaged by the earthquake.'],
      ['Northern Japan earthquake damage grows', 'The earthquake damage in northern Japan grew.'],
      ['Japan counts earthquake damage', 'Japan counted the damage the strong earthquake did to houses.'],
    ].map(([h, l], i) => s(`q${i}`, 6 - i * 0.5, h!, l!, [JAPAN]));
    const stories = [
      ...filler(60),
      ...launch,
      ...quake,
      s('stray', 1, 'How to level up quickly in Titanfall', 'Tips to level up quickly in Titanfall.'),
      s('yen', 1, 'Japan bond yields edge up', 'Bond yields in Japan edged up as investors sold.', [JAPAN]),
    ];
    const of = groupOf(groupStories(stories, NOON));
    expect(new Set(launch.map((x) => of.get(x.id))).size).toBe(1);
    expect(new Set(quake.map((x) => of.get(x.id))).size).toBe(1);
    expect(of.get('stray')).toBe(of.get('t0'));
    expect(of.get('yen')).not.toBe(of.get('q0'));
    // With the step off, the stray stays alone: the single pass alone cannot join it on one word.
    const off = groupOf(groupStories(stories, NOON, { ...DEFAULT_GROUPING, attachMinSize: Infinity }));
    expect(off.get('stray')).not.toBe(off.get('t0'));
  });

  /** Headlines alone (the lead is the headline again, as an aggregator gives them). */
  const h = (id: string, hoursAgo: number, headline: string, places: [string, string][] = []): GroupInput =>
    s(id, hoursAgo, headline, headline, places);
  const CHINA: [string, string] = ['c:CN', 'China'];
  /** A market's fall on China's trade data, told in six headlines. */
  const markets = [
    h('m0', 8, 'Copper prices fall after weak China export data', [CHINA]),
    h('m1', 7.5, 'Stocks fall as China export data disappoints', [CHINA]),
    h('m2', 7, 'Oil prices fall on weak China data', [CHINA]),
    h('m3', 6.5, 'Copper and oil fall as exports slump', [CHINA]),
    h('m4', 6, 'Weak export data sends copper prices lower', [CHINA]),
    h('m5', 5.5, 'Stocks and copper fall on weak data', [CHINA]),
  ];

  it('keeps a headline naming someone out of an event it shares only common words with', () => {
    // Headlines alone (the lead is the headline again, as an aggregator gives them): a market's fall on
    // trade data, then a central banker's remarks that also say "fall" and "data".
    const fed = [
      h('p0', 4, "Fed's Plosser expects unemployment to fall as weather lifts"),
      h('p1', 3, "Fed's Plosser: weather hit jobs data"),
      h('p2', 2, 'Charles Plosser says taper pace may be too slow'),
    ];
    const of = groupOf(groupStories([...filler(60), ...markets, ...fed], NOON));
    expect(new Set(markets.map((x) => of.get(x.id))).size).toBe(1);
    expect(of.get('p0')).not.toBe(of.get('m0'));
    expect(of.get('p0')).toBe(of.get('p1'));
  });

  it('tells a name in a title-cased headline by how the rest of the window writes it', () => {
    // Title case says nothing of names; the sentence-cased headline says Plosser is one, and the
    // markets' headlines that "weak" and "data" are common words.
    const fed = [h('p0', 4, 'Plosser Says Weak Data Hides Jobs Recovery'), h('p1', 3, "The Fed's Plosser sees a faster taper")];
    const of = groupOf(groupStories([...filler(60), ...markets, ...fed], NOON));
    expect(new Set(markets.map((x) => of.get(x.id))).size).toBe(1);
    expect(of.get('p0')).not.toBe(of.get('m0'));
  });

  it("brings a big story's side thread, told in its own words, into the story on the story's own word", () => {
    const h = (id: string, hoursAgo: number, headline: string): GroupInput => s(id, hoursAgo, headline, headline);
    const launch = [
      'Titanfall launches on Xbox One',
      'Titanfall servers strain at launch',
      'Xbox One gets Titanfall bundle',
      'Titanfall sales lift Xbox One',
      'Titanfall launch draws crowds',
      'Titanfall review: giant robots shine',
      'Titanfall patch fixes servers',
      'Microsoft counts on Titanfall',
      'Titanfall resolution disappoints',
      'Titanfall day one patch arrives',
    ].map((headline, i) => h(`t${i}`, 10 - i * 0.5, headline));
    // A side thread: reviewers on the campaign mode, in words the launch stories do not use.
    const campaign = [
      'Titanfall campaign mode: a story without a hero',
      'A closer look at the Titanfall campaign mode',
      'Campaign mode of Titanfall falls flat',
      'Titanfall campaign mode feels thin',
      'Is the campaign mode worth playing?',
    ].map((headline, i) => h(`c${i}`, 4 - i * 0.5, headline));
    const of = groupOf(groupStories([...filler(60), ...launch, ...campaign], NOON));
    expect(new Set([...launch, ...campaign].map((x) => of.get(x.id))).size).toBe(1);
  });

  it('groups a busy day without blowing up (a generous bound: 5,000 stories)', () => {
    const stories = filler(5000);
    const started = performance.now();
    const groups = groupStories(stories, NOON);
    expect(groups.reduce((n, g) => n + g.ids.length, 0)).toBe(5000);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('decays similarity with time: the same words a week apart are not one event', () => {
    const stories = [
      ...filler(40),
      s('old', 24 * 9, 'Sbarro files for bankruptcy protection', 'Pizza chain Sbarro filed for bankruptcy protection.'),
      s('new', 1, 'Sbarro files for bankruptcy protection again', 'Pizza chain Sbarro filed for bankruptcy protection.'),
      s('new2', 2, 'Sbarro in bankruptcy', 'Pizza chain Sbarro is in bankruptcy.'),
    ];
    const of = groupOf(groupStories(stories, NOON + DAY, { ...DEFAULT_GROUPING, decayHalfLifeMs: DAY / 4 }));
    expect(of.get('new')).toBe(of.get('new2'));
    expect(of.get('old')).not.toBe(of.get('new'));
  });
});
