/**
 * Varied, realistic arguments for every measured command: common news words ("said", "oil", "bank",
 * "trade", "prices"), pairs of them, mid-frequency and rare words taken from random stories of the
 * store, headline phrases, headline prefixes as typed (autocomplete), speakers and places.
 * Everything is drawn from the generated records (never read back through SQL), seeded, so two runs
 * over the same store ask the same questions.
 */
import type { CommandJson, CommandOptionJson } from '../src/core/command.js';
import { OptionType } from '../src/core/parse-command-line.js';
import { articleId } from '../src/store/article-identity.js';
import { loadCorpus, makeRecord, rng, type BenchRecord } from './generate.js';

export const COMMON_WORDS = [
  'said',
  'oil',
  'bank',
  'trade',
  'prices',
  'market',
  'government',
  'company',
  'shares',
  'rate',
  'year',
  'dollar',
  'pct',
  'billion',
  'stock',
  'exports',
];
const COMMON_PAIRS = [
  'oil prices',
  'bank rate',
  'trade deficit',
  'central bank',
  'interest rates',
  'stock market',
  'crude oil',
  'trade talks',
  'share prices',
  'said today',
  'grain exports',
  'dollar yen',
  'net profit',
  'money supply',
];
const RARE_WORDS = [
  'cocoa',
  'sorghum',
  'Raqqa',
  'Damascus',
  'rubber',
  'palladium',
  'Bahia',
  'cruzados',
  'tapioca',
  'zinc',
  'Ecuador',
  'hog',
  'soymeal',
  'Tanzania',
  'Mitsubishi',
  'orchid',
  'copra',
  'zzyzx',
];
export const PLACES = [
  'Tokyo',
  'London',
  'New York',
  'Washington',
  'Brazil',
  'Japan',
  'Paris',
  'Frankfurt',
  'Chicago',
  'Beijing',
  'Moscow',
  'Canada',
  'Buenos Aires',
  'Sydney',
  'Raqqa',
  'Damascus',
  'Syria',
  'Kuwait',
  'Iran',
  'Saudi Arabia',
  'Hong Kong',
  'Zurich',
  'Toronto',
  'Ottawa',
  'Bonn',
  'Mexico City',
  'Lagos',
  'Jakarta',
  'Manila',
  'Seoul',
  'Cairo',
  'Ecuador',
  'Houston',
  'Geneva',
  'Brussels',
  'Deir ez-Zor',
  'Springfield',
  'Atlantis',
];
const SPEAKERS = [
  'Baker',
  'Volcker',
  'Reagan',
  'Yeutter',
  'Lawson',
  'Stoltenberg',
  'Miyazawa',
  'Sumita',
  'Poehl',
  'Balladur',
  'spokesman',
  'analyst',
  'minister',
  'official',
  'chairman',
  'Smith',
  'Lu Hui',
];
const STOP = new Set([
  'said',
  'that',
  'with',
  'from',
  'this',
  'have',
  'were',
  'would',
  'which',
  'their',
  'will',
  'been',
  'also',
  'there',
  'they',
  'about',
]);

export interface Sampler {
  random: () => number;
  pick<T>(xs: readonly T[]): T;
  record(): BenchRecord;
}

export function createSampler(corpusFile: string, articles: number, seed = 42): Sampler {
  const corpus = loadCorpus(corpusFile);
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  return { random, pick, record: () => makeRecord(corpus, Math.floor(random() * articles)) };
}

function words(text: string): string[] {
  return text.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? [];
}

/** A word of a random story: mostly mid-frequency, sometimes rare, as users type them. */
function storyWord(s: Sampler): string {
  const candidates = words(s.record().text).filter((w) => w.length >= 5 && !STOP.has(w.toLowerCase()));
  return candidates.length ? s.pick(candidates).toLowerCase() : s.pick(COMMON_WORDS);
}

function headlinePhrase(s: Sampler, max: number): string {
  const w = words(s.record().title.toLowerCase()).filter((x) => !STOP.has(x));
  const start = Math.floor(s.random() * Math.max(1, w.length - 1));
  return w.slice(start, start + 1 + Math.floor(s.random() * max)).join(' ') || s.pick(COMMON_WORDS);
}

/** What someone searching news types: 35% one common word, 20% a common pair, 25% a story word, 10% rare, 10% headline words. */
export function searchQuery(s: Sampler): string {
  const r = s.random();
  if (r < 0.35) return s.pick(COMMON_WORDS);
  if (r < 0.55) return s.pick(COMMON_PAIRS);
  if (r < 0.8) return storyWord(s);
  if (r < 0.9) return s.pick(RARE_WORDS);
  return headlinePhrase(s, 3);
}

/** A headline as it is being typed: its first words, the last one cut short. */
export function headlinePrefix(s: Sampler): string {
  const w = words(s.record().title.toLowerCase());
  if (w.length === 0) return s.pick(['b', 'ba', 'ban', 'oil', 'tra']);
  const n = 1 + Math.floor(s.random() * Math.min(3, w.length));
  const last = w[n - 1]!;
  const cut = 1 + Math.floor(s.random() * last.length);
  return [...w.slice(0, n - 1), last.slice(0, cut)].join(' ');
}

export function placeQuery(s: Sampler): string {
  const r = s.random();
  if (r < 0.7) return s.pick(PLACES);
  const dl = s.record().dateline;
  const place = dl?.split(',')[0]?.trim();
  return place ? place.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()) : s.pick(PLACES);
}

export function placePrefix(s: Sampler): string {
  const p = placeQuery(s);
  return p.slice(0, 1 + Math.floor(s.random() * p.length));
}

export function speakerQuery(s: Sampler): string {
  return s.pick(SPEAKERS);
}

export function speakerPrefix(s: Sampler): string {
  const p = speakerQuery(s);
  return p.slice(0, 1 + Math.floor(s.random() * p.length));
}

/** A prefix for an autocompleted option, chosen by what the option holds. */
export function autocompleteValue(s: Sampler, optionName: string): string {
  if (/speaker|who|person/i.test(optionName)) return speakerPrefix(s);
  if (/place|where|location|city|country/i.test(optionName)) return placePrefix(s);
  return headlinePrefix(s);
}

/** A value for one option, chosen by what its name says it holds. */
export function optionValue(s: Sampler, opt: CommandOptionJson): string | null {
  const name = opt.name.toLowerCase();
  if (opt.type === OptionType.Integer || opt.type === OptionType.Number) {
    const lo = opt.min_value ?? 1;
    const hi = Math.min(opt.max_value ?? 10, lo + 20);
    return String(lo + Math.floor(s.random() * (hi - lo + 1)));
  }
  if (opt.type === OptionType.Boolean) return s.random() < 0.5 ? 'true' : 'false';
  if (opt.type !== OptionType.String) return null;
  if (opt.choices?.length) return String(s.pick(opt.choices).value);
  if (/^(id|article|story)$/.test(name)) {
    // What autocomplete hands back: an article id (ids derive from the url).
    return articleId(s.record().url, '');
  }
  if (/speaker|who|person/.test(name)) return speakerQuery(s);
  if (/place|where|location|city|country|name/.test(name)) return placeQuery(s);
  return searchQuery(s);
}

/** Command lines as a user would type them, varied; option names come from the command's definition. */
export function commandLines(definitions: ReadonlyMap<string, CommandJson>, name: string, s: Sampler, n: number): string[] {
  const def = definitions.get(name);
  if (!def) return [];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    let options = def.options ?? [];
    let head = `/${name}`;
    const subs = options.filter((o) => o.type === OptionType.Subcommand);
    if (subs.length) {
      const sub = subs.find((o) => /show|today|latest|preview|now/.test(o.name)) ?? subs[0]!;
      head += ` ${sub.name}`;
      options = sub.options ?? [];
    }
    const parts = [head];
    for (const opt of options) {
      if (!opt.required && s.random() < 0.5) continue;
      const value = optionValue(s, opt);
      if (value !== null) parts.push(`${opt.name}:${value}`);
    }
    lines.push(parts.join(' '));
  }
  return lines;
}

/**
 * A /trend line as users would type one (issue 19): half places (a third of them compared with one or
 * two more), a quarter speakers, a quarter search words; a fifth with a span of a few months, a third
 * with by:. Spans fall in 1987 shifted by whole years, as the generated stories' dates are.
 */
export function trendLine(s: Sampler): string {
  const r = s.random();
  const parts: string[] = ['/trend'];
  if (r < 0.5) {
    parts.push(`place:${s.pick(PLACES.slice(0, -1))}`);
    if (s.random() < 0.33)
      parts.push(`compare:${Array.from({ length: 1 + Math.floor(s.random() * 2) }, () => s.pick(PLACES.slice(0, -1))).join(', ')}`);
  } else if (r < 0.75) parts.push(`speaker:${speakerQuery(s)}`);
  else parts.push(`about:${searchQuery(s)}`);
  if (s.random() < 0.2) {
    const month = 1 + Math.floor(s.random() * 9);
    const year = 1987 + Math.floor(s.random() * 30);
    parts.push(`from:${year}-${String(month).padStart(2, '0')}`, `to:${year}-${String(month + 3).padStart(2, '0')}`);
  }
  if (s.random() < 0.33) parts.push(`by:${s.pick(['day', 'week', 'month', 'year'])}`);
  return parts.join(' ');
}
