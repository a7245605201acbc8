/**
 * "It" and "they" that stand for a thing or a body rather than a person: `resolveThing` takes the subject of the
 * mention's own sentence, or of the sentence before, with the appositive and left-phrase rules that find it. It
 * also holds `Resolution`, the resolved speaker of one quote that `resolveSpeakers` builds and `resolveThing`
 * returns. Separate from the resolver's main pass over people and names.
 */
import type { Sentence, Span } from '../types.js';
import { AUX_WORDS, DETERMINERS, GENERIC_ORG_HEADS, NON_NAME_CAPS, NP_STOPS, SPEECH_VERBS } from './lexicon.js';
import { PAST_VERBS } from './noun-phrases.js';
import { namesAlone, type WordSet } from './story-words.js';
import { tokenize, type Token } from './tokens.js';

export interface Resolution {
  speaker: string;
  description: string | null;
  resolved: { name: string; start: number; end: number } | null;
  person: boolean;
  /** Where the speaker was mentioned for this quote (recency for later pronouns). */
  at: number;
  /** An unnamed person speaking for the organisation resolved ("a spokesman for the Trade Ministry"): a later "he" is that person, unnamed. */
  someone?: boolean;
}

/** "it"/"they": the subject of the mention's own sentence when the pronoun is not its subject, else of the sentence before. */
export function resolveThing<Q extends Span>(
  body: string,
  sentences: readonly Sentence[],
  mention: Span,
  lower: string,
  demonym: () => string | null,
  quote: Span,
  names: { midSentence: ReadonlySet<string>; lowerCase: WordSet },
  reported: readonly Q[] = [],
): (Omit<Resolution, 'at'> & { reportedIn?: Q }) | null {
  const idx = sentences.findIndex((s) => mention.start >= s.start && mention.start < s.end);
  if (idx < 0) return null;
  const own = sentences[idx]!;
  const named = (text: string, start: number, person: boolean): Omit<Resolution, 'at'> => {
    const words = text.split(/\s+/);
    const head = words[words.length - 1]!.toLowerCase();
    if (words.length === 2 && DETERMINERS.has(words[0]!.toLowerCase()) && GENERIC_ORG_HEADS.has(head) && demonym()) {
      const name = `the ${demonym()} ${head}`;
      return { speaker: name, description: null, resolved: { name, start, end: start + text.length }, person: false };
    }
    // "the company", "analysts": a speaker, but not a name
    // ("Analysts do not expect ... . "...," they said": a lone word opening its sentence is capitalised anyway; it names
    // someone only when the story capitalises it inside sentences too, or it reads as a name on its own)
    const lone = words.length === 1 && !(names.midSentence.has(words[0]!) || namesAlone(words[0]!, names.lowerCase));
    const isName =
      !lone && /^\p{Lu}/u.test(words[0]!) && /^\p{Lu}/u.test(words[words.length - 1]!) && !DETERMINERS.has(words[0]!.toLowerCase());
    return { speaker: text, description: null, resolved: isName ? { name: text, start, end: start + text.length } : null, person };
  };
  if (lower === 'who' || lower === 'which') {
    const tokens = tokenize(body, own.start, mention.start);
    let k = tokens.length - 1;
    if (tokens[k]?.text === ',') k--;
    let np = k >= 0 ? leftPhrase(tokens, k) : [];
    const described = k >= 0 ? appositiveHolder(tokens, k) : [];
    if (described.length > 0) np = described;
    const text = subjectFrom(np, body);
    return text ? named(text, np[0]!.start, lower === 'who') : null;
  }
  const ownTokens = tokenize(body, own.start, mention.start);
  const candidates = ownTokens.some((t) => t.isWord) ? [own, sentences[idx - 1]] : [sentences[idx - 1]];
  let spokenOf: { np: Token[]; in: Q } | null = null;
  for (const s of candidates) {
    if (!s) continue;
    const sentenceTokens = tokenize(body, s.start, s.end);
    const np = sentenceSubject(sentenceTokens);
    // ("In addition, it announced", "In one, it said": a preposition's object is no subject)
    const before = np.length > 0 ? sentenceTokens[sentenceTokens.indexOf(np[0]!) - 1] : undefined;
    if (before && PREPOSITION.test(before.lower)) continue;
    // (`He expects the sale to raise ..., they added`: a subject inside what is reported is not who reports it)
    // ("Singapore's external trade grew 8.8 pct ..., the Trade Development Board said. It said ...": nor is one inside
    // what an earlier attribution reported: that is what was spoken of)
    if (np.length > 0 && np[0]!.start >= quote.start && np[0]!.start < quote.end) continue;
    // (kept as a last resort: in "Statoil ... has placed contracts ..., the company said in a statement" the report's
    // subject is the company that spoke)
    const host = np.length > 0 ? reported.find((r) => r !== quote && np[0]!.start >= r.start && np[0]!.start < r.end) : undefined;
    if (host) {
      spokenOf ??= { np, in: host };
      continue;
    }
    const text = subjectFrom(np, body);
    if (text && !/^(he|she|it|they|i|we)$/i.test(text)) return named(text, np[0]!.start, false);
  }
  const text = spokenOf && subjectFrom(spokenOf.np, body);
  return text && !/^(he|she|it|they|i|we)$/i.test(text)
    ? { ...named(text, spokenOf!.np[0]!.start, false), reportedIn: spokenOf!.in }
    : null;
}

const PRONOUN = /^(he|she|it|they|we|i|you)$/;
const SENTENCE_ADVERB = /^(therefore|thus|hence|furthermore|nevertheless|nonetheless|consequently|accordingly)$/;
const PREPOSITION = /^(in|on|at|for|of|after|before|with|from|by|during|under|over|to|into|since|until|despite|among|besides|beyond)$/;

/** The first noun phrase of a sentence, past openers like "But" or "On Tuesday,". */
function sentenceSubject(tokens: readonly Token[]): Token[] {
  let i = 0;
  // (past openers, not past a pronoun subject: "Therefore it proposed ..." has "it" for its subject)
  // ("Therefore it proposed ...": a sentence adverb is no name either)
  const opener = (t: Token): boolean =>
    (NON_NAME_CAPS.has(t.lower) || SENTENCE_ADVERB.test(t.lower)) && !DETERMINERS.has(t.lower) && !PRONOUN.test(t.lower);
  while (i < tokens.length && opener(tokens[i]!)) i++;
  if (tokens[i] && PRONOUN.test(tokens[i]!.lower)) return [tokens[i]!];
  const out: Token[] = [];
  for (let k = i; k < tokens.length && out.length < 7; k++) {
    const t = tokens[k]!;
    if (!t.isWord || (NP_STOPS.has(t.lower) && t.lower !== 'of')) break;
    // the phrase ends at its verb ("Analysts predicted the debt ...", "SHV already holds ...", "Korean Airlines currently
    // operates ...", "Market sources expect ..."): a verb form, an adverb after the head, or a verb after a name or a plural
    const prev = out[out.length - 1];
    if (prev && !t.isCap && isVerbAfter(prev, t)) break;
    out.push(t);
  }
  return out;
}

const PRESENT_VERBS =
  /^(expect|expects|say|believe|believes|see|sees|think|thinks|predict|predicts|estimate|estimates|forecast|forecasts|warn|warns|note|notes|report|reports|agree|agrees|hope|hopes|fear|fears|plan|plans|want|wants|hold|holds|operate|operates|own|owns|has|have|made|makes|make)$/;

/**
 * Whether lower-case `t` after `prev` in a sentence-opening phrase is the phrase's verb, or an adverb before it. Not right
 * after a determiner or a possessive ("the report", "An unspecified number", "Australia's seasonally-adjusted rate").
 */
function isVerbAfter(prev: Token, t: Token): boolean {
  const w = t.lower;
  if (DETERMINERS.has(prev.lower) || /['’]s$/.test(prev.text) || w.includes('-') || /ly$/.test(prev.lower)) return false;
  // ("London stock market analysts specializing in ...": a participle after a plural head starts what modifies it)
  if (/ing$/.test(w) && /[^s]s$/.test(prev.lower)) return true;
  if (AUX_WORDS.has(w) || PAST_VERBS.has(w) || /[^e]ed$/.test(w)) return true;
  if (/^(already|also|currently|recently|now|still|later|earlier|yesterday|today)$/.test(w) || /\p{L}{3,}ly$/u.test(w)) return true;
  // ("Market sources expect", "SHV holds": a present form that could be a noun is the verb only after a name or a plural)
  return (SPEECH_VERBS.has(w) || PRESENT_VERBS.test(w)) && (prev.isCap || /[^s]s$/.test(prev.lower));
}

/**
 * "John Smith, a farmer in Iowa, who said ...": when the words before a relative's comma are an appositive (opened by
 * a determiner after a comma), the relative goes with the name it describes, not with the last noun in it ("Iowa").
 */
function appositiveHolder(tokens: readonly Token[], k: number): Token[] {
  let c = k;
  while (c >= 0 && tokens[c]!.isWord) c--;
  if (c < 1 || tokens[c]!.text !== ',' || !/^(a|an|the)$/.test(tokens[c + 1]?.lower ?? '')) return [];
  // (an appositive has no verb: "Earlier, the SEC settled charges against X and Y Inc, which ..." is a clause)
  const verb = (t: Token): boolean =>
    !t.isCap && (/^(is|was|are|were|has|have|had|will|would)$/.test(t.lower) || /[^e]ed$|ing$/.test(t.lower) || PAST_VERBS.has(t.lower));
  if (tokens.slice(c + 1, k + 1).some(verb)) return [];
  const name = leftPhrase(tokens, c - 1);
  return name.length > 0 && name.every((t) => t.isCap) && !NON_NAME_CAPS.has(name[0]!.lower) ? name : [];
}

function leftPhrase(tokens: readonly Token[], k: number): Token[] {
  const out: Token[] = [];
  for (let j = k; j >= 0 && out.length < 6; j--) {
    const t = tokens[j]!;
    // ("Brazil's 40,000 seafarers who": a figure's thousands comma is inside the figure)
    if (
      t.text === ',' &&
      out.length > 0 &&
      /^\d{3}\b/.test(out[0]!.text) &&
      t.end === out[0]!.start &&
      /^\d{1,3}$/.test(tokens[j - 1]?.text ?? '')
    ) {
      out.unshift(t);
      continue;
    }
    if (!t.isWord || (NP_STOPS.has(t.lower) && t.lower !== 'of')) break;
    // ("The mayor met McConnell, who": the verb before the object ends the phrase)
    if (!t.isCap && (/[^e]ed$/.test(t.lower) || PAST_VERBS.has(t.lower))) break;
    out.unshift(t);
    if (DETERMINERS.has(t.lower)) break;
  }
  return out;
}

function subjectFrom(tokens: readonly Token[], body: string): string | null {
  if (tokens.length === 0) return null;
  const text = body.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).replace(/\s+/g, ' ');
  return text.replace(/^The\b/, 'the');
}
