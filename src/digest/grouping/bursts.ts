/**
 * The day's big story: words in far more of today's headlines than the store's rate and the recent
 * headline history predict ("stock", "market" on 19-20 October 1987), and the pairs of them told together.
 */
import type { GroupingOptions } from './options.js';
import { isReported } from './story-kinds.js';
import { COMMON_WRITTEN, HEADLINE_WEIGHT, headlineKey, headlineWords, NAME_WRITTEN } from './story-terms.js';
import type { DenseTerms } from './story-vectors.js';
import type { GroupInput, HeadlineHistory, TermBackground } from './types.js';

/**
 * The window's bursts (`GroupingOptions.burstHeadlines`): counted over its reported stories, each
 * distinct headline once (the same story filed twice is one report). Reported: a body of its own, no
 * ticker (a company's news is its own, whatever the day's story), not a routine series (`isRoutine`).
 * Nothing without a background as large as the window (every word is an anchor then anyway). A term
 * is looked up in the history by its word: the term itself, or for a store's ids the headline word a
 * story's terms line up with (`headlineWords`; stories whose headline lost a place word do not line up).
 * Returns the bursts, and the reported stories they were counted over (`burstPairsOf` reads the same).
 */
export function burstTerms(
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

/** Bursts given a bit at most (the day's bursts are a handful: each is in `burstHeadlines` headlines or more). */
const MAX_PAIRED_BURSTS = 31;

/**
 * A bit for each of the window's bursts, and the pairs of them written together in the headlines of
 * `burstPairHeadlines` distinct reported stories or more (`GroupingOptions.burstPairHeadlines`; the
 * stories `burstTerms` counted over), each pair as the two bits: what `burstTied` ties sides by. Most
 * windows have one burst or none: no pairs.
 */
export function burstPairsOf(
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
