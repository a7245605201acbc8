import { STOPWORDS } from '../nlp/tokens.js';
import { headlineKey } from './grouping/story-terms.js';

/**
 * Routine series (livestock and futures reports, money-market notices, fund payouts, results tables)
 * are filed under the same headline shape again and again: "<town> HOGS UP 1.00 DLR - USDA",
 * "<fund> SETS PAYOUT", "MIDWEST GRAIN FUTURES 12:50 EDT". A digest reader expects them below the
 * day's news. Nothing here names a series: the shapes are learnt from the store's own headlines,
 * those of the days before the window and those of the window itself.
 */

/** Month names are a slot of a template ("EXPORTS RISE IN JANUARY"), like numbers. */
const MONTHS: ReadonlySet<string> = new Set(
  'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december'.split(
    ' ',
  ),
);

/**
 * The words of a headline without its slots: lower case, abbreviation dots dropped (`U.K.` → `uk`),
 * ticker codes in angle brackets, possessive endings, numbers, words with digits (`4TH`, `12:50`)
 * and month names removed.
 */
export function headlineSkeleton(headline: string): string[] {
  const text = headline
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase()
    .replace(/\./g, '');
  const out: string[] = [];
  for (const raw of text.match(/[a-z0-9']+/g) ?? []) {
    const word = raw.includes("'") ? raw.replace(/'s?$/, '').replace(/'/g, '') : raw;
    if (!word || /\d/.test(word) || MONTHS.has(word)) continue;
    out.push(word);
  }
  return out;
}

/** Drop function words at both ends: "RISE IN 1986" is not a shape "in" ends. */
function trimStopwords(words: readonly string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && STOPWORDS.has(words[start]!)) start++;
  while (end > start && STOPWORDS.has(words[end - 1]!)) end--;
  return words.slice(start, end);
}

/**
 * The shapes a headline can share with others of its series: the whole skeleton (updates of one
 * table: "MIDWEST GRAIN FUTURES <time> EDT"), its first three and two words (one desk's series under
 * changing verbs: "WALL STREET STOCKS …", "CBT CORN …") and its last two (a slot in front:
 * "<company> SETS PAYOUT", "<town> CATTLE UP <n> DLR - USDA"). Short headlines give only the shapes
 * that leave a slot.
 */
export function headlineShapes(headline: string): string[] {
  const words = trimStopwords(headlineSkeleton(headline));
  if (words.length === 0) return [];
  const shapes = [`=${words.join(' ')}`];
  if (words.length >= 4) shapes.push(`^${words.slice(0, 3).join(' ')}`);
  if (words.length >= 3) shapes.push(`^${words.slice(0, 2).join(' ')}`);
  // A one-word slot inside: "COMEX <metal> FUTURES …", "CBT <grain> FUTURES …", "LME <metal> CLOSES …".
  if (words.length >= 4) shapes.push(`^${words[0]} * ${words[2]}`);
  // Two words are enough for a suffix: "<FRANKLIN UTILITIES FUND> SETS PAYOUT" loses its name with the brackets.
  if (words.length >= 2) {
    const tail = trimStopwords(words.slice(-2));
    if (tail.length === 2) shapes.push(`$${tail.join(' ')}`);
  }
  return shapes;
}

export interface TemplateOptions {
  /** How far back the store's history is read for shapes (days before the window). */
  lookbackDays: number;
  /** A story whose best shape recurs this much or less is not templated at all… */
  noneAt: number;
  /** …and fully templated from this much on (linear in between). */
  fullAt: number;
  /** Other headlines of the window with the same shape that count as one earlier day with it… */
  windowHeadlinesPerDay: number;
  /** …except the whole skeleton: headlines that differ only in numbers, dates and tickers are one table's updates. */
  windowSkeletonsPerDay: number;
}

export const DEFAULT_TEMPLATES: Readonly<TemplateOptions> = {
  lookbackDays: 14,
  // A shape seen on two earlier days is still news often enough ("… U.S. SANCTIONS", "… TRADE ROW",
  // 1987-04-08 by eye); a series shows on most days, or many times in one day.
  noneAt: 2,
  fullAt: 5,
  windowHeadlinesPerDay: 3,
  windowSkeletonsPerDay: 1,
};

export interface DatedHeadline {
  headline: string;
  publishedMs: number;
}

const DAY_MS = 86_400_000;

/**
 * How templated each window headline is, 0 (its own words) to 1 (a routine series). A shape's
 * recurrence is the number of distinct earlier days it was seen on, plus the number of other distinct
 * headlines of the window that share it divided by `windowHeadlinesPerDay` (`windowSkeletonsPerDay`
 * for the whole skeleton; a store with little
 * history still knows 23 "<town> HOGS … - USDA" reports in one day are a series); a story takes the
 * recurrence of its most recurrent shape.
 */
export function templateScores(
  window: readonly string[],
  history: readonly DatedHeadline[],
  options: Readonly<TemplateOptions> = DEFAULT_TEMPLATES,
): number[] {
  const days = new Map<string, Set<number>>();
  for (const h of history) {
    const day = Math.floor(h.publishedMs / DAY_MS);
    for (const shape of headlineShapes(h.headline)) {
      let set = days.get(shape);
      if (!set) days.set(shape, (set = new Set()));
      set.add(day);
    }
  }
  return templateScoresOfShapes(
    window.map((headline) => ({ headline, shapes: headlineShapes(headline) })),
    (shape) => days.get(shape)?.size ?? 0,
    options,
  );
}

/**
 * `templateScores` for headlines whose `headlineShapes` are known (stored with each story), with the
 * history given as `history(shape)`, the number of distinct earlier days the shape was seen on, or
 * as the distinct shapes of each earlier day (`historyShapeDays`: the digest keeps each past day's
 * shapes, so it does not re-read two weeks of headlines for every build); and the headlines'
 * `headlineKey`s when already made.
 */
export function templateScoresOfShapes(
  window: readonly { headline: string; shapes: readonly string[] }[],
  history: ((shape: string) => number) | readonly Iterable<string>[],
  options: Readonly<TemplateOptions> = DEFAULT_TEMPLATES,
  keys?: readonly string[],
): number[] {
  return templateAndSeriesScores(window, history, options, keys).template;
}

/**
 * `templateScoresOfShapes`, and beside it each headline's score from the earlier days alone (`series`:
 * what the window itself repeats left out), in one pass.
 */
export function templateAndSeriesScores(
  window: readonly { headline: string; shapes: readonly string[] }[],
  history: ((shape: string) => number) | readonly Iterable<string>[],
  options: Readonly<TemplateOptions> = DEFAULT_TEMPLATES,
  keys?: readonly string[],
): { template: number[]; series: number[] } {
  // Distinct headlines only: the same story filed twice is not a series. Shapes and headlines are
  // numbered, each window entry's shapes kept as numbers in one array (entry i's are
  // `ids[start[i]]`…), and each shape's distinct headlines counted with the entries of one headline
  // taken together: a set of headlines per shape, then a set of (shape, headline) pairs and an array
  // per entry, were thousands of objects per build.
  const headlineIds = new Map<string, number>();
  const shapeIds = new Map<string, number>();
  const headlinesOf: number[] = [];
  const daysOf: number[] = [];
  let total = 0;
  for (const entry of window) total += entry.shapes.length;
  const start = new Int32Array(window.length + 1);
  const ids = new Int32Array(total);
  // Entries of one headline as a list: its first entry, then each one's next (-1: none).
  const firstOf: number[] = [];
  const lastOf: number[] = [];
  const nextOf = new Int32Array(window.length).fill(-1);
  let at = 0;
  window.forEach(({ headline, shapes }, i) => {
    const key = keys?.[i] ?? headlineKey(headline);
    let h = headlineIds.get(key);
    if (h === undefined) {
      headlineIds.set(key, (h = headlineIds.size));
      firstOf.push(i);
    } else nextOf[lastOf[h]!] = i;
    lastOf[h] = i;
    start[i] = at;
    for (const shape of shapes) {
      let id = shapeIds.get(shape);
      if (id === undefined) {
        shapeIds.set(shape, (id = shapeIds.size));
        headlinesOf.push(0);
        daysOf.push(typeof history === 'function' ? history(shape) : 0);
      }
      ids[at++] = id;
    }
  });
  start[window.length] = at;
  // The last headline counted for each shape: a headline's entries come together, so a shape is
  // counted once per distinct headline holding it.
  const counted = new Int32Array(shapeIds.size).fill(-1);
  for (let h = 0; h < firstOf.length; h++) {
    for (let i = firstOf[h]!; i >= 0; i = nextOf[i]!) {
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const id = ids[k]!;
        if (counted[id] === h) continue;
        counted[id] = h;
        headlinesOf[id]!++;
      }
    }
  }
  if (typeof history !== 'function') {
    for (const day of history) {
      for (const shape of day) {
        const id = shapeIds.get(shape);
        if (id !== undefined) daysOf[id]!++;
      }
    }
  }
  const score = (recurrence: number): number => Math.min(1, Math.max(0, (recurrence - options.noneAt) / (options.fullAt - options.noneAt)));
  const template: number[] = [];
  const series: number[] = [];
  window.forEach(({ shapes }, i) => {
    let best = 0;
    let bestDays = 0;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const shape = shapes[k - start[i]!]!;
      const perDay = shape.startsWith('=') ? options.windowSkeletonsPerDay : options.windowHeadlinesPerDay;
      const days = daysOf[ids[k]!]!;
      const recurrence = days + (headlinesOf[ids[k]!]! - 1) / perDay;
      if (recurrence > best) best = recurrence;
      if (days > bestDays) bestDays = days;
    }
    template.push(score(best));
    series.push(score(bestDays));
  });
  return { template, series };
}
