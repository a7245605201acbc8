/**
 * What grouping reads from a story's own text, worked out once per story (at ingest for stored
 * stories, `story-features.ts`): its headline key, its weighted terms, how its lead writes each word
 * (name or common word), and the tickers its headline names.
 */
import { contentTokens, stem, STOPWORDS } from '../../nlp/tokens.js';

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

export const HEADLINE_WEIGHT = 3;
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
