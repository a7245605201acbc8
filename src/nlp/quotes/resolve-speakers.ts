import type { Quote, QuoteKind, Sentence, Span } from '../types.js';
import { DETERMINERS, GENERIC_ORG_HEADS, NON_NAME_CAPS, NP_STOPS, ORG_WORDS } from './lexicon.js';
import { tokenize, type Token } from './tokens.js';

/** An attribution before its speaker is resolved to a name. */
export interface RawQuote extends Span {
  text: string;
  kind: QuoteKind;
  /** The speaker as written, with its appositive or parenthesis when it has one. */
  mention: Span | null;
  /** The part of `mention` that names the speaker ("Michael Mulgrew" of "Michael Mulgrew, president of …"). */
  name?: Span | null;
  description: string | null;
  verb: string | null;
  /** A run-on quotation takes the speaker of this earlier/later quote. */
  inheritedFrom?: RawQuote;
}

interface NameMention extends Span {
  text: string;
  person: boolean;
}

const TITLES = /^(mr|mrs|ms|dr|rep|sen|gov|gen|president|senator|secretary|minister|prime|sheikh|judge|justice|chairman|governor|mayor|speaker)\.?$/i;

/**
 * Resolve each quote's mention to a speaker name (issue 5): full names as written; a surname-only or
 * titled mention ("Abu Khawla", "Mr. Trump") to the earlier full name; he/she to the nearest earlier
 * person who spoke or was named; it/they to the subject of the sentence (or the one before); "the
 * government" to "the Syrian government" when one nationality dominates the story. When nothing fits,
 * "unknown": an honest answer beats a guess.
 */
export function resolveSpeakers(
  body: string,
  sentences: readonly Sentence[],
  raw: readonly RawQuote[],
  sentenceTokens: readonly (readonly Token[])[] = sentences.map((s) => tokenize(body, s.start, s.end)),
): Quote[] {
  const names = findNameMentions(body, sentenceTokens);
  const demonym = dominantDemonym(body);
  const resolved = new Map<RawQuote, { speaker: string; description: string | null; at: number; person: boolean }>();

  const resolveOne = (q: RawQuote): { speaker: string; description: string | null; person: boolean } => {
    const done = resolved.get(q);
    if (done) return done;
    if (!q.mention) {
      if (q.inheritedFrom && q.inheritedFrom !== q) {
        const from = resolveOne(q.inheritedFrom);
        return { ...from, description: q.description ?? from.description };
      }
      return { speaker: 'unknown', description: q.description, person: false };
    }
    const named = q.name ?? q.mention;
    const text = body.slice(named.start, named.end);
    const lower = text.toLowerCase();
    const at = named.start;
    let out: { speaker: string; description: string | null; person: boolean };
    if (/^(he|she|i|we|you)$/.test(lower)) {
      out = resolvePerson(at) ?? { speaker: 'unknown', description: null, person: true };
    } else if (/^(it|they|who|which)$/.test(lower)) {
      out = resolveThing(body, sentences, q.mention, lower, demonym) ?? { speaker: 'unknown', description: null, person: false };
    } else {
      out = resolveName(text, at);
    }
    if (q.description) out = { ...out, description: q.description };
    resolved.set(q, { ...out, at });
    return out;
  };

  /** Nearest earlier quote speaker that is a person, else the nearest earlier person name. */
  const resolvePerson = (at: number): { speaker: string; description: string | null; person: boolean } | null => {
    let best: { speaker: string; description: string | null; at: number; person: boolean } | null = null;
    for (const r of resolved.values()) if (r.person && r.speaker !== 'unknown' && r.at < at && (!best || r.at > best.at)) best = r;
    const name = [...names].reverse().find((n) => n.person && n.end <= at);
    if (name && (!best || name.start > best.at + 200)) return { ...resolveName(name.text, name.start), description: null };
    return best ? { speaker: best.speaker, description: best.description, person: true } : null;
  };

  const resolveName = (text: string, at: number): { speaker: string; description: string | null; person: boolean } => {
    const tokens = text.split(/\s+/);
    const isOrg = tokens.some((t) => ORG_WORDS.has(t.toLowerCase().replace(/[^a-z]/g, '')));
    const bare = tokens.filter((t) => !TITLES.test(t));
    const lowerFirst = tokens[0]?.toLowerCase() ?? '';
    // "the government" → "the Syrian government"
    if (DETERMINERS.has(lowerFirst) && tokens.length === 2 && GENERIC_ORG_HEADS.has(tokens[1]!.toLowerCase()) && demonym) {
      return { speaker: `the ${demonym} ${tokens[1]!.toLowerCase()}`, description: null, person: false };
    }
    const capitalised = bare.length > 0 && bare.every((t) => /^\p{Lu}/u.test(t));
    if (capitalised && !isOrg && bare.length <= 2) {
      // surname-only or titled: the latest earlier full name that ends with it
      const surname = bare.join(' ');
      const full = [...names].reverse().find((n) => n.start < at && n.person && n.text !== surname && n.text.endsWith(' ' + surname));
      if (full) return { speaker: stripTitles(full.text), description: null, person: true };
    }
    const person = capitalised && !isOrg && !DETERMINERS.has(lowerFirst);
    return { speaker: person ? stripTitles(text) : text, description: null, person };
  };

  return raw.map((q) => {
    const r = resolveOne(q);
    return {
      text: q.text,
      kind: q.kind,
      speaker: r.speaker,
      speakerMention: q.mention ? { start: q.mention.start, end: q.mention.end } : null,
      speakerDescription: r.description,
      verb: q.verb,
      start: q.start,
      end: q.end,
    };
  });
}

function stripTitles(text: string): string {
  const parts = text.split(/\s+/);
  while (parts.length > 1 && TITLES.test(parts[0]!)) parts.shift();
  return parts.join(' ');
}

/** "it"/"they": the subject of the mention's own sentence when the pronoun is not its subject, else of the sentence before. */
function resolveThing(body: string, sentences: readonly Sentence[], mention: Span, lower: string, demonym: string | null): { speaker: string; description: string | null; person: boolean } | null {
  const idx = sentences.findIndex((s) => mention.start >= s.start && mention.start < s.end);
  if (idx < 0) return null;
  const own = sentences[idx]!;
  if (lower === 'who' || lower === 'which') {
    const tokens = tokenize(body, own.start, mention.start);
    let k = tokens.length - 1;
    if (tokens[k]?.text === ',') k--;
    const np = subjectFrom(k >= 0 ? leftPhrase(tokens, k) : [], body);
    return np ? { speaker: np, description: null, person: lower === 'who' } : null;
  }
  const ownTokens = tokenize(body, own.start, mention.start);
  const candidates = ownTokens.some((t) => t.isWord) ? [own, sentences[idx - 1]] : [sentences[idx - 1]];
  for (const s of candidates) {
    if (!s) continue;
    const np = subjectFrom(sentenceSubject(tokenize(body, s.start, s.end)), body);
    if (np && !/^(he|she|it|they|i|we)$/i.test(np)) {
      const words = np.split(/\s+/);
      const head = words[words.length - 1]!.toLowerCase();
      if (demonym && words.length === 2 && DETERMINERS.has(words[0]!.toLowerCase()) && GENERIC_ORG_HEADS.has(head)) {
        return { speaker: `the ${demonym} ${head}`, description: null, person: false };
      }
      return { speaker: np, description: null, person: false };
    }
  }
  return null;
}

/** The first noun phrase of a sentence, past openers like "But" or "On Tuesday,". */
function sentenceSubject(tokens: readonly Token[]): Token[] {
  let i = 0;
  while (i < tokens.length && (NON_NAME_CAPS.has(tokens[i]!.lower) && !DETERMINERS.has(tokens[i]!.lower))) i++;
  const out: Token[] = [];
  for (let k = i; k < tokens.length && out.length < 7; k++) {
    const t = tokens[k]!;
    if (!t.isWord || (NP_STOPS.has(t.lower) && t.lower !== 'of')) break;
    out.push(t);
  }
  return out;
}

function leftPhrase(tokens: readonly Token[], k: number): Token[] {
  const out: Token[] = [];
  for (let j = k; j >= 0 && out.length < 6; j--) {
    const t = tokens[j]!;
    if (!t.isWord || (NP_STOPS.has(t.lower) && t.lower !== 'of')) break;
    out.unshift(t);
    if (DETERMINERS.has(t.lower)) break;
  }
  return out;
}

function subjectFrom(tokens: readonly Token[], body: string): string | null {
  if (tokens.length === 0) return null;
  const text = body.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
  return text.replace(/^The\b/, 'the');
}

/** Capitalised runs of two or more words (names), marked person unless an organisation word is in them. */
function findNameMentions(body: string, sentenceTokens: readonly (readonly Token[])[]): NameMention[] {
  const out: NameMention[] = [];
  for (const tokens of sentenceTokens) {
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (!t.isCap || !t.isWord || NON_NAME_CAPS.has(t.lower)) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < tokens.length && tokens[j + 1]!.isCap && tokens[j + 1]!.isWord) j++;
      const run = tokens.slice(i, j + 1).filter((x) => !TITLES.test(x.text));
      if (run.length >= 2) {
        const first = run[0]!;
        const last = run[run.length - 1]!;
        const text = body.slice(first.start, last.end);
        const person = !run.some((x) => ORG_WORDS.has(x.lower)) && !/['’]s$/.test(last.text) && run.length <= 4;
        out.push({ start: first.start, end: last.end, text, person });
      }
      i = j + 1;
    }
  }
  return out;
}

const DEMONYM = /\b(\p{Lu}\p{Ll}+(?:ian|an|ese|ish|i))\s+\p{Ll}/gu;
const NOT_DEMONYMS = new Set(['Republican', 'Democratic', 'Christian', 'Muslim', 'Catholic', 'Sunni', 'Shiite', 'Shia']);

/** The nationality adjective the story uses most ("Syrian army", "Syrian forces"), if one clearly dominates. */
function dominantDemonym(body: string): string | null {
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
