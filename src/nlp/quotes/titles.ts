/**
 * Titles and offices before a name: which words are titles ("Treasury Secretary", "Minister-designate"), where a
 * title's office ends and its holder's name starts ("Comptroller of the Currency Robert Clarke"), and the first
 * word past a name's titles. Separate from the name finder and the resolver, which both ask these questions of a
 * capitalised run.
 */
import { isOrgWord } from './speaker-words.js';
import type { Token } from './tokens.js';

const TITLE_WORDS =
  'mr mrs ms dr rep reps sen sens gov gen lt col maj capt sgt adm president vice manager senator senators secretary minister ministers prime sheikh judge justice chairman chairwoman chairperson governor mayor speaker chancellor treasury finance foreign trade defence defense interior economy economics agriculture energy exchequer commerce labor labour industry health education transport transportation environment deputy undersecretary under assistant state general attorney ambassador commissioner comptroller director chief executive managing premier king queen prince emperor pope representative congressman congresswoman spokesman spokeswoman officer official leader former acting first lady sir lord dame professor prof rev father bishop cardinal commander admiral colonel captain major sergeant private analyst economist strategist delegate treasurer administrator envoy consul counsellor counselor superintendent inspector controller';
const TITLES: ReadonlySet<string> = new Set(TITLE_WORDS.split(' '));
// ("Del." is a delegate's title only with its period: "Del Rio" and "Del Monte" are names)
// ("Under-secretary", "Vice-President": a hyphenated compound of title words is a title too, and so is one
// not yet taken up, "Minister-designate", "President-elect", which made the speaker "Minister-designate Noboru Takeshita")
// (runs for every capitalised word of a story with quotes: the period is looked at once, not by two regexes)
export const isTitle = (word: string): boolean => {
  const lower = word.toLowerCase();
  const period = lower.endsWith('.');
  return (
    TITLES.has(period ? lower.slice(0, -1) : lower) ||
    (period && /^(Del|Cmdr|Supt|Brig|Lieut|Insp)\.$/.test(word)) ||
    (word.includes('-') && isTitleCompound(lower.split('-')))
  );
};

function isTitleCompound(parts: readonly string[]): boolean {
  const last = parts.length - 1;
  return parts.every((part, i) => TITLES.has(part) || (i === last && i > 0 && (part === 'designate' || part === 'elect')));
}

/** A word of a person's name: a capital then lower case ("Clarke", "Leigh-Pemberton"), or an initial ("F.", "R.N."). */
const PERSON_WORD = /^\p{Lu}(\p{Ll}|\.)/u;
/** What joins an office's words ("Office of Management and Budget", "Secretary of State for Trade"): the word after it is the office's. */
const OFFICE_JOINER = /^(of|the|for|and)$/i;

/** A capitalised compound that describes an owner or a base: "Privately-held", "State-owned", "Tokyo-based". */
const DESCRIBING_COMPOUND = /^\p{Lu}[\p{L}.]*-(held|owned|controlled|run|based|listed|backed|funded|operated|led)$/u;

/**
 * Where the capitalised words before `words[end]` begin when they are a title and its office ("Britain's Minister of
 * State" before "for Trade Alan Clark"): a title followed by "of" among them, nothing but capitalised words, "of" and
 * "the" between; undefined when they are not.
 */
export function officeStartBefore(words: readonly string[], end: number): number | undefined {
  let t = end - 1;
  while (t > 0 && !(isTitle(words[t - 1]!) && words[t] === 'of')) {
    if (!/^\p{Lu}/u.test(words[t]!) && words[t] !== 'of' && words[t] !== 'the') return undefined;
    t--;
  }
  if (t === 0 || isPluralTitle(words[t - 1]!)) return undefined;
  let k = t - 1;
  while (k > 0 && /^\p{Lu}/u.test(words[k - 1]!)) k--;
  return k;
}

function isPluralTitle(word: string): boolean {
  const lower = word.toLowerCase();
  return lower.endsWith('s') && TITLES.has(lower.slice(0, -1));
}

/**
 * Where the holder's name starts in "<title> of <office> <name>" at `at` ("Comptroller of the Currency Robert Clarke",
 * "Governor of the Bank of England Robin Leigh-Pemberton"): the last two words when they read as a person's name
 * (`PERSON_WORD`: no "CFA"), neither a title nor an organisation word, nor right after "of", "the", "for" or "and"
 * (`OFFICE_JOINER`: that word is the office's, "Currency", "England", "Budget"), with a first name before an initial
 * ("John F. Kennedy"); `at` when the words are not so.
 */
export function officeHolderStart(words: readonly string[], at: number): number {
  // (a country's word, or more titles, before the title: "U.S. Comptroller of the Currency Robert Clarke", "Deputy
  // Assistant Secretary of State for Inter-American Affairs Paul Taylor"; one holder: "Foreign Ministers of ..." name no one)
  const k = words.indexOf('of', at) - 1;
  if (k < at || k > at + 3 || !isTitle(words[k]!) || isPluralTitle(words[k]!)) return at;
  const personWord = (i: number): boolean =>
    i > k + 2 && PERSON_WORD.test(words[i]!) && !isTitle(words[i]!) && !isOrgWord(words[i]!) && !OFFICE_JOINER.test(words[i - 1]!);
  const n = words.length;
  if (!personWord(n - 1) || !personWord(n - 2)) return at;
  return /^\p{Lu}\.$/u.test(words[n - 2]!) && personWord(n - 3) ? n - 3 : n - 2;
}

/**
 * Whether the capitalised run `tokens[i..j]` opens with the last word of a title's office, the person holding it after:
 * a title and "of" or "for" open the office in the words before ("Director of the Office of Management and Budget James
 * Miller", "Assistant Attorney General for Antitrust Charles Rule"), the run follows "of", "the", "for" or "and", holds no
 * title nor organisation word, and the two or three words after its first read as a person's name.
 */
export function officeEnds(tokens: readonly Token[], i: number, j: number): boolean {
  if (j - i < 2 || j - i > 3 || !OFFICE_JOINER.test(tokens[i - 1]?.lower ?? '')) return false;
  const run = tokens.slice(i, j + 1).map((t) => t.text);
  if (run.some((w) => isTitle(w) || isOrgWord(w)) || !run.slice(1).every((w) => PERSON_WORD.test(w))) return false;
  for (let k = i - 1; k > 0 && k >= i - 10; k--) {
    const t = tokens[k]!;
    if (/^(of|for)$/.test(t.lower) && tokens[k - 1]!.isCap && isTitle(tokens[k - 1]!.text)) return true;
    if (!t.isWord || (!t.isCap && !OFFICE_JOINER.test(t.lower))) return false;
  }
  return false;
}

/**
 * Index of the first word after the titles of `words[from..]`: past the last title that a name without organisation
 * words follows, and past a compound that describes the one named ("Privately-held Piper Aircraft Corp", "State-owned
 * Qantas Airways Ltd", "Washington-based Atlantic Council": who holds it or where it is, no part of its name).
 */
export function afterTitles(words: readonly string[], at: number): number {
  let from = at;
  while (from < words.length - 1 && DESCRIBING_COMPOUND.test(words[from]!)) from++;
  for (let t = words.length - 2; t >= from; t--) {
    if (!isTitle(words[t]!)) continue;
    const rest = words.slice(t + 1);
    // ("the Ministry of Trade and Industry": a title word joined on is part of an office's name)
    if (/^(and|of|for|&)$/i.test(rest[0] ?? '')) return from;
    return rest.some(isOrgWord) || rest.every(isTitle) ? from : t + 1;
  }
  return from;
}
