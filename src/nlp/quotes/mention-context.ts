/**
 * What the text around a speaker mention says about it: whether its cue follows right after it, whether a
 * preposition stands before it (a place or an object, not someone), a name set off by commas after a describing
 * phrase ("One of their leaders, Orlando dos Santos, told Reuters"), and the nationality adjective the story
 * uses most. Small text tests the resolver asks, apart from its main pass.
 */
import type { Span } from '../types.js';
import { DETERMINERS, NON_NAME_CAPS } from './lexicon.js';

/** Whether the speaker mention ending at `end` is followed by its cue ("Colombia denied"), not by more of a phrase ("Hog prices are"). */
export function subjectOfVerb(body: string, end: number, verb: string | null): boolean {
  const first = verb?.split(/\s+/)[0];
  const next = /^(?:['’]s)?\s+(?:\p{Ll}+ly\s+)?([\p{L}'’-]+)/u.exec(body.slice(end, end + 60));
  return !!first && next?.[1] === first;
}

/** "in New York", "with Baker on Monday", "from London": a place or an object, not someone who could be "he". */
export function afterPreposition(body: string, at: number): boolean {
  if (!prepositionBefore(body, at)) return false;
  // ("has been called for by Thomas Wegscheider", "was signed by Reagan": the agent of a passive is who acts, the
  // sentence's logical subject, and so someone a later "he" may stand for)
  return !/\b(\p{Ll}+(?:ed|en)|made|led|said|told|held|set|put|called for|asked for)\s+by\s+$/u.test(body.slice(Math.max(0, at - 30), at));
}

const PREPOSITIONS: ReadonlySet<string> = new Set(
  'in at from to with near for on by into of against about between across outside inside toward towards'.split(' '),
);

/**
 * `/\b(in|at|…|towards)\s+$/i.test(body.slice(Math.max(0, at - 12), at))` without a regex that tries every offset (it
 * runs for every name of a story with quotes): white space ends the window, and the run of word characters before it
 * (within the window) is a preposition.
 */
function prepositionBefore(body: string, at: number): boolean {
  const from = Math.max(0, at - 12);
  let end = at;
  while (end > from && /\s/.test(body.charAt(end - 1))) end--;
  if (end === at) return false;
  let start = end;
  while (start > from && /\w/.test(body.charAt(start - 1))) start--;
  return PREPOSITIONS.has(body.slice(start, end).toLowerCase());
}

const DEMONYM = /\b(\p{Lu}\p{Ll}+(?:ian|an|ese|ish|i))\s+\p{Ll}/gu;
const NOT_DEMONYMS = new Set(['Republican', 'Democratic', 'Christian', 'Muslim', 'Catholic', 'Sunni', 'Shiite', 'Shia']);

/**
 * ", Name," or ", Name." right after a phrase: up to six words, each capitalised or a particle inside a name
 * ("Orlando dos Santos", "Ursula von der Leyen"), then the comma or full stop that closes it.
 */
const SET_OFF_NAME =
  /^,\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|al|el|bin|de|dos|da|das|do|van|von|du|der|del|la|le)){0,5})\s*([,.])/u;

/**
 * The name set off by commas right after a phrase that describes someone, when it is the speaker's: before the
 * attribution's verb ("One of their leaders, Orlando dos Santos, told Reuters") or ending the sentence after it
 * ("..., said India's delegate, S. Venkitaramanan."). Only after a phrase with a lower-case word (a description, not
 * a name: "Bank of England, Threadneedle Street, said" is left alone), and never a determiner's phrase or a pronoun.
 */
export function setOffName(body: string, named: Span, text: string, verb: string | null): Span | null {
  if (!verb || !/(^|\s)\p{Ll}/u.test(text.replace(/\b(of|the|and|for|in|at)\b/g, ''))) return null;
  const m = SET_OFF_NAME.exec(body.slice(named.end, named.end + 120));
  if (!m) return null;
  const first = m[1]!.split(/\s+/)[0]!.toLowerCase();
  if (DETERMINERS.has(first) || NON_NAME_CAPS.has(first)) return null;
  // (a party and state, "William Proxmire, D-Wis, said", or a legal form, "Petroleos de Venezuela, S.A., said", is no name)
  if (/^[DRI]-\p{Lu}/u.test(m[1]!) || /^(S\.?A|N\.?V|A\.?G|Inc|Ltd|Plc|SpA|Co|Corp)\.?$/i.test(m[1]!)) return null;
  const start = named.end + m.index + m[0].indexOf(m[1]!);
  const end = start + m[1]!.length;
  const cue = verb.toLowerCase().split(/\s+/);
  if (m[2] === ',') {
    // the verb comes next (after an adverb at most): the phrase and its name are the subject
    const next = /^,\s+(?:\p{Ll}+ly\s+)?(\p{Ll}+)/u.exec(body.slice(end, end + 40))?.[1];
    return next === cue[0] ? { start, end } : null;
  }
  // the sentence ends on the name: the phrase follows its verb
  const before = body
    .slice(Math.max(0, named.start - 40), named.start)
    .trimEnd()
    .toLowerCase();
  return before.endsWith(cue[cue.length - 1]!) ? { start, end } : null;
}

/** The nationality adjective the story uses most ("Syrian army", "Syrian forces"), if one clearly dominates. */
export function dominantDemonym(body: string): string | null {
  const counts = new Map<string, number>();
  for (const m of body.matchAll(DEMONYM)) {
    const w = m[1]!;
    if (NOT_DEMONYMS.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top || top[1] < 2 || (ranked[1] && ranked[1][1] >= top[1])) return null;
  return top[0];
}
