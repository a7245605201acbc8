import { contentTokens, stem, STOPWORDS } from '../nlp/tokens.js';
import { countWords } from './story-features.js';

/** What grouping needs to know of a story. */
export interface GroupInput {
  id: string;
  publishedMs: number;
  headline: string;
  /** The lead sentence or two: wire stories put the event there. */
  lead: string;
  /** Resolved place keys (`g:<geonameId>`, `c:<country code>`) or plain names when unresolved. */
  placeKeys: readonly string[];
  /** The place names as written (`Swiss`, `Tokyo`): their words count as places, not as event words. */
  placeNames?: readonly string[];
  /** How much the headline follows a routine series' shape, 0-1 (`templateScores`); 0 when not given. */
  template?: number;
  /**
   * The same, from the days before the window alone (a shape filed on many earlier days: "<fund>
   * SETS PAYOUT", "<company> 4TH QTR NET"). Such a story is one of a series, not a report of an event
   * (its shared words are the series' own): at 0.5 or more it stays a group of its own.
   */
  series?: number;
  /** Where it was filed from (`datelinePlace`): several bureaus on one event is wide coverage. */
  dateline?: string | null;
  /** Words of the body: a two-line notice or price table weighs less than a reported story; unknown counts in full. */
  bodyWords?: number;
  /** `headlineKey(headline)` when already made. */
  headlineKey?: string;
  /** The story's `storyTerms` as ids, when already known (stored with the story): then `lead` and the places are not read. */
  terms?: TermCounts;
}

/**
 * `storyTerms` with each term named by an integer id (the same term the same id across the stories
 * grouped together: a store's term ids), in the same order; the last `places` of them are place keys.
 */
export interface TermCounts {
  ids: ArrayLike<number>;
  counts: ArrayLike<number>;
  places: number;
  /** How the story's lead writes each term (`termNames`); all `NAME_UNKNOWN` when not given. */
  names?: ArrayLike<number>;
}

/**
 * How many stories of the whole store hold each term (`counts[id]`, by the term ids of
 * `GroupInput.terms`), and how many stories it holds: the background a word's frequency today is
 * compared with.
 */
export interface TermBackground {
  stories: number;
  /** Stories holding a term: by its id (`GroupInput.terms`), or by the term itself (`storyTerms`). */
  storiesWith(term: number | string): number;
}

/**
 * The headlines of the days before the window (`historyShapeDays`, read for routine shapes): how
 * many there were, on how many days, and how many held a word (`headlineWords`). A word a wire puts
 * in its headlines every day ("futures", "LME", "stocks" of a market report) is no burst however many
 * of today's headlines hold it.
 */
export interface HeadlineHistory {
  days: number;
  headlines: number;
  headlinesWith(word: string): number;
  /** Days whose headlines held the word. */
  daysWith(word: string): number;
}

export interface StoryGroup {
  /** Members, the most representative first, then newest first. */
  ids: string[];
  newestMs: number;
  score: number;
}

export interface GroupingOptions {
  /** Time-decayed cosine similarity to an event's centroid needed to join it. */
  threshold: number;
  /** Cosine of two events' centroids above which the merge step joins them. */
  mergeThreshold: number;
  /** Distinct shared event words (not places) a story needs with an event to join it: one word alone never makes an event. */
  minSharedWords: number;
  /** A word in more than this share of the window's stories (and at least `minMaxDf`) is common today… */
  maxDocShare: number;
  minMaxDf: number;
  /** …and says nothing about an event unless it is this many times as common today as in the rest of the store (a burst). */
  burstRatio: number;
  /**
   * A story with a body of its own (more words than its headline) joins an event, and an event holding
   * one merges with another, only on a shared anchor: a name-like word, one that the rest of the store's
   * rate puts in fewer than this many of a day's stories (a company, a person, a body like the ICO), held
   * by a fair part of the event and in a headline on each side. Words a wire uses every day on a topic
   * ("bond", "coupon", "dividend", "computer") are shared by different issuers' stories: alone they make a
   * topic, not an event. Unknown (every word an anchor) without a background as large as the window.
   */
  anchorExpected: number;
  /**
   * A subject both sides name (`subjectsDiffer`) ties them, whatever else each names, when the rest of
   * the store's rate puts it in fewer than this many of a day's stories: a company or a person in the
   * news today ("Viacom", "Guinness"), not a regulator or a cartel named every day ("SEC", "OPEC").
   */
  sharedSubjectExpected: number;
  /** Shared anchor words without a name that make an anchor together (`anchored`). */
  describingWords: number;
  /** Terms a story's vector keeps at most, the heaviest (a headline has far fewer). */
  maxTerms: number;
  /** Weight of a place key beside a word: places place an event, they do not make one. */
  placeWeight: number;
  /** Event words of a headline at most: a story with more needs a higher similarity (`lengthFactor`)… */
  lengthReference: number;
  /** …up to `storyThreshold` (instead of `threshold`) for a story of this many event words or more. */
  storyWords: number;
  storyThreshold: number;
  /** Share of an event's stories that must hold a word for a full story to count it as shared (less for shorter, none for a headline). */
  storyHolderShare: number;
  /** Passes that move each story to its best event once all events exist (single-pass order effects). */
  refinePasses: number;
  /** Time between a story and an event's newest story over which the similarity halves. */
  decayHalfLifeMs: number;
  /** Age at which a story's recency weight halves (ranking). */
  recencyHalfLifeMs: number;
  /** Weight of log2(distinct datelines of the group's own-worded stories) in the rank. */
  datelineWeight: number;
  /** A story weighs in full from this many body words on, proportionally less below… */
  fullStoryWords: number;
  /** …but never less than this share. */
  minStoryWeight: number;
  /**
   * Members an event needs before a smaller group of headlines (one left alone, a few, a side thread)
   * may join it on one core word (`attachStrays`)… Infinity turns the step off.
   */
  attachMinSize: number;
  /**
   * …a word (not a place) held by at least this share of the event's members, of the window's stories
   * holding it, and of the group's own members.
   */
  attachCoreShare: number;
  /**
   * A burst: a word in the headlines of at least `burstHeadlines` distinct reported stories of the
   * window (a body of their own, no ticker, not a routine series; `burstTerms`) and `burstShare` of
   * them, whose reported stories hold it `burstZ` standard deviations more often than the rest of the
   * store's rate predicts, and, given a history of at least `burstHistoryDays` days (`HeadlineHistory`),
   * in at least `burstHistoryRatio` times the share of headlines it held on those days and in the
   * headlines of fewer than `burstHistoryDayShare` of the days (a word in the headlines most days is a
   * beat: "futures", "closes"). It is what a day's big story is told in ("stock", "market" on 19-20
   * October 1987): a common word, not a name nor rare in the store (`burstTerms`), many times more
   * common today. Two sides sharing `burstWords`
   * bursts, one in both headlines, are tied (`burstTied`): events merge at `burstMergeThreshold` (the
   * bar of a headline, the tie being the evidence) instead of the merge bar for full stories, which
   * events of reported stories told in different words almost never reach (~0.77).
   */
  burstHeadlines: number;
  /** …and at least this share of them: a day's big story is told in many of its reports. */
  burstShare: number;
  burstZ: number;
  burstHistoryDays: number;
  burstHistoryRatio: number;
  /** A word in the headlines of at least this share of the history's days is a beat, however many of today's hold it. */
  burstHistoryDayShare: number;
  /** Bursts two sides must share to be tied by them (`burstTied`)… */
  burstWords: number;
  /**
   * …two of them written together in the headlines of at least this many distinct reported stories: the
   * words of one story ("stock" and "market" on 20 October 1987, "oil" and "attack" the day before). Two
   * bursts the day's headlines hold apart are two stories' words ("export" figures and bond "issues" on
   * 3 March 1987), and a story that happens to hold both is neither's.
   */
  burstPairHeadlines: number;
  /**
   * A word in the headlines of as many reported stories as a burst needs, but short of `burstZ` (an
   * everyday word the store holds in a tenth of its stories), is a burst too when at least this share of
   * those stories hold one burst, `burstPairHeadlines` of them in the headline (`burstCompanions`).
   */
  burstCompanionShare: number;
  /** …and it is this many standard deviations above the store's rate (as `burstZ` measures): more common today, beyond chance… */
  burstCompanionZ: number;
  /** …and not a beat by the history (`burstHistoryDayShare`, `burstHistoryRatio`) given this many days of it. */
  burstCompanionHistoryDays: number;
  burstMergeThreshold: number;
}

export const DEFAULT_GROUPING: Readonly<GroupingOptions> = {
  threshold: 0.05,
  mergeThreshold: 0.2,
  minSharedWords: 2,
  maxDocShare: 0.04,
  minMaxDf: 5,
  burstRatio: 1.5,
  // A prior, not fitted: a word an ordinary window holds in a couple of stories at most.
  anchorExpected: 3,
  // A prior, not fitted: a name a wire writes less than daily is today's news; one it writes daily, a beat.
  sharedSubjectExpected: 1,
  // A prior, not fitted: a kind of news is named in one or two words (a rate, a load factor, a rig count).
  describingWords: 3,
  lengthReference: 8,
  storyWords: 30,
  // The bar full stories were grouped at before headlines were (Reuters, 1987-03-02, by eye).
  storyThreshold: 0.35,
  storyHolderShare: 0.34,
  placeWeight: 0.5,
  maxTerms: 20,
  // One pass: the passes after it move the same few dozen stories of a busy day back and forth
  // between two events (43, then 36 and 36 on a 1,141-story day), each costing as much as the single
  // pass; events dev B-cubed F1 0.851 with one, 0.852 with three, the same Reuters 1987-03-03 digest.
  refinePasses: 1,
  decayHalfLifeMs: 3 * 86_400_000,
  recencyHalfLifeMs: 12 * 3_600_000,
  datelineWeight: 0.5,
  // Reuters notices (payouts, results, price tables) run 20-80 words, reported stories 150-700 (by eye, 1987-03-02/04-07).
  fullStoryWords: 200,
  minStoryWeight: 0.25,
  // Priors, not fitted: an event of five is established, and a word half of it holds is what it is about.
  attachMinSize: 5,
  attachCoreShare: 0.5,
  // A story many bureaus file on (eight headlines of their own, a twentieth of the day's reports), far
  // beyond chance, judged against over a week of history where there is one, tying on two bursts (one
  // is shared by other news told in it). Set by reading Reuters 1987-10-20/21 (the crash: "stock",
  // "market"; the Gulf attack: "attack", "oil") against 03-02, 03-17, 04-08 and 06-01, where routine
  // market reports burst against the store's rates ("futures" over 10 sd on 04-08) but were in the headlines
  // of about half the days before; events dev unchanged (its stores are too small to tell bursts by).
  burstHeadlines: 8,
  burstShare: 0.05,
  burstZ: 4.5,
  burstHistoryDays: 5,
  burstHistoryRatio: 3,
  burstHistoryDayShare: 1 / 3,
  burstWords: 2,
  // A prior, not fitted: one headline holding both is chance, two are a way the day's story is told.
  burstPairHeadlines: 2,
  // A prior, not fitted: most of the word's headline reports are the burst's story.
  burstCompanionShare: 0.5,
  // A prior, not fitted: the usual two standard deviations.
  burstCompanionZ: 2,
  // A prior, not fitted: one day may be the story's own first hours (a window cut by a zone's midnight).
  burstCompanionHistoryDays: 2,
  burstMergeThreshold: 0.05,
};

/** Bytes of a key being made (`headlineKey`); a longer headline takes the regular expression. */
const keyBytes = Buffer.alloc(4096);

/** A headline lower-cased with every run of other characters than a-z and 0-9 as one space: the same story filed twice has one. */
export function headlineKey(headline: string): string {
  const lower = headline.toLowerCase();
  if (lower.length > keyBytes.length) return lower.replace(/[^a-z0-9]+/g, ' ').trim();
  // The key is ASCII: written byte by byte, a space only between kept runs (what replace-then-trim
  // gives), at half the cost of the regular expression for each of a build's ~1,000 headlines.
  let n = 0;
  let gap = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && n > 0) keyBytes[n++] = 32;
      gap = false;
      keyBytes[n++] = c;
    } else gap = true;
  }
  return keyBytes.toString('latin1', 0, n);
}

/**
 * Words that say how a story is told, not what happened: reporting verbs, amounts and units,
 * currencies, calendar words, company-form suffixes (stemmed, as `contentTokens` gives them). They
 * are in every day's news, so sharing them says nothing about sharing an event.
 */
const NEWS_FILLER: ReadonlySet<string> = new Set(
  (
    'said sai say told tell report accord quot mln billion bln pct percent per cent dlr dlrs dollar dollar cts ct ' +
    'franc yen mark stg sterl pound lira peso rand crown guilder rupe yuan euro currenc ' +
    'year week month dai todai yesterdai tomorrow mondai tuesdai wednesdai thursdai fridai saturdai sundai ' +
    'januari februari march april mai june juli august septemb octob novemb decemb jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'inc corp co ltd plc llc compani group new also would could may might one two three four five six seven eight nine ten first last ' +
    'updat exclus video photo watch'
  ).split(' '),
);

/** Letters only: numbers, tickers' digits and ordinals ("4th", "747") tie unrelated results tables together. */
function isWord(token: string): boolean {
  return isLowerLetters(token) && !NEWS_FILLER.has(token);
}

/** `/^[a-z]{2,}$/.test(token)`, by character code (it runs on every word of every story's lead at ingest). */
function isLowerLetters(token: string): boolean {
  if (token.length < 2) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

const HEADLINE_WEIGHT = 3;
const DAY_MS = 86_400_000;
const PLACE_COUNT = 1;

/**
 * A story's terms and their counts, in first-seen order: words of the headline count double (a
 * headline names the event, the lead tells it), then the lead's words, then its places as
 * `@`-prefixed keys, last (`placeTermCount`). A word of a place name (`Swiss`, `Japan`) is left to
 * the place key: two stories that share only a country are not one event.
 */
export function storyTerms(
  headline: string,
  lead: string,
  placeKeys: readonly string[],
  placeNames: readonly string[] = [],
): [string, number][] {
  const placeWords = new Set(placeNames.flatMap((name) => contentTokens(name)));
  const counts = new Map<string, number>();
  const add = (term: string, w: number): void => {
    counts.set(term, (counts.get(term) ?? 0) + w);
  };
  for (const t of contentTokens(headline)) if (isWord(t) && !placeWords.has(t)) add(t, HEADLINE_WEIGHT);
  for (const t of contentTokens(lead)) if (isWord(t) && !placeWords.has(t)) add(t, 1);
  for (const p of new Set(placeKeys)) add(`@${p}`, PLACE_COUNT);
  return [...counts];
}

/** The distinct words of a headline as `storyTerms` counts them (place words included), in order. */
export function headlineWords(headline: string): string[] {
  const words: string[] = [];
  for (const t of contentTokens(headline)) if (isWord(t) && !words.includes(t)) words.push(t);
  return words;
}

/** What a story's lead says of how a term is written (`termNames`): nothing (a lead without case, a place key). */
export const NAME_UNKNOWN = 0;
/** Capitalised inside a sentence, never lower-case: a name (a company, a person, a body). */
export const NAME_WRITTEN = 1;
/** Written lower-case inside a sentence: a common word ("unemployment", "tap", "load factor"), even if also part of a name. */
export const COMMON_WRITTEN = 2;
/** Not in a lead that has case: a headline's word the story does not spell out ("UPS" for raises, a ticker). */
export const NAME_ABSENT = 3;

/** Capitalised words per lower-case one above which a lead is in title case. */
const TITLE_CASE_RATIO = 4;

/**
 * How the lead writes each of `terms`' words (`NAME_WRITTEN`, `COMMON_WRITTEN`, `NAME_ABSENT`, else
 * `NAME_UNKNOWN`): English capitalises names and only names inside a sentence, so the case a reporter
 * chose tells a name from a common word whatever the word's frequency. Rare words that are not names
 * ("unemployment", "tap" issue) are a kind of news each wire files every week: two stories sharing one
 * are two events. A word lower-case anywhere is common ("tin" in "Association of Tin Producing
 * Countries"). A sentence's first word says nothing; nor does a lead without case (all capitals) or in
 * title case (a headline as text), where every word is capitalised.
 */
export function termNames(lead: string, terms: readonly (readonly [string, number])[]): number[] {
  const seen = new Map<string, number>();
  let capitalised = 0;
  let lower = 0;
  // Each word's token and how it is written: NAME_WRITTEN, COMMON_WRITTEN, or NAME_UNKNOWN (a sentence's first).
  const marks: [string, number][] = [];
  for (const m of lead.matchAll(/[A-Za-z0-9]+/g)) {
    const word = m[0];
    const first = word.charCodeAt(0);
    const isUpper = first >= 65 && first <= 90;
    const isLower = first >= 97 && first <= 122;
    if (!isUpper && !isLower) continue;
    const token = word.toLowerCase();
    if (STOPWORDS.has(token)) continue;
    // A sentence's first word is capitalised whatever it is: the text back to the previous word says.
    let k = m.index - 1;
    while (k >= 0 && /[\s"'([<\u2018\u201c-]/.test(lead[k]!)) k--;
    if (k < 0 || /[.!?:;]/.test(lead[k]!)) {
      marks.push([stem(token), NAME_UNKNOWN]);
      continue;
    }
    if (isUpper) capitalised++;
    else lower++;
    marks.push([stem(token), isUpper ? NAME_WRITTEN : COMMON_WRITTEN]);
  }
  // Title case or no lower case at all: capitals say nothing. (A wire lead naming a body and its
  // acronym has as many capitalised words as lower-case ones; a title-cased headline has few of these.)
  if (lower === 0 || lower * TITLE_CASE_RATIO < capitalised) return terms.map(() => NAME_UNKNOWN);
  // Lower-case once makes a word common; else capitalised inside a sentence a name; else (only a
  // sentence's first word) unknown: the constants are in that order.
  for (const [token, how] of marks) if (how >= (seen.get(token) ?? NAME_UNKNOWN)) seen.set(token, how);
  return terms.map(([term]) => (term.startsWith('@') ? NAME_UNKNOWN : (seen.get(term) ?? NAME_ABSENT)));
}

/** How many of `storyTerms`' terms (the last ones) are place keys. */
export function placeTermCount(terms: readonly [string, number][]): number {
  let n = 0;
  for (const [term] of terms) if (term.startsWith('@')) n++;
  return n;
}

/** The window's stories as term numbers 0…terms-1 with counts; `isPlace[t]` for place keys. */
interface DenseTerms {
  /** Story i's entries are `start[i]` … `start[i + 1] - 1`. */
  start: Int32Array;
  term: Int32Array;
  tf: Float64Array;
  /** How the story writes the entry's word (`termNames`). */
  name: Uint8Array;
  isPlace: Uint8Array;
  terms: number;
  /** The term id or the term each number stands for. */
  keyOf: (number | string)[];
}

/** Dense numbers of term ids, by id, valid where `localStamp` holds the current call's `generation`. */
let localOf = new Int32Array(0);
let localStamp = new Int32Array(0);
let generation = 0;
/** Ids beyond this are numbered through a Map instead. */
const MAX_SCRATCH_ID = 1 << 24;

/** Dense term numbers for the stories' terms (ids given, or the words of headline, lead and places). */
function denseTerms(stories: readonly GroupInput[]): DenseTerms {
  const given = stories.map((story) => story.terms ?? null);
  if (given.some((g) => g) && given.some((g) => !g)) throw new Error('groupStories: give every story its term ids, or none');
  const words = stories.map((story, i) => (given[i] ? null : storyTerms(story.headline, story.lead, story.placeKeys, story.placeNames)));
  let total = 0;
  for (let i = 0; i < stories.length; i++) total += given[i]?.ids.length ?? words[i]!.length;
  const wordNumbers = new Map<string, number>();
  const place: number[] = [];
  const keys: (number | string)[] = [];
  let terms = 0;
  const fresh = (key: number | string, isPlace: boolean): number => {
    place.push(isPlace ? 1 : 0);
    keys.push(key);
    return terms++;
  };
  // Ids are numbered through arrays kept between calls (a store's ids run from 1 to its vocabulary
  // size): numbering a busy day's ~25,000 term ids through a Map was a tenth of a build.
  let maxId = 0;
  for (const g of given) if (g) for (let k = 0; k < g.ids.length; k++) if (g.ids[k]! > maxId) maxId = g.ids[k]!;
  if (maxId >= localOf.length && maxId < MAX_SCRATCH_ID) {
    const size = Math.max(1024, 2 ** Math.ceil(Math.log2(maxId + 1)));
    localOf = new Int32Array(size);
    localStamp = new Int32Array(size);
    generation = 0;
  }
  if (++generation > 2 ** 30) {
    localStamp.fill(0);
    generation = 1;
  }
  const byId = new Map<number, number>();
  const numberOf = (key: number | string, isPlace: boolean): number => {
    if (typeof key === 'string') {
      let t = wordNumbers.get(key);
      if (t === undefined) wordNumbers.set(key, (t = fresh(key, isPlace)));
      return t;
    }
    if (key >= 0 && key < localOf.length && Number.isInteger(key)) {
      if (localStamp[key] !== generation) {
        localStamp[key] = generation;
        localOf[key] = fresh(key, isPlace);
      }
      return localOf[key]!;
    }
    let t = byId.get(key);
    if (t === undefined) byId.set(key, (t = fresh(key, isPlace)));
    return t;
  };
  const start = new Int32Array(stories.length + 1);
  const term = new Int32Array(total);
  const tf = new Float64Array(total);
  const name = new Uint8Array(total);
  let at = 0;
  for (let i = 0; i < stories.length; i++) {
    start[i] = at;
    const ids = given[i];
    if (ids) {
      const firstPlace = ids.ids.length - ids.places;
      const n = ids.ids.length;
      // Counts and names copied whole where they line up with the ids (a store's typed arrays).
      const copyCounts = ids.counts.length === n;
      const copyNames = ids.names !== undefined && ids.names.length === n;
      if (copyCounts) tf.set(ids.counts, at);
      if (copyNames) name.set(ids.names!, at);
      for (let k = 0; k < n; k++, at++) {
        term[at] = numberOf(ids.ids[k]!, k >= firstPlace);
        if (!copyCounts) tf[at] = ids.counts[k]!;
        if (!copyNames) name[at] = ids.names?.[k] ?? NAME_UNKNOWN;
      }
    } else {
      const names = termNames(stories[i]!.lead, words[i]!);
      words[i]!.forEach(([word, count], k) => {
        term[at] = numberOf(word, word.startsWith('@'));
        name[at] = names[k]!;
        tf[at++] = count;
      });
    }
  }
  start[stories.length] = at;
  return { start, term, tf, name, isPlace: Uint8Array.from(place), terms, keyOf: keys };
}

/** Unit tf-idf vectors of the stories (idf over the window), without terms only one story has. */
interface Vectors {
  start: Int32Array;
  term: Int32Array;
  weight: Float64Array;
  /** The entry's term is in the story's headline (counted `HEADLINE_WEIGHT` times or more). */
  head: Uint8Array;
  /** In the headline, and the lead writes it as a name or cannot tell (`NAME_WRITTEN`, `NAME_UNKNOWN`). */
  named: Uint8Array;
  /** In the headline, and the lead does not write it lower-case (not `COMMON_WRITTEN`). */
  uncommon: Uint8Array;
  /** Written lower-case (`COMMON_WRITTEN`, after `nameByWindow`), wherever the story holds it: a word, not a name. */
  lower: Uint8Array;
  isPlace: Uint8Array;
  terms: number;
  /** Event words (not places) of each story's vector. */
  words: Int32Array;
  /** Stories whose vector holds each term. */
  df: Int32Array;
  /** Name-like terms (`termRoles`). */
  anchor: Uint8Array;
  /** Terms rarer still (`TermRoles.specific`). */
  specific: Uint8Array;
  /** The window's bursts (`burstTerms`): anchors whatever case the leads write them in. */
  burst: Uint8Array;
  /** Stories with a body of their own (not a headline alone): they join an event only on a shared anchor. */
  bodied: Uint8Array;
  /**
   * Headlines that name their subject: a headline word, rare in the store (`anchor`), that the lead
   * writes as a name ("Fed's Plosser expects …"). Like a story with a body, such a headline joins an
   * event only on a shared anchor: an event about other names (China's exports, oil) that merely shares
   * a common word with it ("fall", "data") is not its event.
   */
  namesSubject: Uint8Array;
  /** Stories holding a burst (`burst`) in their headline: the day's big story. */
  burstHead: Uint8Array;
  /** Each burst's bit (`burstPairsOf`; 0 for other terms), and the bits of each pair of bursts the day's headlines write together. */
  burstBit: Int32Array;
  burstPairs: Int32Array;
  /**
   * Each story's subjects: headline words its lead writes as names, rare in the store (`anchor`), not
   * places (story i's are `subjects[subjectStart[i]]`…), counted whether other stories hold them or
   * not: "HK HOTELS SOARS ON TAKEOVER SPECULATION" is about HK hotels, "MARRIOTT TO SELL HOTEL" about Marriott.
   */
  subjectStart: Int32Array;
  subjects: Int32Array;
  /** Every term of each story, before any is left out of its vector (`denseTerms`): what it holds at all. */
  allStart: Int32Array;
  allTerm: Int32Array;
}

/** What the rest of the store tells of each term of the window (`termRoles`). */
interface TermRoles {
  /** Common today and every day: says nothing about an event (left out of the vectors). */
  generic: Uint8Array;
  /** A name-like word: rare in the rest of the store, or bursting today (`GroupingOptions.anchorExpected`). */
  anchor: Uint8Array;
  /** Rarer still: a subject both sides name ties them (`GroupingOptions.sharedSubjectExpected`). */
  specific: Uint8Array;
}

/**
 * Each term's rate in the rest of the store (the window's own stories taken out) against today's.
 * Generic: in more than `maxDocShare` of the window's stories and not a burst, i.e. about as common in
 * the rest of the store ("market", "shr", "said" in a wire's every day); a big event's name is common
 * today too, but rare before or after it. Anchor: a word the rest of the store's rate puts in fewer than
 * `anchorExpected` of `perDay` stories (a day of the window; by the day, so that a week's digest joins a
 * story told on several days as a day's does). With no background, or one smaller than the window (a new
 * store), nothing can be told: no term is generic and every one an anchor.
 */
function termRoles(
  df: Int32Array,
  keyOf: readonly (number | string)[],
  n: number,
  perDay: number,
  options: Readonly<GroupingOptions>,
  background?: TermBackground,
): TermRoles {
  const generic = new Uint8Array(df.length);
  const anchor = new Uint8Array(df.length);
  const specific = new Uint8Array(df.length);
  const rest = background ? background.stories - n : 0;
  if (!background || rest < n) return { generic, anchor: anchor.fill(1), specific: specific.fill(1) };
  const maxDf = Math.max(options.minMaxDf, options.maxDocShare * n);
  for (let t = 0; t < df.length; t++) {
    // Every term's rate, a term of one story too: a story's subject may be a name no other story has today.
    const before = Math.max(0, background.storiesWith(keyOf[t]!) - df[t]!) / rest;
    if (before * perDay < options.anchorExpected) anchor[t] = 1;
    if (before * perDay < options.sharedSubjectExpected) specific[t] = 1;
    if (df[t]! < 2) continue;
    const burst = df[t]! / n >= options.burstRatio * before;
    if (df[t]! > maxDf && !burst) generic[t] = 1;
  }
  return { generic, anchor, specific };
}

/**
 * The window's bursts (`GroupingOptions.burstHeadlines`): counted over its reported stories, each
 * distinct headline once (the same story filed twice is one report). Reported: a body of its own, no
 * ticker (a company's news is its own, whatever the day's story), not a routine series (`isRoutine`).
 * Nothing without a background as large as the window (every word is an anchor then anyway). A term
 * is looked up in the history by its word: the term itself, or for a store's ids the headline word a
 * story's terms line up with (`headlineWords`; stories whose headline lost a place word do not line up).
 * Returns the bursts, and the reported stories they were counted over (`burstPairsOf` reads the same).
 */
function burstTerms(
  stories: readonly GroupInput[],
  dense: DenseTerms,
  df: Int32Array,
  anchor: Uint8Array,
  options: Readonly<GroupingOptions>,
  background?: TermBackground,
  history?: HeadlineHistory,
): { burst: Uint8Array; reportedStories: number[] } {
  const { start, term, tf, name, isPlace, terms, keyOf } = dense;
  const burst = new Uint8Array(terms);
  const reportedStories: number[] = [];
  const n = stories.length;
  const rest = background ? background.stories - n : 0;
  if (!background || rest < n) return { burst, reportedStories };
  const heads = new Int32Array(terms);
  // How the leads of the reported stories holding each term in their headline write it: as a name, or
  // lower-case (`termNames`).
  const asName = new Int32Array(terms);
  const asCommon = new Int32Array(terms);
  const reportedHolders = new Int32Array(terms);
  const allHeads = new Int32Array(terms);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const story = stories[i]!;
    const key = story.headlineKey ?? headlineKey(story.headline);
    if (seen.has(key)) continue;
    seen.add(key);
    for (let k = start[i]!; k < start[i + 1]!; k++) if (tf[k]! >= HEADLINE_WEIGHT && isPlace[term[k]!] !== 1) allHeads[term[k]!]!++;
    if (!isReported(story, options)) continue;
    reportedStories.push(i);
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const t = term[k]!;
      if (isPlace[t] === 1) continue;
      reportedHolders[t]!++;
      if (tf[k]! < HEADLINE_WEIGHT) continue;
      heads[t]!++;
      if (name[k] === NAME_WRITTEN) asName[t]!++;
      else if (name[k] === COMMON_WRITTEN) asCommon[t]!++;
    }
  }
  /** Not a beat by the history's headlines, judged given `days` of history or more (else no history to judge by). */
  const newInHeadlines = (t: number, days: number): boolean => {
    if (history === undefined || history.days < Math.max(1, days) || history.headlines === 0) return true;
    const key = keyOf[t]!;
    const word = typeof key === 'string' ? key : headlineWordOf(stories, dense, t);
    if (word === undefined) return false;
    // Add-one smoothing: a word never in the history's headlines is at its rate of one headline.
    const before = (history.headlinesWith(word) + 1) / (history.headlines + 1);
    if (allHeads[t]! / seen.size < options.burstHistoryRatio * before) return false;
    return history.daysWith(word) < options.burstHistoryDayShare * history.days;
  };
  const reported = reportedStories.length;
  const minHeads = Math.max(options.burstHeadlines, options.burstShare * reported);
  // Words in enough headlines that fall short of `burstZ` alone: a burst's companion perhaps (`burstCompanions`).
  const short: number[] = [];
  for (let t = 0; t < terms; t++) {
    // A word rare in the store is an anchor already. A name the store writes daily, busy today (the
    // World Bank's loans to five countries, a president's day), is an actor whose stories are its
    // separate acts, as a regulator's or a cartel's are (`sharedSubjectExpected`): a burst is a common
    // word, what happened ("stock", "market", "attack").
    if (heads[t]! < minHeads || anchor[t] === 1 || asName[t]! > asCommon[t]!) continue;
    const expected = (Math.max(0, background.storiesWith(keyOf[t]!) - df[t]!) / rest) * reported;
    const z = (reportedHolders[t]! - expected) / Math.sqrt(expected + 1);
    if (z >= options.burstZ) {
      if (newInHeadlines(t, options.burstHistoryDays)) burst[t] = 1;
    } else if (z >= options.burstCompanionZ) short.push(t);
  }
  // A companion is weaker evidence than a burst: a shorter history that has it in the headlines of
  // many of its days rules it out (on 4 March 1987, four days: "bond" beside the day's bond "issues",
  // "wheat" beside "exports"); none (a new store, a store back from a gap) cannot.
  if (short.length > 0)
    for (const t of burstCompanions(reportedStories, dense, burst, short, heads, options))
      if (newInHeadlines(t, options.burstCompanionHistoryDays)) burst[t] = 1;
  return { burst, reportedStories };
}

/**
 * Of `candidates` (words in the headlines of `heads[t]` reported stories, enough for a burst, but short
 * of `burstZ`), those most of whose headline reports hold one burst, anywhere (`burstCompanionShare`),
 * two or more of them (`burstPairHeadlines`) with both in the headline: the day's big story's other
 * word, too common in the store to stand out by its own rate ("stock" beside "market" on 19 October
 * 1987, in a tenth of the store's stories: common stock, stock splits). A word most of whose headlines
 * tell of something else ("rise" of exports and of prices, "bank" of bond issues and of central banks)
 * is not one.
 */
function burstCompanions(
  reportedStories: readonly number[],
  dense: DenseTerms,
  burst: Uint8Array,
  candidates: readonly number[],
  heads: Int32Array,
  options: Readonly<GroupingOptions>,
): number[] {
  const { start, term, tf, terms } = dense;
  const bursts: number[] = [];
  for (let t = 0; t < terms; t++) if (burst[t] === 1) bursts.push(t);
  if (bursts.length === 0) return [];
  // Dense numbers of the candidates (1…) and of the bursts (1…), by term.
  const candidateOf = new Int32Array(terms);
  candidates.forEach((t, c) => (candidateOf[t] = c + 1));
  const burstOf = new Int32Array(terms);
  bursts.forEach((t, b) => (burstOf[t] = b + 1));
  const nb = bursts.length;
  // Per candidate and burst: the candidate's headline reports holding the burst anywhere, and in the headline too.
  const holding = new Int32Array(candidates.length * nb);
  const together = new Int32Array(candidates.length * nb);
  const held = new Uint8Array(nb);
  const inHead = new Uint8Array(nb);
  const here: number[] = [];
  for (const i of reportedStories) {
    here.length = 0;
    held.fill(0);
    inHead.fill(0);
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const t = term[k]!;
      const head = tf[k]! >= HEADLINE_WEIGHT;
      if (head && candidateOf[t]! > 0) here.push(candidateOf[t]! - 1);
      const b = burstOf[t]! - 1;
      if (b < 0) continue;
      held[b] = 1;
      if (head) inHead[b] = 1;
    }
    for (const c of here)
      for (let b = 0; b < nb; b++) {
        holding[c * nb + b]! += held[b]!;
        together[c * nb + b]! += inHead[b]!;
      }
  }
  return candidates.filter((t, c) => {
    for (let b = 0; b < nb; b++)
      if (together[c * nb + b]! >= options.burstPairHeadlines && holding[c * nb + b]! >= options.burstCompanionShare * heads[t]!)
        return true;
    return false;
  });
}

/** A reported story: a body of its own, no ticker, not one of a routine series (what a burst is counted over). */
function isReported(story: GroupInput, options: Readonly<GroupingOptions>): boolean {
  const bodied = story.bodyWords === undefined || story.bodyWords > countWords(story.headline);
  return bodied && !isRoutine(story, options) && !(story.headline.includes('<') && headlineTickers(story.headline).length > 0);
}

/** Bursts given a bit at most (the day's bursts are a handful: each is in `burstHeadlines` headlines or more). */
const MAX_PAIRED_BURSTS = 31;

/**
 * A bit for each of the window's bursts, and the pairs of them written together in the headlines of
 * `burstPairHeadlines` distinct reported stories or more (`GroupingOptions.burstPairHeadlines`; the
 * stories `burstTerms` counted over), each pair as the two bits: what `burstTied` ties sides by. Most
 * windows have one burst or none: no pairs.
 */
function burstPairsOf(
  reportedStories: readonly number[],
  dense: DenseTerms,
  burst: Uint8Array,
  options: Readonly<GroupingOptions>,
): { bit: Int32Array; pairs: Int32Array } {
  const { start, term, tf, terms } = dense;
  const bit = new Int32Array(terms);
  let count = 0;
  for (let t = 0; t < terms && count < MAX_PAIRED_BURSTS; t++) if (burst[t] === 1) bit[t] = 1 << count++;
  if (count < 2) return { bit, pairs: new Int32Array(0) };
  const together = new Map<number, number>();
  for (const i of reportedStories) {
    let mask = 0;
    for (let k = start[i]!; k < start[i + 1]!; k++) if (tf[k]! >= HEADLINE_WEIGHT) mask |= bit[term[k]!]!;
    // each pair of the headline's bursts once
    for (let a = mask; a !== 0; a &= a - 1) {
      const low = a & -a;
      for (let b = a & (a - 1); b !== 0; b &= b - 1) {
        const pair = low | (b & -b);
        together.set(pair, (together.get(pair) ?? 0) + 1);
      }
    }
  }
  return { bit, pairs: Int32Array.from([...together].filter(([, n]) => n >= options.burstPairHeadlines).map(([pair]) => pair)) };
}

/**
 * The headline word of dense term t (a store term id), from the last story (in `stories` order)
 * holding it among its headline terms (those counted as headline words, in order) whose headline
 * terms line up one for one with `headlineWords` of its headline; undefined when none does.
 * Looked up per term: a busy day asks for a handful of burst candidates, and cutting every one of its
 * ~1,000 headlines into words to map all their terms was a tenth of its grouping.
 */
function headlineWordOf(stories: readonly GroupInput[], dense: DenseTerms, t: number): string | undefined {
  const { start, term, tf, isPlace } = dense;
  for (let i = stories.length - 1; i >= 0; i--) {
    let at = -1;
    let k = start[i]!;
    for (; k < start[i + 1]! && tf[k]! >= HEADLINE_WEIGHT && isPlace[term[k]!] !== 1; k++) if (term[k] === t) at = k - start[i]!;
    if (at < 0) continue;
    const words = headlineWords(stories[i]!.headline);
    if (words.length === k - start[i]!) return words[at];
  }
  return undefined;
}

/**
 * Where a story cannot tell how a word is written (`NAME_UNKNOWN`: a title-cased headline, "Fed's
 * Plosser: Taper Pace May Be Too Slow", or a sentence's first word), the window's other stories can:
 * the word is a name when more of them write it as one than lower-case ("Plosser", "Titanfall"), else
 * common when any write it lower-case ("Fall", "Data"). In place, over the entries of `denseTerms`.
 */
function nameByWindow(term: Int32Array, name: Uint8Array, terms: number): void {
  const asName = new Int32Array(terms);
  const asCommon = new Int32Array(terms);
  for (let k = 0; k < term.length; k++) {
    if (name[k] === NAME_WRITTEN) asName[term[k]!]!++;
    else if (name[k] === COMMON_WRITTEN) asCommon[term[k]!]!++;
  }
  for (let k = 0; k < term.length; k++) {
    if (name[k] !== NAME_UNKNOWN) continue;
    const t = term[k]!;
    if (asName[t]! > asCommon[t]!) name[k] = NAME_WRITTEN;
    else if (asCommon[t]! > 0) name[k] = COMMON_WRITTEN;
  }
}

/**
 * A story that is one of a series, not a report of an event: its headline's shape was filed on many
 * earlier days (`series`), or it is a notice (a body of its own, but shorter than a reported story)
 * under a headline of a shape the window repeats (`template`: "<company> SETS PAYOUT", "<company> 4TH
 * QTR NET"). What such stories share is the series' own words; each stays a group of its own.
 */
function isRoutine(story: GroupInput, options: Readonly<GroupingOptions>): boolean {
  if ((story.series ?? 0) >= 0.5) return true;
  if ((story.template ?? 0) < 0.5 || story.bodyWords === undefined) return false;
  return story.bodyWords < options.fullStoryWords && story.bodyWords > countWords(story.headline);
}

/**
 * tf-idf vectors over the window itself: what is rare today (a company, a town) identifies an event,
 * and what many stories share (a big event's name) still weighs, smoothly less (log(1 + N/df)). A term
 * only one story has cannot link two stories and would only dilute a short headline: left out, as
 * are generic terms (`termRoles`).
 */
function storyVectors(
  stories: readonly GroupInput[],
  options: Readonly<GroupingOptions>,
  background?: TermBackground,
  history?: HeadlineHistory,
): Vectors {
  const dense = denseTerms(stories);
  const { start, term, tf, name, isPlace, terms, keyOf } = dense;
  const df = new Int32Array(terms);
  for (let k = 0; k < term.length; k++) df[term[k]!]!++;
  // Stories per day of the window (`stories` are in time order): a window of a day or less counts whole.
  const spanDays = stories.length > 0 ? (stories[stories.length - 1]!.publishedMs - stories[0]!.publishedMs) / DAY_MS : 0;
  const perDay = stories.length / Math.max(1, spanDays);
  const { generic, anchor, specific } = termRoles(df, keyOf, stories.length, perDay, options, background);
  const { burst, reportedStories } = burstTerms(stories, dense, df, anchor, options, background, history);
  const { bit: burstBit, pairs: burstPairs } = burstPairsOf(reportedStories, dense, burst, options);
  for (let t = 0; t < terms; t++) {
    if (burst[t]) anchor[t] = 1;
    else if (generic[t]) df[t] = 0;
  }
  nameByWindow(term, name, terms);
  const subjectStart = new Int32Array(stories.length + 1);
  const subjectList: number[] = [];
  for (let i = 0; i < stories.length; i++) {
    subjectStart[i] = subjectList.length;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const t = term[k]!;
      if (tf[k]! >= HEADLINE_WEIGHT && name[k] === NAME_WRITTEN && anchor[t] === 1 && isPlace[t] !== 1) subjectList.push(t);
    }
  }
  subjectStart[stories.length] = subjectList.length;
  // As if the window held at least 50 stories: in a tiny window every shared word looks common.
  const n = Math.max(stories.length, 50);
  // Each term's idf once, not once per story holding it.
  const idf = new Float64Array(terms);
  for (let t = 0; t < terms; t++) if (df[t]! >= 2) idf[t] = Math.log(1 + n / df[t]!);
  const anyBurst = burst.includes(1);
  const outStart = new Int32Array(stories.length + 1);
  const outTerm = new Int32Array(term.length);
  const weight = new Float64Array(term.length);
  const head = new Uint8Array(term.length);
  const named = new Uint8Array(term.length);
  const uncommon = new Uint8Array(term.length);
  const lower = new Uint8Array(term.length);
  const words = new Int32Array(stories.length);
  const namesSubject = new Uint8Array(stories.length);
  const burstHead = new Uint8Array(stories.length);
  const top = new Int32Array(Math.max(0, Math.min(options.maxTerms, term.length)));
  let at = 0;
  for (let i = 0; i < stories.length; i++) {
    outStart[i] = at;
    const first = at;
    let norm = 0;
    if (isRoutine(stories[i]!, options)) continue;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const t = term[k]!;
      if (df[t]! < 2) continue;
      const x = tf[k]! * idf[t]! * (isPlace[t] ? options.placeWeight : 1);
      outTerm[at] = t;
      head[at] = tf[k]! >= HEADLINE_WEIGHT ? 1 : 0;
      named[at] = head[at] === 1 && (name[k] === NAME_WRITTEN || name[k] === NAME_UNKNOWN) ? 1 : 0;
      if (head[at] === 1 && name[k] === NAME_WRITTEN && anchor[t] === 1 && isPlace[t] !== 1) namesSubject[i] = 1;
      if (head[at] === 1 && burst[t] === 1) burstHead[i] = 1;
      uncommon[at] = head[at] === 1 && name[k] !== COMMON_WRITTEN ? 1 : 0;
      lower[at] = name[k] === COMMON_WRITTEN ? 1 : 0;
      weight[at++] = x;
      if (!isPlace[t]) words[i]!++;
    }
    // A long story keeps its `maxTerms` heaviest terms (in their order): what it is about, not every
    // word of its lead; it also bounds the postings a story walks.
    if (at - first > options.maxTerms) {
      const kept = heaviest(weight, outTerm, first, at, top, anyBurst ? burst : null);
      // Kept entries are in their order and each at or after its new place: moved forward in place.
      for (let j = 0; j < kept; j++) {
        const k = top[j]!;
        outTerm[first + j] = outTerm[k]!;
        weight[first + j] = weight[k]!;
        head[first + j] = head[k]!;
        named[first + j] = named[k]!;
        uncommon[first + j] = uncommon[k]!;
        lower[first + j] = lower[k]!;
      }
      at = first + kept;
    }
    for (let k = first; k < at; k++) norm += weight[k]! * weight[k]!;
    norm = Math.sqrt(norm);
    if (norm !== 0) for (let k = first; k < at; k++) weight[k] = weight[k]! / norm;
  }
  outStart[stories.length] = at;
  for (let t = 0; t < terms; t++) if (df[t]! < 2) df[t] = 0;
  // A body, when its length is known; else a text longer than a headline's.
  const bodied = Uint8Array.from(stories, (story, i) =>
    (story.bodyWords !== undefined ? story.bodyWords > countWords(story.headline) : storyness(words[i]!, options) > 0) ? 1 : 0,
  );
  return {
    start: outStart,
    term: outTerm,
    weight,
    head,
    named,
    uncommon,
    lower,
    isPlace,
    terms,
    words,
    df,
    anchor,
    specific,
    burst,
    bodied,
    namesSubject,
    burstHead,
    burstBit,
    burstPairs,
    subjectStart,
    subjects: Int32Array.from(subjectList),
    allStart: start,
    allTerm: term,
  };
}

/**
 * The `top.length` entries of `first`…`end - 1` that rank first (a burst, when `burst` is given, then
 * heavier, then the lower term number: a story holds a term once, so the order is total), into `top` in
 * entry order; returns how many. A sorted insertion into a list of `maxTerms`: a story has a few dozen
 * terms, and sorting them all (with an array of indices each) was a tenth of `storyVectors`.
 */
function heaviest(weight: Float64Array, term: Int32Array, first: number, end: number, top: Int32Array, burst: Uint8Array | null): number {
  const m = top.length;
  if (m === 0) return 0;
  let n = 0;
  for (let k = first; k < end; k++) {
    const w = weight[k]!;
    const t = term[k]!;
    // A burst ranks before any other term: it is what ties the day's big story (`burstTied`), and common
    // today it weighs little ("market" fell out of a lawmakers' "stock dive" story of 19 October 1987).
    const b = burst === null ? 0 : burst[t]!;
    if (n === m) {
      const last = top[n - 1]!;
      const bl = burst === null ? 0 : burst[term[last]!]!;
      if (!(b > bl || (b === bl && (w > weight[last]! || (w === weight[last]! && t < term[last]!))))) continue;
      n--;
    }
    let j = n;
    for (; j > 0; j--) {
      const y = top[j - 1]!;
      const by = burst === null ? 0 : burst[term[y]!]!;
      if (!(b > by || (b === by && (w > weight[y]! || (w === weight[y]! && t < term[y]!))))) break;
      top[j] = y;
    }
    top[j] = k;
    n++;
  }
  top.subarray(0, n).sort();
  return n;
}

/**
 * How much coverage a group's members are worth: each distinct headline counts by how much it is its
 * own words (1 − template) and how much of a story it is (body length), so sixteen "<town> CATTLE …
 * - USDA" reports weigh next to nothing while three reported stories on one event weigh three; then log2, so two beat one (a group worth
 * less than one story goes below zero), plus a bonus for distinct datelines among the own-worded ones.
 */
export function groupCoverage(members: readonly GroupInput[], options: Readonly<GroupingOptions> = DEFAULT_GROUPING): number {
  const byHeadline = new Map<string, number>();
  const datelines = new Set<string>();
  for (const m of members) {
    const own = ownWorth(m);
    const key = m.headlineKey ?? headlineKey(m.headline);
    byHeadline.set(key, Math.max(byHeadline.get(key) ?? 0, own * storySubstance(m, options)));
    if (own >= 0.5 && m.dateline) datelines.add(m.dateline.trim().toLowerCase());
  }
  let worth = 0;
  for (const own of byHeadline.values()) worth += own;
  return coverageOf(worth, datelines.size, options);
}

/** `groupCoverage` of a group of one story (one headline, at most one dateline), without its map and set. */
function storyCoverage(m: GroupInput, options: Readonly<GroupingOptions>): number {
  // `Math.max(0, …)` as the map's first value starts from 0.
  return coverageOf(Math.max(0, ownWorth(m) * storySubstance(m, options)), 0, options);
}

/** How much a story is its own words (1 − template). */
function ownWorth(m: GroupInput): number {
  return 1 - Math.min(1, Math.max(0, m.template ?? 0));
}

/** How much of a story it is (body length). */
function storySubstance(m: GroupInput, options: Readonly<GroupingOptions>): number {
  return m.bodyWords === undefined ? 1 : Math.min(1, Math.max(options.minStoryWeight, m.bodyWords / options.fullStoryWords));
}

/** log2 of the worth (below one: worth − 1), plus the bonus for distinct datelines (none for one: log2 1 = 0). */
function coverageOf(worth: number, datelines: number, options: Readonly<GroupingOptions>): number {
  const base = worth >= 1 ? Math.log2(worth) : worth - 1;
  return base + options.datelineWeight * Math.log2(Math.max(1, datelines));
}

/**
 * The events being formed, in flat typed arrays: each event's centroid is the sum of its members'
 * vectors, kept as postings (event, summed weight, members holding the term), one run per term. A
 * term is in at most as many events as stories hold it (`Vectors.df`), so each run is laid out before
 * any event exists, and comparing a story with every event it shares a term with walks its terms' runs.
 */
class Events {
  readonly base: Int32Array;
  readonly filled: Int32Array;
  readonly event: Int32Array;
  readonly sum: Float64Array;
  readonly holders: Int32Array;
  /** Of the holders, those with the term in their headline (`Vectors.head`). */
  readonly heads: Int32Array;
  /** Of those, the ones writing it as a name or without case (`Vectors.named`)… */
  readonly names: Int32Array;
  /** …and the ones not writing it lower-case (`Vectors.uncommon`). */
  readonly uncommons: Int32Array;
  /** Of the holders, those writing it lower-case anywhere (`Vectors.lower`). */
  readonly lowers: Int32Array;
  readonly size: Int32Array;
  readonly norm2: Float64Array;
  readonly newestMs: Float64Array;
  /** Members holding a burst in their headline (`Vectors.burstHead`). */
  readonly burstMembers: Int32Array;
  /** Each event's subjects (`Vectors.subjects`) with how many of its members name each. */
  readonly subjects: (Map<number, number> | undefined)[] = [];
  /**
   * By vector entry (a story's term): where its posting was when the story last moved, checked before
   * use (a removal moves a run's last posting). A story mostly leaves and rejoins the same event in the
   * refine passes, so this spares most of `find`'s walks along a common term's run.
   */
  private readonly hint: Int32Array;
  count = 0;

  /** `capacity`: events that may ever be made (event numbers are not reused). */
  constructor(
    private readonly vectors: Vectors,
    capacity: number,
    /** The members' tickers, counted per event as stories move (`tickersClash`). */
    readonly tickers: TickerBook,
  ) {
    const entries = vectors.term.length;
    this.base = new Int32Array(vectors.terms);
    for (let t = 1; t < vectors.terms; t++) this.base[t] = this.base[t - 1]! + vectors.df[t - 1]!;
    this.filled = new Int32Array(vectors.terms);
    this.event = new Int32Array(entries);
    this.sum = new Float64Array(entries);
    this.holders = new Int32Array(entries);
    this.heads = new Int32Array(entries);
    this.names = new Int32Array(entries);
    this.uncommons = new Int32Array(entries);
    this.lowers = new Int32Array(entries);
    this.size = new Int32Array(capacity);
    this.norm2 = new Float64Array(capacity);
    this.newestMs = new Float64Array(capacity).fill(-Infinity);
    this.burstMembers = new Int32Array(capacity);
    this.hint = new Int32Array(entries);
  }

  create(): number {
    return this.count++;
  }

  /** The posting of event e for term t, or -1. */
  find(e: number, t: number): number {
    for (let p = this.base[t]!, end = p + this.filled[t]!; p < end; p++) if (this.event[p] === e) return p;
    return -1;
  }

  /** Story i into (sign 1) or out of (sign -1) event e's centroid. */
  move(e: number, i: number, sign: 1 | -1, publishedMs: number): void {
    const { start, term, weight, head, named, uncommon, lower } = this.vectors;
    let norm2 = this.norm2[e]!;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const t = term[k]!;
      const h = this.hint[k]!;
      // An event without members has no postings (each leaves with its last holder): nothing to find.
      let p =
        h >= this.base[t]! && h < this.base[t]! + this.filled[t]! && this.event[h] === e ? h : this.size[e] === 0 ? -1 : this.find(e, t);
      if (p < 0) {
        p = this.base[t]! + this.filled[t]!++;
        this.event[p] = e;
        this.sum[p] = 0;
        this.holders[p] = 0;
        this.heads[p] = 0;
        this.names[p] = 0;
        this.uncommons[p] = 0;
        this.lowers[p] = 0;
      }
      const before = this.sum[p]!;
      const after = before + sign * weight[k]!;
      norm2 += after * after - before * before;
      this.sum[p] = after;
      this.holders[p]! += sign;
      this.heads[p]! += sign * head[k]!;
      this.names[p]! += sign * named[k]!;
      this.uncommons[p]! += sign * uncommon[k]!;
      this.lowers[p]! += sign * lower[k]!;
      this.hint[k] = p;
      if (this.holders[p] === 0) {
        // The term leaves the centroid with its last holder: the run's last posting takes its place.
        const last = this.base[t]! + --this.filled[t]!;
        this.event[p] = this.event[last]!;
        this.sum[p] = this.sum[last]!;
        this.holders[p] = this.holders[last]!;
        this.heads[p] = this.heads[last]!;
        this.names[p] = this.names[last]!;
        this.uncommons[p] = this.uncommons[last]!;
        this.lowers[p] = this.lowers[last]!;
      }
    }
    this.size[e]! += sign;
    this.burstMembers[e]! += sign * this.vectors.burstHead[i]!;
    countTickers(this.tickers, e, i, sign);
    const { subjectStart, subjects } = this.vectors;
    if (subjectStart[i + 1]! > subjectStart[i]!) {
      const book = (this.subjects[e] ??= new Map<number, number>());
      for (let k = subjectStart[i]!; k < subjectStart[i + 1]!; k++) {
        const n = (book.get(subjects[k]!) ?? 0) + sign;
        if (n === 0) book.delete(subjects[k]!);
        else book.set(subjects[k]!, n);
      }
    }
    this.norm2[e] = this.size[e] === 0 ? 0 : Math.max(0, norm2);
    if (sign > 0 && publishedMs > this.newestMs[e]!) this.newestMs[e] = publishedMs;
  }
}

/** A wire ticker in a headline (`<BRT>`, `<CMAC.S>`; not a bracketed name such as `<Georgia Gulf Corp>`). */
function isTickerChar(c: number, dot: boolean): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (dot && c === 46);
}

/**
 * The tickers a headline names: the companies a wire story is about. What `/<([A-Z0-9][A-Z0-9.]{0,9})>/g`
 * matches, distinct, in order; scanned by hand, without a match object, a set and two arrays for each
 * of a busy day's ~300 headlines with brackets.
 */
export function headlineTickers(headline: string): string[] {
  const tickers: string[] = [];
  for (let i = headline.indexOf('<'); i >= 0; i = headline.indexOf('<', i + 1)) {
    if (!isTickerChar(headline.charCodeAt(i + 1), false)) continue;
    // The longest run the pattern allows; a shorter one would end before another ticker character, not '>'.
    let end = i + 2;
    while (end < i + 11 && isTickerChar(headline.charCodeAt(end), true)) end++;
    if (headline.charCodeAt(end) !== 62) continue;
    const ticker = headline.slice(i + 1, end);
    if (!tickers.includes(ticker)) tickers.push(ticker);
    // The next match starts after this one's '>'.
    i = end;
  }
  return tickers;
}

/**
 * Each event's tickers, as its members' headlines name them, with how many members name each. Two
 * sides that both name companies and none in common are about different companies, whatever words
 * they share (`BRT REALTY TRUST <BRT>` and `UNIVERSAL HEALTH REALTY <UHT>`; `SEC PROBES TRE <TRE>
 * TAKEOVER` and `SEARS <S> UNIT AGREES TO SEC CENSURE`): they are never one event.
 */
interface TickerBook {
  of: readonly (readonly string[])[];
  counts: (Map<string, number> | undefined)[];
}

function tickerBook(stories: readonly GroupInput[]): TickerBook {
  return { of: stories.map((s) => (s.headline.includes('<') ? headlineTickers(s.headline) : [])), counts: [] };
}

/** Story i's tickers into (sign 1) or out of (sign -1) event e's. */
function countTickers(book: TickerBook, e: number, i: number, sign: 1 | -1): void {
  const tickers = book.of[i]!;
  if (tickers.length === 0) return;
  const counts = (book.counts[e] ??= new Map<string, number>());
  for (const t of tickers) {
    const n = (counts.get(t) ?? 0) + sign;
    if (n === 0) counts.delete(t);
    else counts.set(t, n);
  }
}

/** Whether event e's members name one of these tickers. */
function sharesTicker(book: TickerBook, tickers: readonly string[], e: number): boolean {
  const counts = book.counts[e];
  return counts !== undefined && tickers.some((t) => counts.has(t));
}

/** Whether these tickers and event e's are both named and share none. */
function tickersClash(book: TickerBook, tickers: readonly string[], e: number): boolean {
  if (tickers.length === 0 || !book.counts[e] || book.counts[e].size === 0) return false;
  return !sharesTicker(book, tickers, e);
}

/**
 * Whether event e names a subject of its own that the other side does not hold: one that at least
 * half its members name (`Vectors.subjects`) and `holds` says the other side lacks.
 */
function hasOwnSubject(events: Events, e: number, holds: (t: number) => boolean): boolean {
  const book = events.subjects[e];
  if (!book) return false;
  for (const [t, n] of book) if (2 * n >= events.size[e]! && !holds(t)) return true;
  return false;
}

/**
 * `hasOwnSubject` of event e against event `other` (what `other` holds, `eventHolds`), without a
 * function made for it: the merge asks it of thousands of event pairs on a busy day.
 */
function hasSubjectNotIn(events: Events, e: number, other: number): boolean {
  const book = events.subjects[e];
  if (!book) return false;
  for (const [t, n] of book) if (2 * n >= events.size[e]! && !eventHolds(events, other, t)) return true;
  return false;
}

/**
 * Story i, a story with a body, is not about event e's subject: the event names in its headlines (at
 * least half its members) a subject the story does not hold anywhere, and the two name no company in
 * common (a ticker) nor a subject rare enough to be today's news (`specific`: "Viacom", not the SEC).
 * What else they share, a word of both names ("hotel") or a third party both name (the SEC), makes them
 * a kind of news, not one event: `MARRIOTT <MHS> TO SELL HOTEL` and `HK HOTELS SOARS ON TAKEOVER
 * SPECULATION`; the SEC staff's charges against WPPSS and a list of offerings filed with the SEC. A
 * headline alone is left to the other rules: it holds too few words to tell what it lacks.
 */
function subjectsDiffer(vectors: Vectors, events: Events, i: number, e: number, scratch: Scratch): boolean {
  if (vectors.bodied[i] !== 1) return false;
  const book = events.subjects[e];
  if (!book) return false;
  for (let k = vectors.subjectStart[i]!; k < vectors.subjectStart[i + 1]!; k++) {
    const t = vectors.subjects[k]!;
    if (vectors.specific[t] === 1 && eventHolds(events, e, t)) return false;
  }
  if (sharesTicker(events.tickers, events.tickers.of[i]!, e)) return false;
  markHeld(vectors, i, scratch);
  return hasOwnSubject(events, e, (t) => scratch.held[t] === scratch.heldStamp);
}

/**
 * The merge's form of `subjectsDiffer`, on both sides: events a and b each name a subject the other
 * does not hold, and share no specific one nor a ticker (two events the single pass kept apart one way).
 */
/** Whether event e holds term t: as a subject of its members, or among its terms. */
function eventHolds(events: Events, e: number, t: number): boolean {
  return events.subjects[e]?.has(t) === true || events.find(e, t) >= 0;
}

function eventSubjectsDiffer(vectors: Vectors, events: Events, a: number, b: number): boolean {
  const holds = (other: number) => (t: number) => eventHolds(events, other, t);
  for (const t of events.subjects[a]?.keys() ?? []) if (vectors.specific[t] === 1 && holds(b)(t)) return false;
  if (sharesTicker(events.tickers, [...(events.tickers.counts[a]?.keys() ?? [])], b)) return false;
  return hasOwnSubject(events, a, holds(b)) && hasOwnSubject(events, b, holds(a));
}

/**
 * A wire headline's ticker names the company the story is about (`MCDONNELL DOUGLAS <MD> IN PACT WITH
 * CHINESE FIRM`, `FOOTHILL <FGI> TO TRADE ON NYSE`). Where one side names a company so and the other
 * names none (both naming one is `tickersClash`'s), the other side must be about that company too: it
 * holds a subject of the ticker side (its lead's name for the company, `Vectors.subjects`; a company's
 * listing on the NYSE is not the NYSE's news of its trading volume), or the ticker side names none
 * (nothing to tell by). This for story i and event e (`scratch` as `accumulate` left it for e).
 */
function storyCompanyJoinable(vectors: Vectors, events: Events, i: number, e: number, scratch: Scratch): boolean {
  const storyNames = events.tickers.of[i]!.length > 0;
  const eventNames = (events.tickers.counts[e]?.size ?? 0) > 0;
  if (!storyNames && !eventNames) return true;
  if (vectors.bodied[i] === 1 && scratch.commonHeads[e] === 0 && actorsDiffer(vectors, events, i, e, scratch)) return false;
  if (storyNames === eventNames) return true;
  if (storyNames) {
    for (let k = vectors.subjectStart[i]!; k < vectors.subjectStart[i + 1]!; k++)
      if (eventHolds(events, e, vectors.subjects[k]!)) return true;
    return vectors.subjectStart[i + 1] === vectors.subjectStart[i];
  }
  const book = events.subjects[e];
  if (!book || book.size === 0) return true;
  markHeld(vectors, i, scratch);
  for (const t of book.keys()) if (scratch.held[t] === scratch.heldStamp) return true;
  return false;
}

/** `storyCompanyJoinable` for events a and b (`scratch` as `compareEvent` left it for a against b). */
function eventCompanyJoinable(events: Events, a: number, b: number, scratch: Scratch, bodied: boolean): boolean {
  const aNames = (events.tickers.counts[a]?.size ?? 0) > 0;
  const bNames = (events.tickers.counts[b]?.size ?? 0) > 0;
  if (!aNames && !bNames) return true;
  if (bodied && scratch.commonHeads[b] === 0 && (hasSubjectNotIn(events, a, b) || hasSubjectNotIn(events, b, a))) return false;
  if (aNames === bNames) return true;
  const tickerSide = aNames ? a : b;
  const other = aNames ? b : a;
  const book = events.subjects[tickerSide];
  if (!book || book.size === 0) return true;
  for (const t of book.keys()) if (eventHolds(events, other, t)) return true;
  return false;
}

/**
 * Where a side names a company by ticker (`storyCompanyJoinable`): story i or event e names a subject the other does not hold at all (`Vectors.subjects`, at least half
 * the event's members for the event's): an actor of its own. With no headline word in common but names
 * (`Scratch.commonHeads`), that side is its actor's news, whatever company both also name (`AIRBUS SAID
 * READY TO COOPERATE WITH MCDONNELL <MD>` and `MCDONNELL DOUGLAS <MD> IN PACT WITH CHINESE FIRM`): one
 * shared ticker or name, and nothing said of it in common, does not make them one event.
 */
function actorsDiffer(vectors: Vectors, events: Events, i: number, e: number, scratch: Scratch): boolean {
  let own = false;
  for (let k = vectors.subjectStart[i]!; k < vectors.subjectStart[i + 1]! && !own; k++) {
    const t = vectors.subjects[k]!;
    own = !eventHolds(events, e, t);
  }
  if (own) return true;
  markHeld(vectors, i, scratch);
  return hasOwnSubject(events, e, (t) => scratch.held[t] === scratch.heldStamp);
}

/** Marks story i's terms (all it holds, `Vectors.allTerm`) in `scratch.held`, once however many events it is compared with. */
function markHeld(vectors: Vectors, i: number, scratch: Scratch): void {
  if (scratch.heldStory === i) return;
  scratch.heldStamp++;
  scratch.heldStory = i;
  for (let k = vectors.allStart[i]!; k < vectors.allStart[i + 1]!; k++) scratch.held[vectors.allTerm[k]!] = scratch.heldStamp;
}

/** Per-event accumulators of one comparison, valid where `mark` holds the current `stamp`. */
interface Scratch {
  dot: Float64Array;
  shared: Int32Array;
  /** Of the shared words, the anchors (`Vectors.anchor`) held by at least `anchorShare` of the event's members. */
  anchors: Int32Array;
  /** Of the shared words, those that would be anchors but neither side writes as a name. */
  described: Int32Array;
  /** Of the shared words, those in a headline on both sides that a side writes lower-case: a common word (`storyCompanyJoinable`). */
  commonHeads: Int32Array;
  /** Of the shared words, those both sides write lower-case somewhere (`Vectors.lower`): what is said in common, not who (`saysInCommon`). */
  plain: Int32Array;
  /** Shared anchors that are the window's bursts (`Vectors.burst`), in a headline on both sides… */
  bursts: Int32Array;
  /** …and shared words that are bursts, wherever they are, and their bits (`Vectors.burstBit`). */
  burstWords: Int32Array;
  burstMask: Int32Array;
  anchorShare: number;
  /** Share of an event's members that must hold a word for it to count as shared (see `accumulate`). */
  holderShare: number;
  /** Events numbered below this are not compared (`compareEvent`: the merge's first round meets each pair from its lower event). */
  below: number;
  mark: Int32Array;
  stamp: number;
  /**
   * The events of the current comparison, in the order first met: the first `touchedCount`. A typed
   * array kept for the whole grouping: an array emptied and pushed to again each comparison grew its
   * storage anew every time (a third of a build's allocations).
   */
  touched: Int32Array;
  touchedCount: number;
  /** Terms already walked for the current event (`compareEvent`), by `termStamp`. */
  termMark: Int32Array;
  /** Terms story `heldStory` holds (`subjectsDiffer`), where equal to `heldStamp`. */
  held: Int32Array;
  heldStamp: number;
  heldStory: number;
}

function newScratch(stories: number, terms: number): Scratch {
  return {
    dot: new Float64Array(stories),
    shared: new Int32Array(stories),
    anchors: new Int32Array(stories),
    described: new Int32Array(stories),
    commonHeads: new Int32Array(stories),
    plain: new Int32Array(stories),
    bursts: new Int32Array(stories),
    burstWords: new Int32Array(stories),
    burstMask: new Int32Array(stories),
    anchorShare: 0,
    holderShare: 0,
    below: 0,
    mark: new Int32Array(stories),
    stamp: 0,
    touched: new Int32Array(stories),
    touchedCount: 0,
    termMark: new Int32Array(terms),
    held: new Int32Array(terms),
    heldStamp: 0,
    heldStory: -1,
  };
}

/**
 * Walk term t's run: each event holding it gains `x` times its summed weight, and a shared word unless a
 * place. The word is a shared anchor when it is one (`Vectors.anchor`), `anchorOk` says the compared side
 * holds it fairly, enough of the event holds it (`anchorShare`), and it is in a headline on both sides
 * (`inHeadline` for the compared side): a wire headline names its story's subject, and a name one story's
 * lead drops in passing ("Marvin Warner", "pharmaceuticals") is not what both tell of. It is a name
 * anchor when neither side writes it lower-case (`uncommon` for the compared side) and one side writes
 * it as a name or has no case to tell by (`named`; `termNames`): "unemployment" or "UPS" (raises) in two
 * headlines is a kind of news, not one event. Else it only helps describe one (`anchored`).
 */
function accumulate(
  events: Events,
  vectors: Vectors,
  scratch: Scratch,
  t: number,
  x: number,
  skip: number,
  anchorOk: boolean,
  inHeadline: boolean,
  named: boolean,
  uncommon: boolean,
  lowered: boolean,
  writtenLower: boolean,
): void {
  const isPlace = vectors.isPlace[t] === 1;
  const anchor = anchorOk && vectors.anchor[t] === 1;
  const below = scratch.below;
  for (let p = events.base[t]!, end = p + events.filled[t]!; p < end; p++) {
    const e = events.event[p]!;
    if (e === skip || e < below) continue;
    if (scratch.mark[e] !== scratch.stamp) {
      scratch.mark[e] = scratch.stamp;
      scratch.dot[e] = 0;
      scratch.shared[e] = 0;
      scratch.anchors[e] = 0;
      scratch.described[e] = 0;
      scratch.commonHeads[e] = 0;
      scratch.plain[e] = 0;
      scratch.bursts[e] = 0;
      scratch.burstWords[e] = 0;
      scratch.burstMask[e] = 0;
      scratch.touched[scratch.touchedCount++] = e;
    }
    scratch.dot[e]! += x * events.sum[p]!;
    // A word counts as shared when a fair part of the event holds it: a big event's centroid holds some
    // of every word, and one story's passing word is no evidence the next story is on the same event.
    if (!isPlace && events.holders[p]! >= events.size[e]! * scratch.holderShare) {
      scratch.shared[e]!++;
      if (vectors.burst[t] === 1) {
        scratch.burstWords[e]!++;
        scratch.burstMask[e]! |= vectors.burstBit[t]!;
      }
      if (inHeadline && events.heads[p]! > 0 && (lowered || events.heads[p]! > events.uncommons[p]!)) scratch.commonHeads[e]!++;
      if (writtenLower && events.lowers[p]! > 0) scratch.plain[e]!++;
      if (anchor && inHeadline && events.heads[p]! > 0 && events.holders[p]! >= events.size[e]! * scratch.anchorShare) {
        // A burst is today's story, however its leads write it ("stock", "market" on a crash day). Else
        // a name: neither side writes it lower-case, and one writes it as a name (or cannot tell).
        if (vectors.burst[t] === 1) scratch.bursts[e]!++;
        else if (uncommon && events.uncommons[p]! > 0 && (named || events.names[p]! > 0)) scratch.anchors[e]!++;
        else scratch.described[e]!++;
      }
    }
  }
}

/**
 * Story i has the words to share an anchor (`accumulate`): a rare headline word it does not write
 * lower-case, or `describingWords` rare headline words. A story with a body and neither joins no event,
 * so it is compared with none (each comparison walks every event holding each of its words).
 */
function mayAnchor(vectors: Vectors, i: number, options: Readonly<GroupingOptions>): boolean {
  let described = 0;
  for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
    const t = vectors.term[k]!;
    if (vectors.head[k] !== 1 || vectors.anchor[t] !== 1 || vectors.isPlace[t] === 1) continue;
    if (vectors.uncommon[k] === 1 || vectors.burst[t] === 1 || ++described >= options.describingWords) return true;
  }
  return false;
}

/**
 * The compared side and event e share an anchor (`accumulate`): a name, or `describingWords` rare
 * headline words that neither writes as a name ("storm", "harbour", "bridge" closed): a happening told
 * by what happened, where one or two shared words ("unemployment" rate, "load factor") are a kind of news.
 */
function anchored(scratch: Scratch, e: number, options: Readonly<GroupingOptions>): boolean {
  return scratch.anchors[e]! >= 1 || scratch.described[e]! >= options.describingWords;
}

/**
 * The compared side and event e say something in common: a shared word (held as `accumulate` counts
 * shared words) that both write lower-case, not only names. A name shared alone is a company's or a
 * body's day, not one event: Boeing choosing an engine and a report on a Boeing crash; Freeport's new
 * sulphur mine and its accounting change. What one event's reports share besides its actors is what
 * happened ("tin", "extension"; "engine").
 */
function saysInCommon(scratch: Scratch, e: number): boolean {
  return scratch.plain[e]! >= 1;
}

/**
 * Event e is the day's big story (`isBurstEvent`) and what it is compared with shares no burst with
 * it: kept out. Such an event mixes many bureaus' subjects, so none is its own for `subjectsDiffer` to
 * keep others out by, and a word one member holds ("premier" of Japan's, watching its stock market)
 * would bring in another country's premier.
 */
function burstOnly(events: Events, e: number, scratch: Scratch): boolean {
  return isBurstEvent(events, e) && scratch.burstWords[e]! === 0;
}

/** Two or more of event e's members, and most, hold a burst in their headline (`Vectors.burstHead`). */
function isBurstEvent(events: Events, e: number): boolean {
  return events.burstMembers[e]! >= 2 && 2 * events.burstMembers[e]! > events.size[e]!;
}

/**
 * The compared side and event e are tied by the day's big story (`GroupingOptions.burstHeadlines`):
 * both name a burst in their headlines and share `burstWords` bursts in all ("stock" and "market"),
 * two of which the day's headlines write together (`burstPairHeadlines`), and neither names a company
 * by ticker (`untickered`): one burst word alone is shared by the day's other news told in it (a
 * country's trade figures on a day of trade-bill news), two bursts of two stories are shared by chance,
 * and a company's buyback on a crash day is the company's news. Tied, they need no other anchor, no
 * subject of their own keeps them apart (as a specific subject both name, `subjectsDiffer`), and events
 * merge at `burstMergeThreshold`.
 */
function burstTied(vectors: Vectors, scratch: Scratch, e: number, options: Readonly<GroupingOptions>, untickered: boolean): boolean {
  if (!untickered || scratch.bursts[e]! < 1 || scratch.burstWords[e]! < options.burstWords) return false;
  const mask = scratch.burstMask[e]!;
  for (const pair of vectors.burstPairs) if ((mask & pair) === pair) return true;
  return false;
}

/**
 * How much higher the bar is for a story of `words` event words: a long story shares words with any
 * event by chance, where a headline shares only what it is about. Up to `lengthReference` words (a
 * headline) the bar is `threshold`; from `storyWords` on (a headline and a two-sentence lead) it is
 * `storyThreshold`; in between it rises geometrically with the length.
 */
function lengthFactor(words: number, options: Readonly<GroupingOptions>): number {
  return Math.pow(options.storyThreshold / options.threshold, storyness(words, options));
}

/** 0 for a headline (`lengthReference` event words or fewer), 1 for a full story (`storyWords` or more), geometric in between. */
function storyness(words: number, options: Readonly<GroupingOptions>): number {
  if (words <= options.lengthReference) return 0;
  return Math.min(1, Math.log(words / options.lengthReference) / Math.log(options.storyWords / options.lengthReference));
}

/** Time decay of a similarity across `gapMs`. */
function decay(gapMs: number, options: Readonly<GroupingOptions>): number {
  return Math.pow(0.5, Math.abs(gapMs) / options.decayHalfLifeMs);
}

/**
 * Story i has the words to join some event, whatever the events: `minSharedWords` event words (with
 * fewer it cannot show it shares an event), and the words to share an anchor where it needs one.
 */
function mayJoin(vectors: Vectors, i: number, options: Readonly<GroupingOptions>): boolean {
  if (vectors.words[i]! < options.minSharedWords) return false;
  return !needsAnchor(vectors, i) || mayAnchor(vectors, i, options);
}

/** Story i joins only an event it shares an anchor with: a story with a body, or a headline naming its subject. */
function needsAnchor(vectors: Vectors, i: number): boolean {
  return vectors.bodied[i] === 1 || vectors.namesSubject[i] === 1;
}

/**
 * The best event for story i: the highest time-decayed cosine with its centroid that passes the
 * threshold, among events sharing enough event words with it (a place or filler word alone never
 * makes an event); -1 when none. Ties go to the older event. Event `leaveOut` (-1: none) is not compared.
 */
function bestEvent(
  vectors: Vectors,
  events: Events,
  i: number,
  publishedMs: number,
  options: Readonly<GroupingOptions>,
  scratch: Scratch,
  leaveOut = -1,
): number {
  if (!mayJoin(vectors, i, options)) return -1;
  const need = options.minSharedWords;
  const needAnchor = needsAnchor(vectors, i);
  // A full story shares some word with any big event: only words a fair part of the event holds count.
  scratch.holderShare = options.storyHolderShare * storyness(vectors.words[i]!, options);
  scratch.anchorShare = scratch.holderShare;
  scratch.below = 0;
  scratch.stamp++;
  scratch.touchedCount = 0;
  for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
    const t = vectors.term[k]!;
    accumulate(
      events,
      vectors,
      scratch,
      t,
      vectors.weight[k]!,
      leaveOut,
      true,
      vectors.head[k] === 1,
      vectors.named[k] === 1,
      vectors.uncommon[k] === 1,
      vectors.head[k] === 1 && vectors.uncommon[k] !== 1,
      vectors.lower[k] === 1,
    );
  }
  let best = -1;
  let bestSim = options.threshold * lengthFactor(vectors.words[i]!, options);
  const untickered = events.tickers.of[i]!.length === 0;
  for (let j = 0; j < scratch.touchedCount; j++) {
    const e = scratch.touched[j]!;
    const tied = burstTied(vectors, scratch, e, options, untickered && (events.tickers.counts[e]?.size ?? 0) === 0);
    if (scratch.shared[e]! < need || (needAnchor && !tied && !anchored(scratch, e, options)) || events.norm2[e]! === 0) continue;
    if (vectors.bodied[i] === 1 && !tied && !saysInCommon(scratch, e)) continue;
    if (burstOnly(events, e, scratch)) continue;
    if (tickersClash(events.tickers, events.tickers.of[i]!, e)) continue;
    if (!storyCompanyJoinable(vectors, events, i, e, scratch)) continue;
    const cosine = scratch.dot[e]! / Math.sqrt(events.norm2[e]!);
    // Decay only lowers a similarity: most touched events share a word or two and are far below.
    if (cosine < bestSim) continue;
    const sim = cosine * decay(publishedMs - events.newestMs[e]!, options);
    if ((sim > bestSim || (sim === bestSim && e < best)) && (tied || !subjectsDiffer(vectors, events, i, e, scratch))) {
      best = e;
      bestSim = sim;
    }
  }
  return best;
}

/**
 * Dot products of event a's centroid with every event it shares a term with (into `scratch`); with
 * `onlyAbove`, only those numbered above a (the merge's first round compares each pair once, from its
 * lower event: walking the others too was half of that round's work).
 */
function compareEvent(
  vectors: Vectors,
  events: Events,
  a: number,
  members: readonly number[],
  scratch: Scratch,
  options: Readonly<GroupingOptions>,
  onlyAbove: boolean,
): void {
  scratch.below = onlyAbove ? a : 0;
  scratch.stamp++;
  scratch.holderShare = 0;
  // A name two events share must be what each is about, not one member's passing mention.
  scratch.anchorShare = options.storyHolderShare;
  scratch.touchedCount = 0;
  for (const i of members) {
    for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
      const t = vectors.term[k]!;
      if (scratch.termMark[t] === scratch.stamp) continue;
      scratch.termMark[t] = scratch.stamp;
      const p = events.find(a, t);
      accumulate(
        events,
        vectors,
        scratch,
        t,
        events.sum[p]!,
        a,
        events.holders[p]! >= events.size[a]! * scratch.anchorShare,
        events.heads[p]! > 0,
        events.names[p]! > 0,
        events.uncommons[p]! > 0,
        events.heads[p]! > events.uncommons[p]!,
        events.lowers[p]! > 0,
      );
    }
  }
}

interface MergeCandidate {
  sim: number;
  a: number;
  b: number;
  versionA: number;
  versionB: number;
}

/** Best first: higher similarity, then lower event numbers (deterministic). */
function before(x: MergeCandidate, y: MergeCandidate): boolean {
  return x.sim > y.sim || (x.sim === y.sim && (x.a < y.a || (x.a === y.a && x.b < y.b)));
}

function heapPush(heap: MergeCandidate[], c: MergeCandidate): void {
  heap.push(c);
  for (let k = heap.length - 1; k > 0;) {
    const parent = (k - 1) >> 1;
    if (!before(heap[k]!, heap[parent]!)) break;
    [heap[k], heap[parent]] = [heap[parent]!, heap[k]!];
    k = parent;
  }
}

function heapPop(heap: MergeCandidate[]): MergeCandidate | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last) {
    heap[0] = last;
    for (let k = 0; ;) {
      const l = 2 * k + 1;
      const r = l + 1;
      let m = k;
      if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
      if (m === k) break;
      [heap[k], heap[m]] = [heap[m]!, heap[k]!];
      k = m;
    }
  }
  return top;
}

/**
 * The merge step (Miranda et al. 2018): a single pass splits an event whose first stories were told
 * in different words, so two events whose centroids are close (time-decayed cosine) and share event
 * words become one: centroid-linkage agglomeration, the closest pair first, until no pair passes.
 */
function mergeEvents(vectors: Vectors, events: Events, members: number[][], options: Readonly<GroupingOptions>, scratch: Scratch): void {
  const version = new Int32Array(events.count);
  const heap: MergeCandidate[] = [];
  const words = new Float64Array(events.count);
  for (let e = 0; e < events.count; e++) for (const i of members[e]!) words[e]! += vectors.words[i]!;
  const meanWords = (e: number): number => words[e]! / Math.max(1, members[e]!.length);
  // Events holding a story with a body: they merge with another only on a shared anchor.
  const bodied = new Int32Array(events.count);
  for (let e = 0; e < events.count; e++) for (const i of members[e]!) bodied[e]! += vectors.bodied[i]!;
  // A headline naming its subject still alone is held to the single pass's rule (`bestEvent`) here too.
  const namedAlone = (e: number): boolean => members[e]!.length === 1 && vectors.namesSubject[members[e]![0]!] === 1;
  const candidatesOf = (a: number, onlyAbove: boolean): void => {
    compareEvent(vectors, events, a, members[a]!, scratch, options, onlyAbove);
    const named = [...(events.tickers.counts[a]?.keys() ?? [])];
    for (let j = 0; j < scratch.touchedCount; j++) {
      const b = scratch.touched[j]!;
      if ((onlyAbove && b < a) || scratch.shared[b]! < options.minSharedWords) continue;
      if (tickersClash(events.tickers, named, b)) continue;
      if (!eventCompanyJoinable(events, a, b, scratch, bodied[a]! + bodied[b]! > 0)) continue;
      // The day's big story ties them as a shared specific subject does (`subjectsDiffer`).
      const burst = burstTied(vectors, scratch, b, options, named.length === 0 && (events.tickers.counts[b]?.size ?? 0) === 0);
      if ((bodied[a]! + bodied[b]! > 0 || namedAlone(a) || namedAlone(b)) && !burst && !anchored(scratch, b, options)) continue;
      if (bodied[a]! + bodied[b]! > 0 && !burst && !saysInCommon(scratch, b)) continue;
      // The day's big story, on either side, takes in only what shares a burst with it (`burstOnly`).
      if (burstOnly(events, b, scratch) || (isBurstEvent(events, a) && scratch.burstWords[b]! === 0)) continue;
      if (bodied[a]! + bodied[b]! > 0 && !burst && eventSubjectsDiffer(vectors, events, a, b)) continue;
      const norms = Math.sqrt(events.norm2[a]! * events.norm2[b]!);
      if (norms === 0) continue;
      const sim = (scratch.dot[b]! / norms) * decay(events.newestMs[a]! - events.newestMs[b]!, options);
      const bar = options.mergeThreshold * lengthFactor(Math.min(meanWords(a), meanWords(b)), options);
      if (sim < (burst ? Math.min(bar, options.burstMergeThreshold) : bar)) continue;
      const [x, y] = a < b ? [a, b] : [b, a];
      heapPush(heap, { sim, a: x, b: y, versionA: version[x]!, versionB: version[y]! });
    }
  };
  // A story with a body alone in its event, without the words to share an anchor (`mayAnchor`),
  // merges with nothing (neither side finds an anchor in the other): not compared at all.
  const mergeable = (a: number): boolean =>
    members[a]!.length > 1 || vectors.bodied[members[a]![0]!] !== 1 || mayAnchor(vectors, members[a]![0]!, options);
  for (let a = 0; a < events.count; a++) if (members[a]!.length > 0 && mergeable(a)) candidatesOf(a, true);
  for (let c = heapPop(heap); c; c = heapPop(heap)) {
    if (c.versionA !== version[c.a] || c.versionB !== version[c.b]) continue;
    // The smaller event's stories move into the larger (fewer moves); the same number keeps the lower.
    const [into, from] = members[c.b]!.length > members[c.a]!.length ? [c.b, c.a] : [c.a, c.b];
    for (const i of members[from]!) {
      events.move(from, i, -1, 0);
      events.move(into, i, 1, events.newestMs[from]!);
    }
    members[into]!.push(...members[from]!);
    members[from] = [];
    words[into]! += words[from]!;
    words[from] = 0;
    bodied[into]! += bodied[from]!;
    bodied[from] = 0;
    version[from]!++;
    version[into]!++;
    candidatesOf(into, false);
  }
}

/**
 * A headline still alone after the merge (or a few together, or a side thread of a big story told in
 * its own words: "Titanfall campaign mode", a first look at its TV series) often shares with a big
 * event just the one word the event is about ("How to level up in Titanfall", "Bitcoin refuses to
 * flip"): too little for the single pass, where one shared word among small events is chance, and for
 * the merge, where a big event's centroid is spread over all its stories' words. Once events are
 * formed, a word is an event's own when at least `attachCoreShare` of the event's members hold it and
 * at least that share of the window's stories holding it are in the event: what the event is about,
 * and nothing else today is ("bond", "acquisition" on a wire day are held by many small events and
 * strays alike). A group of headlines joins the most similar established event (`attachMinSize`)
 * larger than itself that it shares such a word with, when the word is the group's own too (held by
 * that share of its members: not one member's passing mention) and their centroids pass the single
 * pass's bar (decayed cosine). Places never count (two events in one country stay apart); stories with
 * a body are left alone (they have said what they are about in many words, and it matched nothing).
 * Every group is compared with the events as the merge left them, and a group whose event itself joins
 * a larger one follows it there (sizes only grow along the way), so the order of the groups changes
 * nothing.
 */
function attachStrays(
  stories: readonly GroupInput[],
  vectors: Vectors,
  events: Events,
  members: number[][],
  options: Readonly<GroupingOptions>,
  scratch: Scratch,
): void {
  if (!Number.isFinite(options.attachMinSize)) return;
  // A headline: few event words (`lengthReference`), and no body of its own (`Vectors.bodied`).
  const isHeadline = (i: number): boolean => storyness(vectors.words[i]!, options) === 0 && vectors.bodied[i] === 0;
  const moves: [number, number][] = [];
  for (let e = 0; e < members.length; e++) {
    const list = members[e]!;
    if (list.length === 0 || events.norm2[e]! === 0 || !list.every(isHeadline)) continue;
    scratch.stamp++;
    scratch.touchedCount = 0;
    // A group naming its subject (`Vectors.namesSubject`) joins only on a word neither side writes
    // lower-case and one writes as a name: its own name, not a common word the event also uses.
    const named = list.some((i) => vectors.namesSubject[i] === 1);
    for (const i of list) {
      for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
        const t = vectors.term[k]!;
        if (scratch.termMark[t] === scratch.stamp) continue;
        scratch.termMark[t] = scratch.stamp;
        const own = events.find(e, t);
        const x = events.sum[own]!;
        for (let p = events.base[t]!, end = p + events.filled[t]!; p < end; p++) {
          const f = events.event[p]!;
          const size = events.size[f]!;
          if (size < options.attachMinSize || size <= list.length) continue;
          if (scratch.mark[f] !== scratch.stamp) {
            scratch.mark[f] = scratch.stamp;
            scratch.dot[f] = 0;
            scratch.shared[f] = 0;
            scratch.touched[scratch.touchedCount++] = f;
          }
          scratch.dot[f]! += x * events.sum[p]!;
          const holders = events.holders[p]!;
          const asName = events.uncommons[own]! > 0 && events.uncommons[p]! > 0 && (events.names[own]! > 0 || events.names[p]! > 0);
          if (
            (asName || !named) &&
            vectors.isPlace[t] !== 1 &&
            holders >= size * options.attachCoreShare &&
            holders >= vectors.df[t]! * options.attachCoreShare &&
            events.holders[own]! >= list.length * options.attachCoreShare
          )
            scratch.shared[f]!++;
        }
      }
    }
    let best = -1;
    let bestSim = options.threshold;
    for (let j = 0; j < scratch.touchedCount; j++) {
      const f = scratch.touched[j]!;
      if (scratch.shared[f]! < 1 || events.norm2[f]! === 0) continue;
      const sim =
        (scratch.dot[f]! / Math.sqrt(events.norm2[f]! * events.norm2[e]!)) * decay(events.newestMs[e]! - events.newestMs[f]!, options);
      if (sim > bestSim || (sim === bestSim && f < best)) {
        best = f;
        bestSim = sim;
      }
    }
    if (best >= 0) moves.push([e, best]);
  }
  const next = new Map(moves);
  for (const [from, first] of moves) {
    let to = first;
    while (next.has(to)) to = next.get(to)!;
    members[to]!.push(...members[from]!);
    members[from] = [];
  }
}

/**
 * Group stories about the same event (single-pass clustering against event centroids, as in
 * topic detection and tracking, and Miranda et al., EMNLP 2018): stories in time order (oldest
 * first, then id) each join the event whose centroid is most similar, by a tf-idf cosine decayed
 * with the time between them, when it passes the threshold and they share enough event words
 * (a shared place or filler word alone never makes an event); else they start one. Then passes that
 * move each story to its best event now that all exist, and a merge step. Deterministic: the
 * same stories give the same groups. Groups are ranked by coverage (`groupCoverage`) plus recency.
 */
export function groupStories(
  given: readonly GroupInput[],
  nowMs: number,
  options: Readonly<GroupingOptions> = DEFAULT_GROUPING,
  background?: TermBackground,
  history?: HeadlineHistory,
): StoryGroup[] {
  // Stories in time order, then by id, whatever order they came in: every sum below runs in this order,
  // so the same stories give the same groups to the last bit.
  const stories = [...given].sort((a, b) => a.publishedMs - b.publishedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const order = stories.map((_, i) => i);
  const vectors = storyVectors(stories, options, background, history);
  const publishedMs = stories.map((s) => s.publishedMs);
  // Each pass may start at most one new event per story.
  const capacity = stories.length * (options.refinePasses + 1) + 1;
  const events = new Events(vectors, capacity, tickerBook(stories));
  const eventOf = new Int32Array(stories.length);
  const scratch = newScratch(capacity, vectors.terms);
  // The same headline again is the same story filed again (an update, a second bureau's copy): it
  // goes where its first filing goes, whatever words its lead adds (no anchor needed to find itself).
  const firstOf = new Map<string, number>();
  const twinOf = new Int32Array(stories.length).fill(-1);
  for (const i of order) {
    const key = stories[i]!.headlineKey ?? headlineKey(stories[i]!.headline);
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, i);
    else twinOf[i] = first;
  }

  // Stories each event has taken in (`entered[e] === 1` with one member: it never held another story).
  const entered = new Int32Array(capacity);

  // 1. Single pass.
  for (const i of order) {
    let e = twinOf[i]! >= 0 ? eventOf[twinOf[i]!]! : bestEvent(vectors, events, i, publishedMs[i]!, options, scratch);
    if (e < 0) e = events.create();
    events.move(e, i, 1, publishedMs[i]!);
    entered[e]!++;
    eventOf[i] = e;
  }
  // 2. Each story to its best event now that all exist (itself left out of its own event while compared).
  for (let pass = 0; pass < options.refinePasses; pass++) {
    let moved = 0;
    for (const i of order) {
      const own = eventOf[i]!;
      // A story alone in an event that never held another is compared with its event left out, as if
      // taken out of it; when it joins none it stays, as taking it out and putting it back changed only
      // where its postings sit in their terms' runs, which no comparison depends on (the event's sums are
      // its own weights either way). That spares two walks of its terms for six stories in seven of a busy day.
      if (twinOf[i]! < 0 && events.size[own] === 1 && entered[own] === 1) {
        const e = bestEvent(vectors, events, i, publishedMs[i]!, options, scratch, own);
        if (e < 0) continue;
        events.move(own, i, -1, 0);
        events.move(e, i, 1, publishedMs[i]!);
        entered[e]!++;
        eventOf[i] = e;
        moved++;
        continue;
      }
      events.move(own, i, -1, 0);
      // A first filing is always moved before its twins (time order): they follow it.
      const e = twinOf[i]! >= 0 ? eventOf[twinOf[i]!]! : bestEvent(vectors, events, i, publishedMs[i]!, options, scratch);
      const to = e < 0 ? (events.size[own] === 0 ? own : events.create()) : e;
      events.move(to, i, 1, publishedMs[i]!);
      entered[to]!++;
      if (to !== own) {
        eventOf[i] = to;
        moved++;
      }
    }
    // An event's newest story, again from its members (moves out do not lower it during a pass).
    events.newestMs.fill(-Infinity);
    for (let i = 0; i < stories.length; i++) events.newestMs[eventOf[i]!] = Math.max(events.newestMs[eventOf[i]!]!, publishedMs[i]!);
    if (moved === 0) break;
  }
  // 3. Merge.
  // Each list made with its first member (a busy day's ~1,000 events are mostly one story: an empty
  // array pushed to grows room for 17), the events left empty by the passes an empty list.
  const members: number[][] = new Array<number[]>(events.count);
  for (const i of order) {
    const list = members[eventOf[i]!];
    if (list) list.push(i);
    else members[eventOf[i]!] = [i];
  }
  for (let e = 0; e < events.count; e++) members[e] ??= [];
  mergeEvents(vectors, events, members, options, scratch);
  // 4. Strays.
  attachStrays(stories, vectors, events, members, options, scratch);

  const groups: StoryGroup[] = [];
  for (let e = 0; e < events.count; e++) {
    const list = members[e]!;
    if (list.length === 0) continue;
    let newestMs = -Infinity;
    for (const i of list) newestMs = Math.max(newestMs, publishedMs[i]!);
    const recency = Math.pow(0.5, Math.max(0, nowMs - newestMs) / options.recencyHalfLifeMs);
    // The most representative member speaks for the group (its headline becomes the title): the
    // one closest to the centroid, the earliest on a tie (`list` is in time order).
    let central = list[0]!;
    if (list.length > 1) {
      let closest = -Infinity;
      for (const i of list) {
        let dot = 0;
        for (let k = vectors.start[i]!; k < vectors.start[i + 1]!; k++) {
          const p = events.find(e, vectors.term[k]!);
          if (p >= 0) dot += vectors.weight[k]! * events.sum[p]!;
        }
        if (dot > closest + 1e-12) {
          closest = dot;
          central = i;
        }
      }
    }
    // Most groups are one story: no list of the others to sort, nor of the members to weigh.
    const ids = [stories[central]!.id];
    let coverage: number;
    if (list.length === 1) coverage = storyCoverage(stories[central]!, options);
    else {
      const rest = list.filter((i) => i !== central).sort((a, b) => publishedMs[b]! - publishedMs[a]! || a - b);
      for (const i of rest) ids.push(stories[i]!.id);
      coverage = groupCoverage(
        list.map((i) => stories[i]!),
        options,
      );
    }
    groups.push({ ids, newestMs, score: coverage + recency });
  }
  return groups.sort(
    (a, b) => b.score - a.score || b.newestMs - a.newestMs || (a.ids[0]! < b.ids[0]! ? -1 : a.ids[0]! > b.ids[0]! ? 1 : 0),
  );
}
