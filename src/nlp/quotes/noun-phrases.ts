import {
  AUX_WORDS,
  BODY_HEAD,
  DETERMINERS,
  MONTH,
  NON_NAME_CAPS,
  NP_STOPS,
  SAYING_AFTER_NAME,
  SPEECH_VERBS,
  STANDALONE_BODY,
  WEEKDAY,
} from './lexicon.js';
import type { Token } from './tokens.js';

/**
 * A speaker as written: the noun phrase [from, to) that names it, and [from, end) the whole mention
 * with what the story attaches to it (an appositive, a party label in parentheses, a relative clause),
 * as a reader (and the PolNeAR annotation) delimits the source. The appositive is the description.
 */
export interface SourcePhrase {
  from: number;
  to: number;
  /** End of the whole mention (exclusive token index), at least `to`. */
  end: number;
  description: string | null;
  /** Where the name starts when a role stands before it ("Her campaign manager, Robby Mook"); else `from`. */
  nameFrom?: number;
}

/** Character span of a speaker phrase: the whole mention, or only its name with `nameOnly`. */
export function phraseSpan(tokens: readonly Token[], src: SourcePhrase, nameOnly = false): { start: number; end: number } {
  const last = tokens[(nameOnly ? src.to : src.end) - 1]!;
  let end = last.end;
  // "He's claiming", "She'll present", "Mr. Obama's bet is": the speaker is the word before the clitic
  const clitic = /^[\p{L}.]+?(['’](?:s|ll|re|ve|d|m))$/iu.exec(last.text);
  // (a name keeps its possessive in the mention, as the story wrote it: "Trump's campaign said"; and in
  // its name too right before a verb of saying, where no possessive can stand: "Moody's said" and
  // "McDonald's told" name firms, while "Mr. Obama's bet is" is Obama's)
  const firmName = clitic?.[1] !== undefined && /s$/i.test(clitic[1]) && SAYING_AFTER_NAME.has(tokens[src.end]?.text ?? '');
  if (clitic && (PRONOUNS.has(last.text.slice(0, -clitic[1]!.length).toLowerCase()) || (nameOnly && !firmName))) end -= clitic[1]!.length;
  let from = nameOnly ? (src.nameFrom ?? src.from) : src.from;
  // ("Brazil's 40,000 seafarers", "up to 500,000 shares": a figure's thousands comma is inside the figure, which the
  // mention shows whole; the walk itself stops at the comma, as a comma before a speaker may end what was said)
  while (
    from >= 2 &&
    /^\d{3}(?:$|-)/.test(tokens[from]!.text) &&
    tokens[from - 1]!.text === ',' &&
    tokens[from - 1]!.end === tokens[from]!.start &&
    /^\d{1,3}$/.test(tokens[from - 2]!.text) &&
    tokens[from - 2]!.end === tokens[from - 1]!.start
  )
    from -= 2;
  return { start: tokens[from]!.start, end };
}

/** ("an impassioned call for": after an article the -ed word is an adjective of the cue noun, not a verb) */
const ARTICLE = /^(a|an|the)$/;
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'who', 'which', 'you']);
const MAX_NP = 7;

/**
 * The "(" that the ")" at `close` closes, looking back at most `reach` tokens and never to `min` itself (a phrase cannot
 * open with its parenthesis), else -1.
 */
function openingParen(tokens: readonly Token[], close: number, min: number, reach: number): number {
  let k = close - 1;
  while (k > min && k > close - reach && tokens[k]!.text !== '(') k--;
  return k > min && tokens[k]!.text === '(' ? k : -1;
}

/** Index of the first token before `i` that is not an auxiliary or adverb ("has also said"). */
export function skipAuxLeft(tokens: readonly Token[], i: number, min: number): number {
  let j = i - 1;
  for (;;) {
    while (
      j >= min &&
      tokens[j]!.isWord &&
      !tokens[j]!.isCap &&
      (AUX_WORDS.has(tokens[j]!.lower) || (/ly$/.test(tokens[j]!.lower) && !LY_NOUNS.test(tokens[j]!.lower)))
    )
      j--;
    // "Trump in the past has called", "The council on Friday said": a time phrase between the subject and its verb
    const k = timePhraseBefore(tokens, j);
    if (k === j || k < min) return j;
    j = k;
  }
}

/** The index before a time phrase ending at `j` ("in the past", "at the time", "on Friday"), else `j`. */
function timePhraseBefore(tokens: readonly Token[], j: number): number {
  const w = (k: number): string => tokens[k]?.lower ?? '';
  if (/^(past|time|meantime|interim)$/.test(w(j)) && w(j - 1) === 'the' && /^(in|at)$/.test(w(j - 2))) return j - 3;
  // (not after a participle that dates a source: "a poll published on Sunday")
  if (WEEKDAY.test(w(j)) && w(j - 1) === 'on' && !PARTICIPLE_SOURCE.test(w(j - 2))) return j - 2;
  // ("Comey in June sharply criticized", "Trump in 2012 said": a month or a year after a name dates the saying; after a
  // common noun it may date the source, "sales in June showed", and so it does before a passive: "Production in 1986 is
  // estimated by the embassy")
  if (
    (MONTH.test(w(j)) || /^(19|20)\d\d$/.test(w(j))) &&
    w(j - 1) === 'in' &&
    tokens[j - 2]?.isCap &&
    tokens[j - 2]!.isWord &&
    !/^(is|was|are|were|be|been)$/.test(w(j + 1))
  )
    return j - 2;
  return j;
}

/** Words in -ly that are nouns, and may be the speaker: "the influential US daily wrote". */
const LY_NOUNS = /^(daily|weekly|monthly|quarterly|family|ally|assembly)$/;

/** A word no subject phrase holds; "US" is the country, not "us". */
function isStop(t: Token): boolean {
  return NP_STOPS.has(t.lower) && t.text !== 'US';
}

/**
 * The subject noun phrase that ends right before token `i` (its verb), not reaching before `min`.
 * Handles pronouns, capitalised names ("Rep. Elijah Cummings"), common nouns ("a campaign operative")
 * and the appositive pattern `Ahmad Abu Khawla, a commander of the military council, was cited ...`.
 */
export function phraseBefore(tokens: readonly Token[], i: number, min: number, body: string): SourcePhrase | null {
  const src = headPhraseBefore(tokens, i, min, body);
  if (src) return src.description === null ? withQuantifier(tokens, src, min) : src;
  // ("Some of them had endorsed": an object pronoun after a quantifier's "of" is the end of the subject)
  const j = skipAuxLeft(tokens, i, min);
  if (j - 2 >= min && /^(them|us|these|those)$/.test(tokens[j]!.lower) && tokens[j - 1]!.lower === 'of') {
    const quantified = withQuantifier(tokens, { from: j, to: j + 1, end: j + 1, description: null }, min);
    if (quantified.from < j) return quantified;
  }
  return null;
}

/**
 * "Some of them said", "one of the two candidates has", "more than 10 women have", "both the FBI and the State
 * Department said", "not everyone agrees": the quantifier or predeterminer before a phrase is part of who speaks.
 */
function withQuantifier(tokens: readonly Token[], src: SourcePhrase, min: number): SourcePhrase {
  let from = src.from;
  const at = (k: number): string => (k >= min ? (tokens[k]?.lower ?? '') : '');
  if (at(from - 1) === 'of' && QUANTIFIER.test(at(from - 2))) {
    from -= 2;
    // ("a third of", "the majority of")
    if (/^(a|an|the)$/.test(at(from - 1))) from--;
  } else if (at(from - 1) === 'of' && /^(percent|%)$/.test(at(from - 2)) && NUMBER.test(at(from - 3))) {
    // "75 percent of Democrats said", "Thirty percent of whites agree": the share speaks, not the whole
    from -= 3;
  }
  if (at(from - 1) === 'than' && /^(more|less|fewer)$/.test(at(from - 2))) from -= 2;
  else if (at(from - 1) === 'least' && at(from - 2) === 'at') from -= 2;
  // (a predeterminer opening its clause: "But both the FBI and ... said", not "... said both")
  else if (
    /^(both|all|not|nearly|almost|roughly|only)$/.test(at(from - 1)) &&
    (from - 1 === min || !tokens[from - 2]!.isWord || /^(but|and|so|yet|even|while|because|although|though)$/.test(at(from - 2)))
  )
    from -= 1;
  return from === src.from ? src : { ...src, from };
}

const NUMBER =
  /^(\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(-\w+)?$/;

const QUANTIFIER =
  /^(some|many|most|one|two|three|four|five|none|all|each|several|both|few|half|majority|any|either|neither|much|third|quarter|members|dozens|hundreds|thousands)$/;

function headPhraseBefore(tokens: readonly Token[], i: number, min: number, body: string): SourcePhrase | null {
  let j = skipAuxLeft(tokens, i, min);
  // "one of the advisers pointed out", "Bloomberg started publishing": when the cue is a particle or a
  // noun, the verb before it belongs to the cue, not to the subject
  const cue = tokens[i];
  const verb = tokens[j];
  if (
    cue &&
    verb &&
    j - 1 >= min &&
    !cue.isCap &&
    !SPEECH_VERBS.has(cue.lower) &&
    verb.isWord &&
    !verb.isCap &&
    (/[^e]ed$/.test(verb.lower) || PAST_VERBS.has(verb.lower) || /^points?$/.test(verb.lower)) &&
    !ARTICLE.test(tokens[j - 1]!.lower)
  )
    j = skipAuxLeft(tokens, j, min);
  // "CNN host Wolf Blitzer last week asked", "Trump on Tuesday said": the time is not the speaker
  if (j - 1 >= min && TIME_WORDS.has(tokens[j]!.lower) && /^(last|this|next|on|early|late|earlier|that)$/.test(tokens[j - 1]!.lower)) {
    const before = skipAuxLeft(tokens, j - 1, min);
    // (but "A GAO report released last year found": the time dates the participle, it stays in the source)
    if (!(before >= min && !tokens[before]!.isCap && PARTICIPLE_SOURCE.test(tokens[before]!.lower))) j = before;
  }
  // "Judge Carlton W. Reeves late Thursday night issued", "Brian Fallon issues a statement Tuesday slamming": the same for a
  // time of day or a weekday right after the name
  else if (j - 1 >= min && CLOCK_WORDS.test(tokens[j]!.lower)) {
    let k = j;
    while (
      k > min &&
      k > j - 4 &&
      (CLOCK_WORDS.test(tokens[k]!.lower) || /^(last|this|next|on|early|late|earlier)$/.test(tokens[k]!.lower))
    )
      k--;
    const before = tokens[k]!;
    if (before.isWord && (before.isCap || PRONOUNS.has(before.lower)) && !CLOCK_WORDS.test(before.lower)) j = k;
  }
  // "Procter and Gamble Co <PG> said": a ticker after the name is typography, no part of the speaker
  // (right before its verb only: after an appositive's comma the walk reads the appositive as it always did)
  if (j - 3 >= min && j + 1 === i && tokens[i]?.isWord && tokens[j]!.text === '>' && tokens[j - 2]!.text === '<' && tokens[j - 3]!.isWord)
    j -= 3;
  let end = j + 1;
  // "Rep. John Mica (R-Fla.) said": step over the parenthesis, which stays in the mention
  if (j >= min && tokens[j]!.text === ')') {
    const open = openingParen(tokens, j, min, 8);
    if (open >= 0) j = open - 1;
  }
  if (j < min) return null;
  const t = tokens[j]!;
  if (t.text === ',') {
    const appositive = appositiveBefore(tokens, j, min, body);
    // ("Gov. John Kasich (R-OH), said": a stray comma after a party label parts nothing)
    const open = body.lastIndexOf('(', tokens[j]!.start);
    const label =
      tokens[j - 1]?.text === ')' && open >= 0 && /^\((?:[RDI]|[RDI]-[A-Z][\w.]*)\)$/.test(body.slice(open, tokens[j - 1]!.end));
    if (appositive || !label) return appositive;
    // (the name opens its clause: not "The committee, backed by ... and House Speaker Jim Wright (D-Tex), voted")
    const named = headPhraseBefore(tokens, j, min, body);
    return named && (named.from === min || /^[,.;:—–("“]$/.test(tokens[named.from - 1]!.text)) ? named : null;
  }
  if (!t.isWord) return null;
  if (PRONOUNS.has(t.lower)) return { from: j, to: j + 1, end: j + 1, description: null };
  if (isStop(t) && !surname(tokens, j)) return null;
  let from = leftEdge(tokens, j, min);
  // "Mr. Grassley and Mr. Leahy said", "Federal and state officials said": one source of two parts
  if (from - 2 >= min && tokens[from - 1]!.lower === 'and' && tokens[from - 2]!.isWord && !NP_STOPS.has(tokens[from - 2]!.lower)) {
    const left = leftEdge(tokens, from - 2, min);
    const bothNames = tokens[from - 2]!.isCap && (tokens[from]!.isCap || tokens[from]!.lower === 'other');
    // (a figure is no adjective: "852.72 mln in 1985 and Gosper urged", "11.5 pct in 1986 and private economists say"
    // close one clause and open the next)
    const adjectives = (!tokens[from - 2]!.isCap || from - 2 === left) && !/^\d/.test(tokens[from - 2]!.text);
    // "The Clinton campaign and DNC said", "business groups and Republicans say": two sources opening their clause
    // (after a conjunction that opens the clause too: "But business groups and Republicans say")
    const clauseStart = (k: number): boolean => k === min || /^[,:;(—–]$/.test(tokens[k - 1]?.text ?? '');
    const afterConjunction =
      left - 1 >= min &&
      /^(but|and|yet|so|while|because|although|though|when|if|since)$/.test(tokens[left - 1]!.lower) &&
      clauseStart(left - 1);
    const opens = clauseStart(left) || afterConjunction;
    const first = tokens[left]!;
    // (a first part with a verb of its own is a clause: "Energy sector output fell nine pct and mining production
    // declined"; "undecided voter and debate attendee Ken Bone": an "un-" participle is an adjective)
    const clause = tokens
      .slice(left, from - 1)
      .some((t) => !t.isCap && (PAST_VERBS.has(t.lower) || (/[^e]ed$/.test(t.lower) && !/^un\w+ed$/.test(t.lower))));
    if (
      bothNames ||
      (adjectives && from - 2 === left && !DETERMINERS.has(first.lower)) ||
      // (a lower-case first part too, "business groups", but no number: "the 32,000 hydrocracker and the spokesman said")
      (opens && !clause && (first.isCap || DETERMINERS.has(first.lower) || (!NP_STOPS.has(first.lower) && !/^\d/.test(first.text))))
    )
      from = left;
  } else if (
    from - 2 >= min &&
    tokens[from - 1]!.lower === 'and' &&
    /^(she|he|they|we|i)$/i.test(tokens[from - 2]!.text) &&
    (from - 2 === min || /^[,:;(—–]$/.test(tokens[from - 3]?.text ?? ''))
  ) {
    // "She and her aides said"
    from -= 2;
  }
  // "a spokeswoman for Hillary Clinton said", "advisers to Mr. Obama say": the role is the source
  const prep = tokens[from - 1];
  const role = tokens[from - 2];
  if (
    prep &&
    role &&
    from - 2 >= min &&
    /^(for|to|at|of|on|with|in)$/.test(prep.lower) &&
    role.isWord &&
    (!role.isCap || /^(republicans|democrats|officials|critics|others|supporters|developers|members|leaders)$/.test(role.lower)) &&
    (ROLE_NOUN.test(role.lower) || /(man|woman|men|women|person|ist|ists)$/.test(role.lower))
  ) {
    from = leftEdge(tokens, from - 2, min);
  }
  let own = from;
  from = postmodifiedHead(tokens, from, min);
  // ("Minutes of the meeting released Friday showed": a day after a source's participle dates a source the walk did not
  // reach, and names no one; the source is the phrase before the participle)
  if (from === j && CLOCK_WORDS.test(t.lower) && j - 2 >= min && PARTICIPLE_SOURCE.test(tokens[j - 1]!.lower) && tokens[j - 2]!.isWord) {
    own = j - 1;
    from = postmodifiedHead(tokens, leftEdge(tokens, j - 2, min), min);
  }
  end = Math.max(end, j + 1);
  // the head names the source when its modifier names no one: "The latest poll" of "The latest poll released Friday"
  // (but "A 2014 report by the Government Accountability Office" is the office's)
  let to = j + 1;
  if (from < own && tokens.slice(own, j + 1).every((t) => !t.isCap || CLOCK_WORDS.test(t.lower) || MONTH.test(t.lower))) {
    let h = from + 1;
    while (h < own && !(POSTMODIFIER_JOIN.test(tokens[h]!.lower) || (/[^e]ed$/.test(tokens[h]!.lower) && !tokens[h]!.isCap))) h++;
    to = h;
  }
  // "…, Dharyono Kertosastro, chairman of the Association of Indonesian Coffee Exporters told Reuters":
  // the name before the comma speaks, the role after it describes him (the closing comma is often left out)
  const roleWord = tokens[from];
  if (
    from - 2 >= min &&
    tokens[from - 1]!.text === ',' &&
    tokens[from - 2]!.isCap &&
    tokens[from - 2]!.isWord &&
    roleWord &&
    !roleWord.isCap &&
    (ROLE_NOUN.test(roleWord.lower) || /(man|woman|ist|er|or)$/.test(roleWord.lower)) &&
    /^(of|for|with|at)$/.test(tokens[from + 1]?.lower ?? '')
  ) {
    const nameFrom = leftEdge(tokens, from - 2, min);
    if (tokens.slice(nameFrom, from - 1).every((t) => t.isCap || t.lower === 'of')) {
      return { from: nameFrom, to: from - 1, end, description: body.slice(roleWord.start, tokens[j]!.end) };
    }
  }
  return { from, to, end, description: null };
}

/** Participles that date a source: "a report released last year", "a poll conducted Monday". */
const PARTICIPLE_SOURCE = /^(released|conducted|published|issued|taken|unveiled|made|obtained|filed|sent)$/;

/** Words that open an object noun phrase after a verb (not a time: "released this week" dates its source). */
const OBJECT_OPENER = /^(a|an|the|his|her|its|their|our|my|your)$/;

const POSTMODIFIER_JOIN = /^(of|in|on|by|from|at|for|about|across|around|throughout|released|conducted|published|taken|issued)$/;

/**
 * "A 2014 study by Loyola Law School professor Justin Levitt found", "The latest poll released Friday
 * shows", "Video of the incident shows": the source is the head noun the phrase modifies, not the
 * last noun before the verb. Only when the whole phrase opens its clause (sentence start or after a
 * comma), so an object before the verb ("told a crowd in Ohio") is never taken for the subject.
 */
function postmodifiedHead(tokens: readonly Token[], from: number, min: number): number {
  let start = from;
  let informedHead = false;
  for (let hops = 0; hops < 3; hops++) {
    const join = tokens[start - 1];
    const head = tokens[start - 2];
    // "a person familiar with the matter", "sources close to the company", "people briefed on the talks", "an official
    // with (direct) knowledge of the plan": the wire's informed source is the noun the phrase follows
    const informed = informedSourceStart(tokens, start, min);
    if (informed > 0) {
      start = leftEdge(tokens, informed, min);
      informedHead = true;
      continue;
    }
    if (!join || !head || start - 2 < min || !POSTMODIFIER_JOIN.test(join.lower) || join.isCap) break;
    // ("Warren issued a report arguing ...", "Pence released an extraordinary statement saying ...": a participle
    // with an object of its own is the verb of its clause, not a modifier of a source; its subject speaks)
    if (/ed$|^taken$/.test(join.lower) && OBJECT_OPENER.test(tokens[start]?.lower ?? '')) break;
    // "An email unearthed by WikiLeaks", "research conducted by the Center ...": a participle and its "by" join the head
    const noun = tokens[start - 3];
    if (
      /^(by|in|from|to|for)$/.test(join.lower) &&
      /[^e]ed$/.test(head.lower) &&
      !head.isCap &&
      noun &&
      start - 3 >= min &&
      noun.isWord &&
      ((!NP_STOPS.has(noun.lower) && !PRONOUNS.has(noun.lower) && !SPEECH_LIKE.test(noun.lower)) ||
        // ("families of those affected by mass shootings": the demonstrative is the participle's noun)
        (/^those$/.test(noun.lower) && tokens[start - 4]?.lower === 'of'))
    ) {
      start = leftEdge(tokens, start - 3, min);
      continue;
    }
    if (!head.isWord || NP_STOPS.has(head.lower) || PRONOUNS.has(head.lower) || SPEECH_LIKE.test(head.lower)) break;
    start = leftEdge(tokens, start - 2, min);
  }
  if (start === from) return from;
  const before = tokens[start - 1];
  // (a coordinated clause opens after "and"/"but": "..., and Governor Mike Pence of Indiana told reporters")
  // (so does a quotation closed by its comma, `"...," Gov. Mike Pence of Indiana told`, and a subordinator or
  // complementizer: "so loud that the Russian Embassy in London issued", "even as advocates in the community called")
  const opensClause =
    start === min ||
    (!!before &&
      (/^[,:;(—–]$/.test(before.text) ||
        /^(and|but)$/.test(before.text) ||
        (/^["”]$/.test(before.text) && tokens[start - 2]?.text === ',') ||
        (start - 1 > min &&
          /^(that|as|because|when|while|although|though|if|since|after|before|until|unless|whereas)$/.test(before.text))));
  // the head must read as a noun phrase of its own: a determiner or a capital opens it
  const first = tokens[start]!;
  // (or, for an informed source, a bare plural: "sources close to the company")
  // (or a bare plural head: "families of those affected by mass shootings urged")
  // (only where a sentence or a comma opens it: after "and" it may be a second object, "to banks and securities houses in ...")
  const barePlural =
    !first.isCap &&
    /[^s]s$/.test(first.lower) &&
    !NP_STOPS.has(first.lower) &&
    !SPEECH_LIKE.test(first.lower) &&
    (start === min || before?.text === ',');
  // (or a role before a name: `"...," economist John Smith of Merrill Lynch said` is the economist's, not Merrill Lynch's;
  // so is "panel member Paul Bergstresser of the University of Texas")
  let named = start;
  const roleLike = (t: Token | undefined): boolean =>
    !!t && t.isWord && !t.isCap && /^\p{Ll}+$/u.test(t.text) && !NP_STOPS.has(t.lower) && !SPEECH_LIKE.test(t.lower);
  while (named < start + 3 && roleLike(tokens[named])) named++;
  const titledName = named > start && isRoleWord(tokens[named - 1]!.lower) && !!tokens[named]?.isCap;
  return opensClause &&
    (first.isCap || DETERMINERS.has(first.lower) || titledName || ((informedHead || barePlural) && !NP_STOPS.has(first.lower)))
    ? start
    : from;
}

const SPEECH_LIKE = /(ed|ing|ly)$/;

/**
 * Where the noun of an informed source ends when "familiar with", "close to", "briefed on", "knowledgeable about" or
 * "with (direct) knowledge of" stands right before the phrase at `start`: the index of that noun's last word, else -1.
 */
function informedSourceStart(tokens: readonly Token[], start: number, min: number): number {
  const join = tokens[start - 1]?.lower ?? '';
  let k = start - 2;
  if (
    (/^(with|to|on|about|of|in)$/.test(join) && /^(familiar|close|briefed|knowledgeable|involved|aware)$/.test(tokens[k]?.lower ?? '')) ||
    (join === 'of' && tokens[k]?.lower === 'knowledge')
  ) {
    if (tokens[k]!.lower === 'knowledge') {
      k--;
      if (/^(direct|intimate|first-hand|firsthand|detailed)$/.test(tokens[k]?.lower ?? '')) k--;
      if (tokens[k]?.lower !== 'with') return -1;
    }
    k--;
    const noun = tokens[k];
    if (k < min || !noun?.isWord || NP_STOPS.has(noun.lower) || PRONOUNS.has(noun.lower) || SPEECH_LIKE.test(noun.lower)) return -1;
    return k;
  }
  return -1;
}

/**
 * People speak through their roles: "spokeswoman for", "advisers to", "officials at", "members of" (and a role noun
 * of people goes on after a capitalised modifier: "Republican lawmakers", "Labour activists").
 */
const ROLE_NOUN =
  /^(spokes\w*|advisers?|advisors?|aides?|officials?|attorneys?|lawyers?|members?|leaders?|critics?|supporters?|allies|ally|friends?|representatives?|executives?|directors?|heads?|chiefs?|chairm[ae]n|chairwom[ae]n|president|presidents|secretary|ministers?|analysts?|experts?|economists?|researchers?|staffers?|staff|employees?|republicans|democrats|senators?|sources?|people|voters|residents|others|some|many|most|none|all|one|two|three|each|both|several|few|lots|groups?|commission|committee|office|editors?|editorial|board|authors?|organizers?|founders?|ceo|managers?|management|team|campaign|administration|department|lawmakers?|legislators?|strategists?|activists?|advocates?|diplomats?|candidates?|governors?|mayors?|judges?|prosecutors?|investigators?|scientists?|doctors?|journalists?|reporters?)$/;

/** "Theresa May", "George Will": a capitalised modal right after a capitalised name word is a surname. */
function surname(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  const p = tokens[k - 1];
  if (!t.isCap || !/^(may|will|can)$/.test(t.lower)) return false;
  // ('"...," Will wrote.': no modal stands before a past tense, so the capital is a name's)
  // (not "May", which is also the month: "..., May said" stays as it was)
  if (t.lower === 'will' && PAST_SAYING.test(tokens[k + 1]?.text ?? '')) return true;
  return !!p && p.isWord && p.isCap && !NON_NAME_CAPS.has(p.lower) && p.end + 1 === t.start;
}

const PAST_SAYING = /^(said|wrote|told|added|noted|argued|explained|asked|replied|tweeted|recalled|insisted|warned|stated|continued)$/;

/** Words that end a company's name ("First Chicago Corp", "Second National Bank"). */
const COMPANY_END = /^(corp|inc|co|ltd|plc|bank|bancorp|bancorporation|bancshares|group|trust|partners|securities|capital|financial)\.?$/;

/** "First Chicago Corp said": an ordinal opening a company's name is its first word, not an adverb opening the sentence. */
function ordinalOfCompany(tokens: readonly Token[], at: number, j: number): boolean {
  if (!/^(first|second|third)$/.test(tokens[at]!.lower)) return false;
  for (let k = at + 1; k <= j; k++) {
    const t = tokens[k]!;
    if (!t.isWord || !t.isCap) return false;
    if (COMPANY_END.test(t.lower)) return true;
  }
  return false;
}

/** Where the noun phrase that ends at token `j` starts (no further left than `min`). */
function leftEdge(tokens: readonly Token[], j: number, min: number): number {
  let from = j;
  // (tokens of a parenthesis stepped over, which take none of the phrase's length)
  let skipped = 0;
  while (from - 1 >= min && from > j - MAX_NP - skipped) {
    const p = tokens[from - 1]!;
    // "Brazilian Coffee Institute (IBC) president Jorio Dauster": a parenthesis after a capitalised word, an acronym or a
    // short gloss, is inside the name
    if (p.text === ')') {
      const k = openingParen(tokens, from - 1, min, 6);
      if (k >= 0 && tokens[k - 1]!.isCap && tokens[k - 1]!.isWord) {
        skipped += from - k;
        from = k;
        continue;
      }
    }
    // "the Reuters/Ipsos poll", "an NBC/Wall Street Journal survey": a slash without spaces joins one name
    if (
      p.text === '/' &&
      from - 2 >= min &&
      tokens[from - 2]!.isWord &&
      tokens[from - 2]!.end === p.start &&
      p.end === tokens[from]!.start
    ) {
      from -= 2;
      continue;
    }
    if (!p.isWord) break;
    const here = tokens[from]!;
    // "the Commission on Presidential Debates": a preposition between capitalised words is inside a name
    const inName = /^(on|for|at|in)$/.test(p.lower) && here.isCap && !!tokens[from - 2]?.isCap && tokens[from - 2]!.isWord;
    // "these wealth research firms", "this Trump look-alike", "Both lawmakers": a demonstrative or "both" opens the phrase
    if (/^(this|these|those|both)$/.test(p.lower) && !tokens[from - 2]?.isWord) {
      from--;
      break;
    }
    // "Osama bin Laden", "Ursula von der Leyen": a name's particles between capitalised words
    const particle =
      NAME_PARTICLE.test(p.lower) &&
      !p.isCap &&
      (here.isCap || NAME_PARTICLE.test(here.lower)) &&
      !!tokens[from - 2]?.isWord &&
      (tokens[from - 2]!.isCap || NAME_PARTICLE.test(tokens[from - 2]!.lower));
    if (particle) {
      from--;
      continue;
    }
    // "Monday night's results", "Last week's poll": the day before a time's possessive dates the phrase
    if (
      /^(night|week|month|year|weekend|morning|afternoon|evening)['’]s$/.test(here.lower) &&
      (WEEKDAY.test(p.lower) || /^(last|this|next)$/.test(p.lower))
    ) {
      from--;
      break;
    }
    if (isStop(p) && p.lower !== 'of' && !inName && !andInBodyName(tokens, from - 1)) break;
    // "Band's memo provided data showing", "The agency released figures indicating": a past verb after a noun is the
    // verb of its clause, and the phrase before it is its subject, not a modifier of the object
    if (pastVerbAfterNoun(tokens, from - 1, min)) break;
    if (p.isCap && NON_NAME_CAPS.has(p.lower) && !DETERMINERS.has(p.lower) && !ordinalOfCompany(tokens, from - 1, j)) break;
    if (LEADING_STOPS.has(p.lower)) break;
    // "Over the weekend Baker said", "Last week Stumpf": a time adverbial is not part of a name
    if (TIME_WORDS.has(p.lower) && here.isCap && !DETERMINERS.has(here.lower)) break;
    // "a speech Mrs. Clinton delivered", "the third time AROS said": a common noun glued before a name is
    // not its title, unless it reads as a role ("economist Aparna Mathur", "nominee Donald Trump")
    // (an adjective is no such noun: "the latest Reuters/Ipsos poll", "a new Gallup poll", "the nonpartisan Commission")
    if (
      !p.isCap &&
      here.isCap &&
      !here.lower.startsWith('of') &&
      !DETERMINERS.has(p.lower) &&
      !isRoleWord(p.lower) &&
      !ADJECTIVE.test(p.lower) &&
      // (a hyphenated compound modifies what follows: "an anti-Trump PAC", "then-Secretary Clinton")
      !/^(\p{L}+-\p{Lu}|(anti|pro|then|ex|non|center|centre|far)-\p{L})/u.test(p.text)
    )
      break;
    from--;
    if (DETERMINERS.has(p.lower)) break;
  }
  // "of" may join two capitalised parts ("Bank of America"), never start a phrase
  while (from < j && tokens[from]!.lower === 'of') from++;
  return from;
}

/**
 * Whether the word at `k` is a past verb right after the subject it ends ("memo provided data", "Reagan made no
 * mention"), so that the words after it are its object: a lower-case past form after a word that can end a subject (a
 * name, a possessive, a common noun; not a determiner, an adverb, a number or a pronoun's clitic: "the newly elected",
 * "three unnamed", "he's changed"), and before an object (after a name, one a determiner or a number opens: "U.S.
 * refined production", "Series B preferred shareholders" are modifiers). A participle that dates or places its source
 * ("a statement issued last month", "the data released on Friday") and the wire's compound modifiers ("state owned",
 * "Peking backed", "state-owned") are no verbs.
 */
export function pastVerbAfterNoun(tokens: readonly Token[], k: number, min: number): boolean {
  const t = tokens[k];
  const p = tokens[k - 1];
  const next = tokens[k + 1];
  if (!t || !p || !next || k - 1 < min || t.isCap || !p.isWord || !next.isWord || /-/.test(t.text)) return false;
  if (!(PAST_VERBS.has(t.lower) || (/[^e]ed$/.test(t.lower) && !/^un\w+ed$/.test(t.lower))) || COMPOUND_PARTICIPLE.test(t.lower))
    return false;
  if (DETERMINERS.has(p.lower) || NP_STOPS.has(p.lower) || AUX_WORDS.has(p.lower) || PREPOSITION.test(p.lower) || /^\d|['’]/.test(p.text))
    return false;
  if (/(ly|ed|ing)$/.test(p.lower) && !p.isCap) return false;
  if (
    PREPOSITION.test(next.lower) ||
    NP_STOPS.has(next.lower) ||
    TIME_WORDS.has(next.lower) ||
    /^(last|this|next|earlier|late|early)$/.test(next.lower)
  )
    return false;
  return !p.isCap || OBJECT_OPENER.test(next.lower) || /^(no|\d.*|several|some|two|three|four|five)$/.test(next.lower);
}

/** Participles the wire writes as a compound modifier without its hyphen: "state owned", "Peking backed", "U.S. based". */
const COMPOUND_PARTICIPLE =
  /^(owned|backed|based|controlled|funded|sponsored|financed|listed|operated|registered|related|led|held|traded|quoted|priced|rated|linked|oriented|dominated)$/;

const ADJECTIVE =
  /^(latest|new|recent|online|joint|separate|annual|weekly|daily|monthly|first|final|same|other|such|major|top|leading|longtime|long-time|veteran|fellow|outgoing|incoming|retired|embattled|prominent|influential|outspoken|renowned|respected)$|..(est|al|ive|ic|ous)$/;

const NAME_PARTICLE = /^(bin|ibn|al|el|van|von|der|den|de|del|della|di|da|du|dos|das|le|la|ter|ten)$/;

/** Words that open a clause, never a speaker: "yet Donald Trump said", "though Lynch", "Both Mr. King and …". */
const LEADING_STOPS: ReadonlySet<string> = new Set('yet though although both so still meanwhile however instead thus hence now'.split(' '));

/** A lower-case word that titles a name: "economist", "nominee", "host", "general", "spokeswoman", "former". */
function isRoleWord(w: string): boolean {
  return (
    ROLE_NOUN.test(w) ||
    /(ist|er|or|ee|ant|ent|man|woman|ian)$/.test(w) ||
    /^(former|retired|late|then|acting|deputy|general|candidate|chief|senior|junior|host|judge|chair|colonel|sergeant|captain|rep|sen|gov|presidential|democratic|republican|conservative|liberal|veteran|fellow|rival|nominee|mate|partner|counterpart|colleague|wife|husband|widow|son|daughter|brother|sister)$/.test(
      w,
    )
  );
}

const WHEN_WORDS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|week|month|year|summer|spring|fall|autumn|winter|weekend|morning|afternoon|evening|night|\d{4})$/;
const CLOCK_WORDS =
  /^(morning|afternoon|evening|night|weekend|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

const TIME_WORDS: ReadonlySet<string> = new Set(
  'weekend week month year day night morning afternoon evening today yesterday tonight monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december interview statement meeting speech conference remarks letter rally debate'.split(
    ' ',
  ),
);

const CIRCUMSTANCE_START =
  /^(\w+ing|at|in|on|during|after|before|like|unlike|with|without|while|when|though|although|also|however|meanwhile|for|too|then|instead|nonetheless|moreover|likewise|again|once|through|via)$/;

/** `NAME, DESCRIPTION,` before a verb: the name is the speaker, the description its appositive. */
function appositiveBefore(tokens: readonly Token[], comma: number, min: number, body: string): SourcePhrase | null {
  const isMark = (t: Token): boolean => t.text === '"' || t.text === '“' || t.text === '”';
  let k = comma - 1;
  while (k >= min && k > comma - 26 && tokens[k]!.text !== ',' && !isMark(tokens[k]!)) k--;
  if (k < min || tokens[k]!.text !== ',' || k === comma - 1) return null;
  const first = tokens[k + 1]!;
  // "Trump, speaking to veterans, said", "Clinton, at Monday's debate, cited", "Cruz, meanwhile, warned":
  // circumstances between the subject and its verb are no part of the speaker
  // ("Senate Democrats, including Warren,", "Schumer, for whom Mr. Weiner once worked,": those stay)
  if (
    first.isWord &&
    !first.isCap &&
    CIRCUMSTANCE_START.test(first.lower) &&
    first.lower !== 'including' &&
    !/^(whom|which)$/.test(tokens[k + 2]?.lower ?? '') &&
    // ("Sen. Ted Cruz (R-Texas), also a GOP presidential hopeful, called": "also" before an article opens a description)
    !(/^(also|once)$/.test(first.lower) && /^(a|an|the)$/.test(tokens[k + 2]?.lower ?? ''))
  ) {
    const name = phraseBefore(tokens, k, min, body);
    // ("Former senior officials in both parties, though, say": a plural common noun speaks too, after an interjection)
    const aside = tokens
      .slice(k + 1, comma)
      .map((t) => t.lower)
      .join(' ');
    const interjection =
      /^(though|however|meanwhile|too|instead|nonetheless|moreover|likewise|again|for example|for instance|in fact|of course|in turn)$/.test(
        aside,
      );
    return name && (tokens[name.to - 1]!.isCap || interjection) && name.end === k
      ? { from: name.from, to: name.to, end: name.to, description: null }
      : null;
  }
  // "Her campaign manager, Robby Mook, said", "The F.B.I. director, James B. Comey, said": the role first, then the name
  // ("Another pollster, David Woodard of Clemson University, said": the name may carry its affiliation)
  const isName = (t: Token): boolean => t.isWord && t.isCap && !NON_NAME_CAPS.has(t.lower);
  let nameTo = k + 1;
  while (nameTo < comma && nameTo < k + 5 && isName(tokens[nameTo]!)) nameTo++;
  const affiliated =
    nameTo > k + 1 &&
    nameTo < comma &&
    /^(of|at|from)$/.test(tokens[nameTo]!.lower) &&
    comma - nameTo <= 6 &&
    tokens.slice(nameTo + 1, comma).every((t) => isName(t) || /^(the|of|for|and|&)$/.test(t.lower));
  if (nameTo > k + 1 && (nameTo === comma || affiliated)) {
    const role = phraseBefore(tokens, k, min, body);
    // ("The director of the Federal Bureau of Investigation, James B. Comey,": the role's head is the noun before "of")
    let h = role ? role.to - 1 : -1;
    if (role && tokens[h]!.isCap) {
      const of = findIndexIn(tokens, role.from + 1, role.to, (t) => t.lower === 'of');
      if (of > role.from) h = of - 1;
    }
    const head = role ? tokens[h]! : null;
    if (
      role &&
      head &&
      role.end === k &&
      !head.isCap &&
      (ROLE_NOUN.test(head.lower) || /(man|woman|ist|er|or|ian|host)$/.test(head.lower)) &&
      (DETERMINERS.has(tokens[role.from]!.lower) ||
        /['’]s$/.test(tokens[role.from]!.text) ||
        /^(one|another)$/.test(tokens[role.from]!.lower))
    )
      return {
        from: role.from,
        nameFrom: k + 1,
        to: nameTo,
        end: comma,
        description: body.slice(tokens[role.from]!.start, tokens[role.to - 1]!.end),
      };
  }
  // a description may hold commas of its own ("Donna Rawlings, 59, of Ashton, Md., said"): when the
  // segment before the verb does not open like a description, look one comma further back
  // (never for a participle: in "Brockovich, the activist, endorsed Sanders' plan, saying" the commas close a clause)
  const participle = /ing$/.test(tokens[comma + 1]?.lower ?? '');
  // (a name that may belong to an earlier description is kept in reserve while the commas before it are tried)
  let reserve: SourcePhrase | null = null;
  for (let tries = 0; tries < (participle ? 1 : 3); tries++) {
    const found = appositiveAt(tokens, k, comma, min, body, tries);
    if (found && !found.inner) return found.phrase;
    reserve ??= found?.phrase ?? null;
    let c = k - 1;
    while (c >= min && c > comma - 40 && tokens[c]!.text !== ',' && !isMark(tokens[c]!) && !SPEECH_VERB_LIKE.has(tokens[c]!.lower)) c--;
    if (c < min || c <= comma - 40 || tokens[c]!.text !== ',' || c === k - 1) return reserve;
    k = c;
  }
  return reserve;
}

const REPORTING_ASIDE =
  /^(that|said|says|told|tells|asked|asks|noted|notes|cited|cites|argued|argues|described|describes|understood|thought|thinks|believes|believed|emphasized|insisted|wrote|writes|authorized)$/;

const SPEECH_VERB_LIKE: ReadonlySet<string> = new Set('said says say told tells added wrote according'.split(' '));

/**
 * Whether a capitalised name of up to four words ending in a possessive opens the tokens from `i` on, before
 * `limit`, and a lower-case word follows it: "Obama's adviser", "South Korea's unification minister",
 * "AT&T's chief executive" (the name is the owner of the description, not the speaker).
 */
function possessiveName(tokens: readonly Token[], i: number, limit: number): boolean {
  for (let j = i; j < Math.min(limit, i + 5); j++) {
    const t = tokens[j]!;
    if (/^\p{Lu}[\p{L}.]*['’]s$/u.test(t.text)) return j === i || (!!tokens[j + 1]?.isWord && !tokens[j + 1]!.isCap);
    if (!(t.isCap || t.text === '&')) return false;
  }
  return false;
}

/** `NAME, DESCRIPTION,` with the description running from the comma at `k` to the one at `comma`. */
function appositiveAt(
  tokens: readonly Token[],
  k: number,
  comma: number,
  min: number,
  body: string,
  tries: number,
): { phrase: SourcePhrase; inner: boolean } | null {
  const first = tokens[k + 1]!;
  // the description reads like one: "a commander of ...", "the panel's ranking Democrat", "spokesman for ...",
  // "Democrat of California", "AT&T's chief executive"
  const capitalDescription = /^(democrat|republican|independent)$/.test(first.lower) && /^(of|from)$/.test(tokens[k + 2]?.lower ?? '');
  // ("Obama's adviser on counterterrorism", "R-Ky.": a possessive or a party label describes too)
  const labelled = possessiveName(tokens, k + 1, comma) || /^[RDI]-[A-Z]/.test(first.text);
  if (!(
    DETERMINERS.has(first.lower) ||
    !first.isCap ||
    /^(former|chief|senior|head|spokes)/i.test(first.text) ||
    capitalDescription ||
    labelled
  ))
    return null;
  // ("acting political director of ..." is a title, not a participle)
  const alsoA = /^(also|once)$/.test(first.lower) && /^(a|an|the)$/.test(tokens[k + 2]?.lower ?? '');
  if (k + 1 < comma - 1 && CIRCUMSTANCE_START.test(first.lower) && !/^(including|acting)$/.test(first.lower) && !alsoA && tries > 0)
    return null;
  const name = phraseBefore(tokens, k, min, body);
  if (!name) return null;
  const nameTok = tokens[name.to - 1]!;
  if (!nameTok.isCap) return null;
  // "Michael Mulgrew, president of the United Federation of Teachers, which represents ..., said": a name after a
  // preposition may end an earlier description, whose name is the speaker (the caller looks a comma further back);
  // so may a phrase in lower case after a comma ("Jean-Marc Ayrault, the foreign minister of France, a permanent
  // member ..., said")
  const before = tokens[name.from - 1];
  const inner =
    (!!before?.isWord && !before.isCap && /^(of|for|at|in|with|from|to|on|by)$/.test(before.lower)) ||
    (!tokens[name.from]!.isCap && before?.text === ',');
  // (a relative clause with "which" on the description's last noun describes that noun, not the speaker)
  let end = comma;
  for (let c = k + 2; c < comma; c++)
    if (tokens[c]!.text === ',' && tokens[c + 1]?.lower === 'which') {
      end = c;
      break;
    }
  // "Mr. Obama, who understood that ..., told", "McClendon, who said he plans to ..., has argued": a relative clause
  // that reports a saying or a thought of its own is an attribution beside this one, not part of who speaks
  if (/^(who|whose)$/.test(first.lower) && tokens.slice(k + 2, end).some((t) => !t.isCap && REPORTING_ASIDE.test(t.lower)))
    return { phrase: { from: name.from, to: name.to, end: name.end, description: null }, inner };
  const description = body.slice(tokens[k + 1]!.start, tokens[end - 1]!.end);
  return { phrase: { from: name.from, to: name.to, end, description }, inner };
}

/**
 * The noun phrase that starts at token `i` ("said Rep. Elijah Cummings of Maryland, the panel's ranking
 * Democrat"; "according to the report"), with an appositive after a comma when it reads like one.
 */
export function phraseAfter(tokens: readonly Token[], i: number, max: number, body: string, appositive = true): SourcePhrase | null {
  let to = i;
  // a name ("Caddell went on", "Stumpf tried") ends at its first lower-case word, bar a joining "of"
  const name = tokens[i]?.isCap === true && !DETERMINERS.has(tokens[i].lower);
  while (to < max && to < i + MAX_NP) {
    const t = tokens[to]!;
    if (!t.isWord) break;
    // "the Roper Center for Public Opinion Research": a preposition between capitalised words is inside a name
    // (not a day or month after it: "The United Nations Security Council on Friday condemned ...")
    const inName =
      /^(on|for|at|in)$/.test(t.lower) &&
      !!tokens[to - 1]?.isCap &&
      !!tokens[to + 1]?.isCap &&
      tokens[to + 1]!.isWord &&
      !WEEKDAY.test(tokens[to + 1]!.lower) &&
      !MONTH.test(tokens[to + 1]!.lower);
    if (to > i && isStop(t) && t.lower !== 'of' && !inName && !andInBodyName(tokens, to) && !surname(tokens, to)) break;
    if (to > i && PRONOUNS.has(t.lower)) break;
    // ("told reporters the talks had stalled": a determiner after a noun opens the next phrase, bar a
    // predeterminer's: "all the", "both the", "half the")
    // (so in a headline: "Tells Florida Supporters The Wrong Date"; after a preposition it is the phrase's own: "of The Post")
    // (a phrase opened by a subordinator, "if the mayor ...", is left as it was: no noun phrase of its own)
    if (
      to > i &&
      LATER_DETERMINER.test(t.lower) &&
      !/^(if|whether|when|how|what|why|who|where|that|because|while)$/.test(tokens[i]!.lower) &&
      !/^(all|both|half|such|quite|what|many)$/.test(tokens[to - 1]!.lower) &&
      !PREPOSITION.test(tokens[to - 1]!.lower)
    )
      break;
    // "The DNC publicly disclosed", "the mayor privately told": an adverb after a name or before a verb ends the phrase
    // (not "a widely read columnist")
    if (
      to > i &&
      /ly$/.test(t.lower) &&
      !LY_NOUNS.test(t.lower) &&
      !t.isCap &&
      ((tokens[to - 1]!.isCap && !DETERMINERS.has(tokens[to - 1]!.lower)) ||
        // (not right after a determiner: "The seasonally adjusted index")
        (/[^e]ed$/.test(tokens[to + 1]?.lower ?? '') && !DETERMINERS.has(tokens[to - 1]!.lower)) ||
        PAST_VERBS.has(tokens[to + 1]?.lower ?? '') ||
        SPEECH_VERBS.has(tokens[to + 1]?.lower ?? ''))
    )
      break;
    // "The GOP nominee complained", "A Quinnipiac University poll released Friday": the verb ends the phrase
    if (to > i + 1 && !t.isCap && (/[^e]ed$/.test(t.lower) || PAST_VERBS.has(t.lower))) break;
    // (a name goes on as a title: "Democratic presidential nominee Hillary Clinton", "GOP analysts")
    if (
      to > i &&
      name &&
      !t.isCap &&
      !(/^(of|de|al|bin|van|von|da|du|la|le)$/.test(t.lower) && tokens[to + 1]?.isCap) &&
      !titleGoesOn(tokens, to, max)
    )
      break;
    // "Said one U.S. analyst of Baker's weekend remarks": what the speaker spoke of is not the speaker
    if (to > i && t.lower === 'of' && (/['’]s$/.test(tokens[to + 1]?.text ?? '') || (tokens[to + 1] && !tokens[to + 1]!.isCap))) break;
    to++;
    if (to - 1 === i && PRONOUNS.has(t.lower)) break;
  }
  while (to > i && tokens[to - 1]!.lower === 'of') to--;
  if (to === i) return null;
  let end = to;
  // "Sen. Lindsey Graham (R-S.C.)"
  if (tokens[end]?.text === '(') {
    let k = end + 1;
    while (k < max && k < end + 8 && tokens[k]!.text !== ')') k++;
    if (tokens[k]?.text === ')') end = k + 1;
  }
  let description: string | null = null;
  if (appositive && end < max && tokens[end]!.text === ',' && end + 1 < max) {
    const first = tokens[end + 1]!;
    if (readsAsDescription(first)) {
      let e = end + 1;
      while (e < max && e < end + 40 && !/^[,.;:!?"“”()]$/.test(tokens[e]!.text)) e++;
      // "Michael Mulgrew, president of the United Federation of Teachers, said" / "…, of Ashton, Md."
      // (", who noted that …", ", who also said …": a relative clause that reports a saying of its own is an
      // attribution beside this one, not part of who speaks)
      const reports = /^(who|whose)$/.test(first.lower) && tokens.slice(end + 2, e).some((t) => !t.isCap && REPORTING_ASIDE.test(t.lower));
      if (e > end + 1 && !reports) {
        description = body.slice(first.start, tokens[e - 1]!.end);
        end = e;
      }
    }
  }
  return { from: i, to, end, description };
}

const LATER_DETERMINER = /^(the|a|an|this|these|those|his|their|its|our|my|your)$/;
const PREPOSITION =
  /^(of|in|on|at|for|to|from|with|by|about|against|over|under|across|among|amid|around|after|before|behind|beyond|between|during|into|inside|outside|near|through|throughout|toward|towards|within|without|via|like|per|despite|upon|onto|than|and|or)$/;

/** Lower-case words from `k` that run on to a title, a role noun or a name: "presidential nominee Hillary Clinton", "analysts". */
function titleGoesOn(tokens: readonly Token[], k: number, max: number): boolean {
  for (let m = k; m < Math.min(max, k + 3); m++) {
    const t = tokens[m]!;
    if (!t.isWord || NP_STOPS.has(t.lower) || /(ly|ing)$/.test(t.lower) || PAST_VERBS.has(t.lower) || /[^e]ed$/.test(t.lower)) return false;
    if (t.isCap) return m > k && isRoleWord(tokens[m - 1]!.lower);
    if (
      ROLE_NOUN.test(t.lower) ||
      /^(nominee|candidate|host|experts?|analysts?|pollsters?|polls?|surveys?|records|filings|data)$/.test(t.lower) ||
      // ("according to Swedish monitors", "Japanese newspaper reports", "Deutsche Bank traders": the people or papers of
      // a nation or a firm, not the nation or the firm)
      /^(monitors?|governments?|authorities|delegates?|delegations?|traders?|dealers?|bankers?|brokers?|producers?|processors?|exporters?|importers?|reports|newspapers?|press|media)$/.test(
        t.lower,
      )
    )
      return true;
  }
  return false;
}

export const PAST_VERBS: ReadonlySet<string> = new Set(
  'took made gave came went told wrote spoke put got saw met left sent held brought thought found kept ran won lost cut set hit paid sold bought rose fell began became chose grew knew led built stood fought struck point points used says'.split(
    ' ',
  ),
);

/** The first word of an appositive: "a professor …", "president of …", "82", "who served …", "of Ashton". */
function readsAsDescription(first: Token): boolean {
  if (!first.isWord) return false;
  // "Caddell, speaking of …", "Clinton, at Monday's debate, said": circumstances, not a description
  if (CIRCUMSTANCE_START.test(first.lower)) return false;
  if (DETERMINERS.has(first.lower) || /^\d/.test(first.text)) return true;
  return (!first.isCap && !NP_STOPS.has(first.lower)) || /^(who|whose|of|from)$/.test(first.lower);
}

/**
 * A speaker named after its verb at the end of the sentence (`..., said Karen Flynn, president of
 * Common Cause, a watchdog.`, `..., according to a person familiar with his thinking.`) is written
 * with all that follows it: the mention runs to the sentence end. It stops at a participle clause
 * (`, adding ...`), a complement (`that ...`), or a quotation, which belong to the attribution, not
 * to the speaker; and only when the sentence really ends within `max`.
 */
export function extendToSentenceEnd(tokens: readonly Token[], src: SourcePhrase, max: number, body: string): SourcePhrase {
  let k = src.end;
  let depth = 0;
  for (; k < max; k++) {
    const t = tokens[k]!;
    if (t.text === '(') depth++;
    if (t.text === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    // "Tampa, Fla., who ...": the period of an abbreviation ends nothing
    if (t.text === '.' && tokens[k + 1]?.text === ',') continue;
    if (/^[.!?]$/.test(t.text)) break;
    // ("..., host of "The Press Pool" on Sirius XM radio.": a title in quotation marks is part of the description)
    const title = quotedTitleEnd(tokens, k, max);
    if (title > k) {
      k = title;
      // (a title closing the sentence with its stop inside the marks: `..., a co-author of "Chick Lit."`)
      if (k === max - 1 && /^[.!?]$/.test(tokens[k - 1]!.text)) {
        k = max;
        break;
      }
      continue;
    }
    if (/^[;:"“”—–]$/.test(t.text) || t.lower === 'that') return src;
    if (t.text === ',' && /ing$/.test(tokens[k + 1]?.lower ?? '') && !tokens[k + 1]!.isCap) break;
    if (t.text === ',' && /^(who|whom|whose|which)$/.test(tokens[k + 1]?.lower ?? '')) break;
    // ("said O'Neill, on what was his first full day ...", "tweeted Prince Alwaleed, the nephew of ..., on Thursday, hours
    // after ...": when and where it was said are no part of the speaker)
    if (t.text === ',' && /^(on|during|after|before|while|when|as|hours|days|speaking)$/.test(tokens[k + 1]?.text ?? '')) break;
    // "... of Nikko Securities International in New York", "... on Tuesday": where and when it was said
    // (but "said Chris Low at FTN Financial.", "said Richard Koss at General Motors Corp.": a firm closing the sentence
    // after "at" is where the speaker works)
    if (k === src.end && /^(in|on|at)$/.test(t.lower) && tokens[k + 1]?.isCap && tokens[k - 1]?.isCap && !firmClosing(tokens, k, max))
      return src;
    // "..., noted the Milwaukee Journal Sentinel this summer", "according to a report on Wednesday": when, not who
    if (k === src.end && /^(in|on|this|last|earlier)$/.test(t.lower) && WHEN_WORDS.test(tokens[k + 1]?.lower ?? '')) return src;
    // ("said Trump as he dined at his golf resort", "said Ms. Lee while visiting the plant": the circumstances)
    if (k === src.end && /^(as|while|when|after|before|during)$/.test(t.lower)) return src;
    if (k > src.end && /\n/.test(body.slice(tokens[k - 1]!.end, t.start))) return src;
  }
  // (the sentence may close on an abbreviation's period: "... at Maison Placements Canada Inc.")
  if ((k >= max && !/^["”]$/.test(tokens[max - 1]?.text ?? '') && !/\p{L}\.$/u.test(tokens[max - 1]?.text ?? '')) || k === src.end)
    return src;
  const description =
    src.description ?? (tokens[src.to]?.text === ',' && src.to + 1 < k ? body.slice(tokens[src.to + 1]!.start, tokens[k - 1]!.end) : null);
  return { ...src, end: k, description };
}

/** Words that make a capitalised run a firm: "FTN Financial", "General Motors Corp.", "Merrill Lynch Capital Markets". */
const FIRM_WORD =
  /^(corp|corporation|inc|co|ltd|plc|llc|securities|financial|capital|partners|associates|bank|bancorp|brothers|research|economics|advisors|advisers|management|investments?|trust|holdings|markets|group|consulting|analytics)$/;

/**
 * Whether "at" at `k` opens a firm's name that closes the sentence: capitalised words (with "&" and abbreviations'
 * periods) up to the stop, one of them a firm's word.
 */
function firmClosing(tokens: readonly Token[], k: number, max: number): boolean {
  if (tokens[k]!.lower !== 'at') return false;
  let firm = false;
  for (let m = k + 1; m < Math.min(max, k + 8); m++) {
    const t = tokens[m]!;
    if (/^[.!?]$/.test(t.text) && (m + 1 >= max || !tokens[m + 1]!.isWord || tokens[m + 1]!.isCap)) return firm && m > k + 1;
    if (t.isWord ? !t.isCap : t.text !== '&' && t.text !== '.') return false;
    if (t.isWord && FIRM_WORD.test(t.lower.replace(/\.$/, ''))) firm = true;
  }
  // (the sentence may end on the firm's abbreviation, its period inside the word: "... Corp.")
  return firm && max <= k + 8 && max > k + 1;
}

/**
 * Where a title in quotation marks that opens at `k` closes ("The Press Pool", "Meet the Press", "Plenty Ladylike", a book's
 * "Those Guys Have All the Fun: Inside the World of ESPN."): up to twelve words, each capitalised or a short function
 * word, the first capitalised, a stop only right before the closing mark; else -1. A quotation of speech has lower-case
 * words in it, so it is never taken for a title.
 */
function quotedTitleEnd(tokens: readonly Token[], k: number, max: number): number {
  const open = tokens[k]?.text;
  if (open !== '"' && open !== '“') return -1;
  const close = open === '"' ? '"' : '”';
  if (!tokens[k + 1]?.isCap) return -1;
  for (let j = k + 1; j < Math.min(max, k + 16); j++) {
    const t = tokens[j]!;
    if (t.text === close) return j > k + 1 ? j : -1;
    if (/^[.!?]$/.test(t.text) && tokens[j + 1]?.text === close && j > k + 1) continue;
    if (!t.isWord && t.text !== ',' && t.text !== '-' && t.text !== ':') return -1;
    if (t.isWord && !t.isCap && !/^(of|the|a|an|and|on|in|for|to|with|at|by)$/.test(t.lower)) return -1;
  }
  return -1;
}

/** The first index in [from, to) whose token satisfies `test`, else -1. */
function findIndexIn(tokens: readonly Token[], from: number, to: number, test: (t: Token) => boolean): number {
  for (let k = from; k < to; k++) if (test(tokens[k]!)) return k;
  return -1;
}

/**
 * Whether the "and" at token `k` joins one body's name: a single capitalised word before it, no body on its own, and a
 * capitalised run after it (a few words) that ends in a body's head ("the Securities and Exchange Commission", "the
 * Energy and Commerce Committee"), not "PDVSA and Union Pacific" nor "the Treasury and Federal Reserve Board".
 */
export function andInBodyName(tokens: readonly Token[], k: number): boolean {
  const before = tokens[k - 1];
  if (tokens[k]?.lower !== 'and' || !before?.isCap || !before.isWord || STANDALONE_BODY.test(before.text)) return false;
  // (a capitalised word before it makes "X Y and Z" two names; "The" opening the sentence does not)
  if (tokens[k - 2]?.isCap && tokens[k - 2]!.isWord && !DETERMINERS.has(tokens[k - 2]!.lower)) return false;
  let end = k + 1;
  if (!tokens[end]?.isCap || !tokens[end]!.isWord) return false;
  while (end + 1 < k + 4 && tokens[end + 1]?.isCap && tokens[end + 1]!.isWord) end++;
  // (the run's last word: "Union Pacific" is no union)
  return BODY_HEAD.test(tokens[end]!.text);
}
