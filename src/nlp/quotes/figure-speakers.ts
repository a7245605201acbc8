/**
 * Speakers that open on a figure, as in Reuters polls: "Some 79 pct of respondents" speaks for the respondents,
 * "Of those responding, 70 pct ..." for the group named before, a bare share or amount for no one. A rule of its
 * own with its own word lists, kept out of the resolver's main pass.
 */

/** A mention that may open on a figure: a numeral, or a word that rounds one ("Some 79 pct", "Forty-one percent"). */
export const FIGURE_OPENING =
  /^(?:(?:some|about|around|nearly|almost|roughly|approximately|over|under|only|just|another|an|estimated|more|less|fewer|than|up|to)\s+)*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen\b|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)/i;
const ROUNDING =
  /^(some|about|around|nearly|almost|roughly|approximately|over|under|only|just|another|an|estimated|more|less|fewer|than|up|to)$/i;
const NUMERAL =
  /^(\d[\d.,/%-]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(-\w+)?$/i;
/** Words of a share or an amount after a numeral: what a figure counts when it counts no people. */
const SHARE = /^(pct|percent|per|cent|%)$/i;
const PERIOD = /^(qtr|quarter|half|mths|months|year|week|weeks)$/i;
const AMOUNT =
  /^(mln|million|billion|bln|trillion|thousand|hundred|dlrs?|dollars?|cts|cents|yen|marks|francs|lire|pesetas|pounds|stg|rand|forints|pence|tonnes?|tons?|bags|barrels|bushels|ounces|cwts|mt|acres|shares|notes|bonds|loans|units|points)$/i;

/**
 * The speaker a figure opening a mention stands for (the Reuters "70 pct (unnamed)"): for a share of a group the group
 * ("Some 79 pct of respondents" → "respondents", "50 pct of the purchasing managers" → "the purchasing managers"); for a
 * bare share, an amount, a year or a number alone, null (no one named). Undefined when the figure counts people
 * ("About 200 people", "Over 150 bankers", "More than 30 government ministers": the phrase speaks as written) or is no
 * figure at all.
 */
export function figureSpeaker(words: readonly string[]): string | null | undefined {
  let i = 0;
  while (i < words.length && ROUNDING.test(words[i]!)) i++;
  // (the period of an account in the wire's table notes: "3rd qtr includes", "1987 nine mths include")
  if (/^\d+(st|nd|rd|th)$/.test(words[i] ?? '') && PERIOD.test(words[i + 1] ?? '')) return null;
  if (i >= words.length || !NUMERAL.test(words[i]!)) return undefined;
  const spelt = !/^\d/.test(words[i]!);
  const year = /^(19|20)\d\d(\/\d\d)?$/.test(words[i]!);
  let share = false;
  while (i < words.length && (SHARE.test(words[i]!) || AMOUNT.test(words[i]!) || NUMERAL.test(words[i]!))) {
    share ||= SHARE.test(words[i]!) || words[i]!.endsWith('%');
    i++;
  }
  // (a number in words counts people unless a share follows: "One of their leaders", "Two analysts", but "Thirty five
  // pct of those polled")
  if (spelt && !share) return undefined;
  if (i >= words.length) return null;
  const next = words[i]!.toLowerCase();
  // ("in 1985 and Gosper": a figure closing the clause before, no figure speaking)
  if (next === 'and') return undefined;
  if (next !== 'of') {
    if (share || year || AMOUNT.test(words[i - 1]!)) return null;
    // ("About 200 people", "Over 150 bankers", "The poll of ... 682 top business executives": people counted speak
    // as written; "20-year tranche", "1,006 colt" count no one)
    return words.slice(i).some((w) => /^\p{Ll}+[^s\W]s$|^\p{Ll}*(men|people)$|^police$|^\p{Lu}/u.test(w)) ? undefined : null;
  }
  // a share of a group: the group speaks when it is several people or a body the story names ("of respondents", "of
  // the members", "of Democrats"), not a share of a volume, a total or a sum ("62.1 pct of the volume")
  const group = words.slice(i + 1);
  const head = (group[group.length - 1] ?? '').replace(/[.,;:]$/, '');
  if (!share || group.length === 0 || AMOUNT.test(head)) return null;
  if (/^(them|us|those|these)$/i.test(head)) return null;
  const people = /^\p{Ll}+[^s\W]s$|men$|people$|^police$/u.test(head) || /^\p{Lu}/u.test(head) || /^(those|all)$/i.test(group[0]!);
  return people ? group.join(' ') : null;
}

/**
 * "Of those responding, 70 pct were encouraged ...": the group a bare share opening its clause is a share of, named
 * before it in the same sentence; null when none is ("Of the total, 40 pct ..." names no people).
 */
export function groupBefore(body: string, at: number): string | null {
  const m = /(?:^|[.;:!?]\s+|\n\s*)[Oo]f\s+((?:the|those|these|all)\s+)?([^,.;:]{2,40}),\s*$/.exec(body.slice(Math.max(0, at - 60), at));
  if (!m) return null;
  const group = `${m[1] ?? ''}${m[2]!}`.replace(/\s+/g, ' ');
  const words = group.split(' ');
  const head = words[words.length - 1]!;
  return /^(those|these|all)$/i.test(words[0]!) || /^\p{Ll}+[^s\W]s$|^\p{Ll}*(men|people)$|^\p{Lu}/u.test(head) ? group : null;
}
