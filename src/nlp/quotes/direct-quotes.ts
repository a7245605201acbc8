/**
 * Direct quotations: every pair of quotation marks, each quotation's attribution after the closing mark ('"...,"
 * X said'), before the opening one ('X said: "..."', 'According to X, "..."') or by a colon, quotations that go
 * on from the one before with no attribution of their own, and the per-token flags (inside quotation marks,
 * inside a direct quote) that reported speech and the cue model's training read. Separate from reported speech,
 * which this only feeds.
 */
import type { Sentence, Span } from '../types.js';
import { anonymityRequest } from './attribution-tails.js';
import { FRAGMENT_JOINER } from './fragments.js';
import { DETERMINERS, NON_NAME_CAPS, SPEECH_VERBS } from './lexicon.js';
import { extendToSentenceEnd, phraseAfter, phraseBefore, phraseSpan, skipAuxLeft, type SourcePhrase } from './noun-phrases.js';
import { findQuotedSpans, paragraphSpans, type QuotedSpan } from './quoted-spans.js';
import type { RawQuote } from './resolve-speakers.js';
import { sentenceSpeaker } from './sentence-subject.js';
import { findIndex, paragraphIndex, trimSpan } from './token-spans.js';
import { tokenize, type Token } from './tokens.js';
import { FINITE, OBJECT_TAKING } from './word-classes.js';

/** The direct quotes, every quotation-mark pair, and the offsets of the cue words their attributions used. */
export function findDirectQuotes(
  body: string,
  sentences: readonly Sentence[],
  paragraphs: readonly [number, number][] = paragraphSpans(body),
): { quoted: QuotedSpan[]; used: Set<number>; direct: RawQuote[] } {
  const quoted = findQuotedSpans(body, sentences, paragraphs);
  const used = new Set<number>(); // token offsets already used as a direct quote's attribution
  const direct = extractDirect(body, paragraphs, sentences, quoted, used);
  return { quoted, used, direct };
}

/** Per-token flags the cue model and the span rules need: inside any quotation marks, inside a direct quote. */
export function tokenFlags(
  tokens: readonly Token[],
  quoted: readonly QuotedSpan[],
  direct: readonly Span[],
): { inQuote: boolean[]; inDirect: boolean[] } {
  // most wire stories quote nobody: skip the per-token scans
  if (quoted.length === 0 && direct.length === 0) {
    const none = new Array<boolean>(tokens.length).fill(false);
    return { inQuote: none, inDirect: none };
  }
  // (each span marks the tokens it holds, found by their starts: not every span tested for every token)
  const inQuote = new Array<boolean>(tokens.length).fill(false);
  const inDirect = new Array<boolean>(tokens.length).fill(false);
  for (const q of quoted)
    for (let i = firstTokenFrom(tokens, q.open + 1); i < tokens.length && tokens[i]!.start < q.close; i++) inQuote[i] = true;
  for (const d of direct)
    for (let i = firstTokenFrom(tokens, d.start); i < tokens.length && tokens[i]!.start < d.end; i++) inDirect[i] = true;
  return { inQuote, inDirect };
}

/** Index of the first token starting at or after `offset` (tokens are in text order), or `tokens.length`. */
function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface DirectDraft extends RawQuote {
  attributed: boolean;
  /** Where its attribution stood: after the closing mark, before the opening one, or nowhere. */
  side: 'after' | 'before' | 'none';
  /** Offsets of the quotation marks. */
  open: number;
  close: number;
  /** End of the attribution after the closing mark (for merging `"A," he said. "B."`). */
  attributionEnd: number;
  paragraph: number;
}

function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | null {
  for (const s of sentences) if (offset >= s.start && offset < s.end) return s;
  return null;
}

function extractDirect(
  body: string,
  paragraphs: readonly [number, number][],
  sentences: readonly Sentence[],
  quoted: readonly QuotedSpan[],
  used: Set<number>,
): DirectDraft[] {
  const drafts: DirectDraft[] = [];
  const directSpans = quoted.filter((q) => q.direct);
  for (let qi = 0; qi < directSpans.length; qi++) {
    const q = directSpans[qi]!;
    const nextOpen = directSpans[qi + 1]?.open ?? body.length;
    const [start, end] = trimSpan(body, q.open + 1, q.close);
    if (end <= start) continue;
    // a quotation running over paragraphs is attributed where it closes
    const p = paragraphIndex(paragraphs, Math.max(q.open, q.close - 1));
    const draft: DirectDraft = {
      start,
      end,
      text: body.slice(start, end),
      kind: 'direct',
      mention: null,
      name: null,
      description: null,
      verb: null,
      attributed: false,
      side: 'none',
      open: q.open,
      close: q.close,
      attributionEnd: q.close + 1,
      paragraph: p,
    };
    if (attributeAfter(body, q, Math.min(nextOpen, paragraphs[p]?.[1] ?? body.length, q.close + 220), draft, used)) draft.side = 'after';
    else if (attributeBefore(body, sentences, q, draft, used)) draft.side = 'before';
    drafts.push(draft);
  }
  return mergeContinuations(body, drafts);
}

function countSpeechVerbs(s: string): number {
  return (s.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => SPEECH_VERBS.has(w)).length;
}

function setSource(body: string, tokens: readonly Token[], src: SourcePhrase, draft: RawQuote): void {
  draft.mention = phraseSpan(tokens, src);
  draft.name = phraseSpan(tokens, src, true);
  draft.description = src.description;
}

/** `"...," X said` or `"...," said X`: the attribution right after the closing mark. */
function attributeAfter(body: string, q: QuotedSpan, limit: number, draft: DirectDraft, used: Set<number>): boolean {
  const tokens = tokenize(body, q.close + 1, Math.max(q.close + 1, limit));
  let first = 0;
  // `"..." ― Martha Aguilar`: a dash and a name on the same line sign the quote
  if (/^[―—–]$/.test(tokens[0]?.text ?? '') && tokens[1]?.isCap) {
    const src = phraseAfter(tokens, 1, tokens.length, body);
    if (src && !/\n/.test(body.slice(tokens[0]!.start, tokens[src.to - 1]!.end))) {
      draft.verb = tokens[0]!.text;
      draft.attributed = true;
      setSource(body, tokens, src, draft);
      draft.attributionEnd = tokens[src.end - 1]!.end;
      return true;
    }
  }
  while (first < tokens.length && /^[,—–-]$/.test(tokens[first]!.text)) first++;
  // `Baker said "Brazil is not defaulting on its debt," and pointed out ...`: a verb joined on with "and" has the
  // sentence's subject, who spoke before the quotation; it signs nothing after it
  if (/^(and|but)$/.test(tokens[first]?.lower ?? '') && SPEECH_VERBS.has(tokens[first + 1]?.lower ?? '')) return false;
  // a quotation that closed its sentence (`... before."`) and is followed by a new line or by a
  // reporting clause of its own (`Greene added that ...`) is not signed by what follows
  const closedSentence = /[.!?]['’]?\s*$/.test(body.slice(q.open + 1, q.close));
  const closedByPeriod = /\.['’]?\s*$/.test(body.slice(q.open + 1, q.close));
  if (closedSentence && /^[ \t]*\n/.test(body.slice(q.close + 1)) && tokens[first]?.isCap) return false;
  let depth = 0;
  // (the words of a source's wish to stay unnamed, which no more than an appositive keep the verb from the speaker)
  let unnamed = 0;
  // (the comma closing that wish, and the one opening it, after the speaker)
  let wishEnd = -1;
  let wishStart = -1;
  for (let k = first; k < Math.min(tokens.length, first + 36); k++) {
    const t = tokens[k]!;
    // `"...," the official, who asked not to be named, told Reuters.`: the wish is no verb of the quotation's
    if (anonymityRequest(tokens, k) && tokens[k - 1]?.lower === 'who' && tokens[k - 2]?.text === ',') {
      const comma = findIndex(tokens, k + 1, (x) => !x.isWord, k + 8);
      if (comma > 0 && tokens[comma]!.text === ',') {
        unnamed += comma - k + 2;
        wishStart = k - 2;
        wishEnd = comma;
        k = comma;
        continue;
      }
    }
    // a parenthesis such as "(R-Fla.)" is part of the name, its period ends nothing
    if (t.text === '(') depth++;
    if (t.text === ')') depth = Math.max(0, depth - 1);
    if (depth > 0 || t.text === ')') continue;
    // nor does the period of "R-Ky.," or "IG Ltd.,"
    if (t.text === '.' && tokens[k + 1]?.text === ',') continue;
    if (/^[.!?"“”;]$/.test(t.text)) return false;
    if (!SPEECH_VERBS.has(t.lower) && !(t.lower === 'according' && tokens[k + 1]?.lower === 'to')) continue;
    // past a dozen words only the end of an appositive reaches the verb: `"...," Jane Doe, a senior adviser with ..., said`
    if (k >= first + 12 + unnamed && !(tokens[first]!.isCap && tokens[skipAuxLeft(tokens, k, first)]?.text === ',')) return false;
    const according = t.lower === 'according';
    // `He said they were "safe now," adding that ...`: a participle right after the closing mark has no subject after
    // it to sign the quotation; it opens a second attribution of the speaker, whose first one precedes the quotation
    if (k === first && !according && /ing$/.test(t.lower)) return false;
    if (closedSentence && !according && tokens[k + 1]?.lower === 'that') return false;
    // `"... Atlantic." It was a dispute ..., he added.`: after a full stop, a new sentence has its own attribution
    if (closedByPeriod && k > first + 3 && tokens[first]!.isCap) return false;
    // (`"... alone." Asked whether ..., Sumita said ...`: a capitalised verb right after it opens the next sentence)
    if (closedByPeriod && k === first && t.isCap && !according) return false;
    let src: SourcePhrase | null;
    if (k === first || according) {
      src = phraseAfter(tokens, according ? k + 2 : k + 1, tokens.length, body);
      if (src) src = extendToSentenceEnd(tokens, src, tokens.length, body);
    } else src = phraseBefore(tokens, wishEnd === k - 1 ? wishStart : k, first, body);
    draft.verb = according ? 'according to' : t.text;
    draft.attributed = true;
    used.add(t.start);
    if (src) setSource(body, tokens, src, draft);
    const last = src ? Math.max(src.end - 1, k) : k;
    draft.attributionEnd = tokens[last]!.end;
    return true;
  }
  return false;
}

/** `X said: "..."` / `He told reporters, "..."` / `According to X, "..."`: the attribution before the opening mark. */
function attributeBefore(body: string, sentences: readonly Sentence[], q: QuotedSpan, draft: DirectDraft, used: Set<number>): boolean {
  const s = sentenceAt(sentences, q.open);
  let from = s ? s.start : Math.max(0, q.open - 200);
  // `He said:` ending the paragraph before introduces a quotation that opens the next one
  if (from >= q.open) {
    const before = body.slice(Math.max(0, q.open - 300), q.open);
    if (!/:\s*$/.test(before)) return false;
    const prev = sentenceAt(sentences, before.trimEnd().length - 1 + Math.max(0, q.open - 300));
    if (!prev) return false;
    from = prev.start;
  }
  const tokens = tokenize(body, from, q.open);
  if (tokens.length === 0) return false;
  if (tokens[tokens.length - 1]!.text === ':' && !tokens.slice(-4).some((t) => SPEECH_VERBS.has(t.lower)))
    return attributeColon(body, tokens, draft);
  for (let k = tokens.length - 1; k >= Math.max(0, tokens.length - 12); k--) {
    const t = tokens[k]!;
    if (/^["“”]$/.test(t.text)) return false;
    const according = t.lower === 'according' && tokens[k + 1]?.lower === 'to';
    if (!SPEECH_VERBS.has(t.lower) && !according) continue;
    // "Blige sings to Clinton before asking her, ...", "incurred boos upon saying, ...": a participle after a
    // comma or a preposition has no subject of its own; "telling reporters, ...": who is told is not who speaks
    // (`Trump told Newsmax that Romney "had a crazy policy," adding, "..."`: the comma may close the quotation before)
    const commaQuote = /^["”]$/.test(tokens[k - 1]?.text ?? '') && tokens[k - 2]?.text === ',';
    const participle =
      /ing$/.test(t.lower) && (commaQuote || /^(,|upon|before|after|while|by|when|without|on|in)$/.test(tokens[k - 1]?.lower ?? ''));
    const hearerAfter = OBJECT_TAKING.test(t.lower) || /^(asking|urging|warning|reminding|assuring)$/.test(t.lower);
    let src = according
      ? phraseAfter(tokens, k + 2, tokens.length, body, false)
      : ((participle && (tokens[k - 1]!.text !== ',' || commaQuote) ? null : phraseBefore(tokens, k, 0, body)) ??
        // (a participle has no speaker after it: in `Trump said, adding later, "..."` the adverb is no name)
        (hearerAfter || participle ? null : phraseAfter(tokens, k + 1, tokens.length, body)));
    // `"A," Warren said to Obama, adding, "B."`: a participle after a comma speaks with its clause's speaker
    if (!src && participle) src = earlierSpeaker(body, tokens, k - 1);
    draft.verb = according ? 'according to' : t.text;
    draft.attributed = true;
    used.add(t.start);
    if (src) setSource(body, tokens, src, draft);
    else if (
      !according &&
      (participle || /^(and|but|to)$/.test(tokens[skipAuxLeft(tokens, k, 0)]?.lower ?? '') || tokens[k - 1]?.text === ',')
    ) {
      // `Ms. Sherry smiled and said, "..."`, `He praised those who left but said, "..."`, `He went on to say, "..."`:
      // the clause's subject speaks; so it does after an appositive or a relative clause the phrase reader could not
      // take whole (`Paul Wright, Fairchild president and chief operating officer, said, "..."`, `The spokesman, who
      // asked not to be identified, said: "..."`), unless a name set off by commas right before the verb is the
      // subject's appositive (`Taiwan's ambassador in Montevideo, Henry Wang, told reporters, "..."`)
      const named = nameSetOffBefore(tokens, k);
      if (named) {
        setSource(body, tokens, named, draft);
        return true;
      }
      const subject = sentenceSpeaker(body, tokens, [], { start: tokens[0]!.start, end: q.open, index: -1, text: '' });
      if (subject) {
        draft.mention = subject.mention;
        draft.name = subject.name;
        draft.description = subject.description;
      }
    }
    return true;
  }
  return openingAttribution(body, tokens, draft, used);
}

/** `…, Henry Wang, told`: a name of two to five capitalised words between commas right before the verb at `k`. */
function nameSetOffBefore(tokens: readonly Token[], k: number): SourcePhrase | null {
  if (tokens[k - 1]?.text !== ',') return null;
  const end = k - 1;
  let from = end;
  const nameWord = (t: Token | undefined): boolean =>
    !!t && t.isWord && (t.isCap || /^(al|el|bin|de|van|von|da|du|der|del)(-\p{Lu}.*)?$/u.test(t.text));
  while (from - 1 >= 0 && nameWord(tokens[from - 1])) from--;
  const words = end - from;
  if (words < 2 || words > 5 || tokens[from - 1]?.text !== ',' || !tokens[from]!.isCap) return null;
  if (tokens.slice(from, end).some((t) => NON_NAME_CAPS.has(t.lower) || DETERMINERS.has(t.lower))) return null;
  return { from, to: end, end, description: null };
}

/**
 * `He said following the recent agreement for the sale of Harper and Row to News Corp, "there may be pieces ..."`:
 * a sentence that opens with its subject and speech verb and runs, through an adjunct with no verb of its own and
 * no quotation marks, to the comma before the quotation is that subject's attribution, however long the adjunct.
 */
function openingAttribution(body: string, tokens: readonly Token[], draft: DirectDraft, used: Set<number>): boolean {
  if (tokens[tokens.length - 1]?.text !== ',') return false;
  const k = tokens.findIndex((t, i) => i <= 4 && SPEECH_VERBS.has(t.lower));
  if (k <= 0 || /ing$/.test(tokens[k]!.lower) || OBJECT_TAKING.test(tokens[k]!.lower)) return false;
  const rest = tokens.slice(k + 1, -1);
  if (rest.some((t) => /^["“”:;]$/.test(t.text) || SPEECH_VERBS.has(t.lower) || FINITE.test(t.text) || t.lower === 'that')) return false;
  const src = phraseBefore(tokens, k, 0, body);
  if (!src || src.from !== 0) return false;
  draft.verb = tokens[k]!.text;
  draft.attributed = true;
  used.add(tokens[k]!.start);
  setSource(body, tokens, src, draft);
  return true;
}

/** The speaker of the last attribution outside quotation marks before token `k` (`Warren said to Obama,`). */
function earlierSpeaker(body: string, tokens: readonly Token[], k: number): SourcePhrase | null {
  let inside = false;
  const outside = tokens.map((t) => {
    if (/^["“”]$/.test(t.text)) {
      inside = t.text === '“' ? true : t.text === '”' ? false : !inside;
      return false;
    }
    return !inside;
  });
  for (let j = k - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (!outside[j] || !SPEECH_VERBS.has(t.lower) || /ing$/.test(t.lower)) continue;
    return phraseBefore(tokens, j, 0, body) ?? phraseAfter(tokens, j + 1, k, body);
  }
  return null;
}

/**
 * `Chris Cillizza, The Washington Post: "..."` / `... surprise Republican pollster Daron Shaw: "..."`:
 * a name right before the colon, or opening a short line that ends in one, signs the quotation.
 * Anything else before a colon (`a new campaign message: "..."`) does not.
 */
function attributeColon(body: string, tokens: readonly Token[], draft: DirectDraft): boolean {
  const colon = tokens.length - 1;
  const nameRun = (from: number, dir: 1 | -1, min = 2): [number, number] | null => {
    let k = from;
    while (k >= 0 && k < colon && tokens[k]!.isWord && tokens[k]!.isCap && !NON_NAME_CAPS.has(tokens[k]!.lower)) k += dir;
    const [a, b] = dir === 1 ? [from, k] : [k + 1, from + 1];
    return b - a >= min && b - a <= 4 ? [a, b] : null;
  };
  // a short line of its own: `Name, Outlet:`, `Jeremy Lott, author:`, `Windsor Mann, editor of The Quotable Hitchens:`
  const lineStart = body.lastIndexOf('\n', tokens[colon]!.start) + 1;
  const first = tokens.findIndex((t) => t.start >= lineStart);
  let run: [number, number] | null = null;
  let signature = false;
  if (first >= 0 && colon - first <= 8 && tokens.slice(first, colon).every((t) => t.isCap || !t.isWord)) {
    run = nameRun(first, 1);
    signature = run !== null;
  }
  if (!run && first >= 0 && colon - first <= 12) {
    // (a description in lower case, or a one-word name before its outlet, when no verb says it is a clause: not
    // "Trump, meanwhile, said:")
    const named = nameRun(first, 1, 1);
    const description = named && tokens[named[1]]?.text === ',' ? tokens.slice(named[1] + 1, colon) : [];
    if (
      named &&
      description.some((t) => t.isWord) &&
      description.every((t) => t.isWord || t.text === ',' || t.text === '&') &&
      !description.some((t) => SPEECH_VERBS.has(t.lower) || FINITE.test(t.lower) || /ing$/.test(t.lower))
    ) {
      run = named;
      signature = true;
    }
  }
  run ??= nameRun(colon - 1, -1);
  if (!run) return false;
  draft.attributed = true;
  draft.verb = null;
  draft.name = { start: tokens[run[0]]!.start, end: tokens[run[1] - 1]!.end };
  // the signature line `Chris Cillizza, The Washington Post:` is the source as written; the outlet describes the name
  const outlet = signature && tokens[run[1]]?.text === ',' && run[1] + 1 < colon;
  draft.mention = outlet ? { start: draft.name.start, end: tokens[colon - 1]!.end } : draft.name;
  if (outlet) draft.description = body.slice(tokens[run[1] + 1]!.start, tokens[colon - 1]!.end);
  return true;
}

/**
 * `"A," he said. "B."` is one attribution with two fragments: merge the unattributed second part into
 * the first. An unattributed quote elsewhere takes the speaker of the nearest attributed quote before
 * it in the same or previous paragraph (the wire's run-on quotation), else the one right after it.
 */
function mergeContinuations(body: string, drafts: DirectDraft[]): DirectDraft[] {
  const out: DirectDraft[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    const gap = prev ? body.slice(prev.close + 1, d.open) : '';
    // `"A," he said, suggesting questions, including, "B"`: words after the attribution that
    // introduce the next quotation make it a quotation of its own
    const tail = prev ? body.slice(prev.attributionEnd, d.open).trim() : '';
    // (`"A," he said, referring to X, "and B."` still continues the sentence: lower case)
    const introduced = /[\p{L}\p{N}]/u.test(tail) && /[,:]$/.test(tail) && /^\p{Lu}/u.test(d.text);
    if (
      prev &&
      prev.side === 'after' &&
      d.side !== 'after' &&
      // (an unattributed quotation may run on in the next paragraph; a quoted title in the attribution,
      // `told NBC's "Today"`, is no quotation; `said Mr. Ekovich, who noted ...` holds two verbs)
      (prev.paragraph === d.paragraph || (d.paragraph - prev.paragraph === 1 && !d.attributed)) &&
      !/["“”]/.test(gap.replace(/[“"][^"“”\n]{1,40}[”"]/g, '')) &&
      countSpeechVerbs(gap) <= (d.attributed ? 1 : 2) &&
      !introduced
    ) {
      prev.end = d.end;
      prev.close = d.close;
      prev.text = prev.text + FRAGMENT_JOINER + d.text;
      continue;
    }
    out.push(d);
  }
  for (let i = 0; i < out.length; i++) {
    const d = out[i]!;
    if (d.attributed) continue;
    const before = out
      .slice(0, i)
      .reverse()
      .find((x) => x.attributed && d.paragraph - x.paragraph <= 1);
    const after = out.slice(i + 1).find((x) => x.attributed && x.paragraph - d.paragraph <= 1);
    const from = before ?? after;
    if (from) {
      d.mention = from.mention;
      d.name = from.name;
      d.description = from.description;
      d.verb = from.verb;
      d.inheritedFrom = from;
    }
  }
  void body;
  // a quotation nobody is said to have said is more often a title or a slogan than a quote
  return out.filter((d) => d.attributed || d.inheritedFrom);
}
