import type { Quote, Sentence, Span } from '../types.js';
import { anonymityRequest } from './attribution-tails.js';
import type { CueModel } from './cue-model.js';
import { FRAGMENT_JOINER, quoteFragments } from './fragments.js';
import { DETERMINERS, NON_NAME_CAPS, SPEECH_VERBS } from './lexicon.js';
import modelJson from './model.json' with { type: 'json' };
import { extendToSentenceEnd, phraseAfter, phraseBefore, phraseSpan, skipAuxLeft, type SourcePhrase } from './noun-phrases.js';
import { findQuotedSpans, paragraphSpans, type QuotedSpan } from './quoted-spans.js';
import { extractReported } from './reported-speech.js';
import { resolveSpeakers, type RawQuote } from './resolve-speakers.js';
import { sentenceSpeaker } from './sentence-subject.js';
import { findIndex, MIN_REPORTED_WORDS, paragraphIndex, trimSpan } from './token-spans.js';
import { tokenize, type Token } from './tokens.js';
import { FINITE, OBJECT_TAKING } from './word-classes.js';

export { QUOTE_ANALYZER_VERSION } from './analyzer-version.js';

const MODEL = modelJson as CueModel;

/**
 * "The deal may stall, Schiff said. "The other factor is ..."": a quotation with no attribution of its own that opens
 * the sentence right after reported speech goes on with that report (the speaker moves from paraphrase to his own
 * words), so it is one attribution of two fragments. Returns the reports with such quotations joined on, and the
 * quotations joined.
 */
function joinRunOnQuotations(
  body: string,
  paragraphs: readonly [number, number][],
  sentences: readonly Sentence[],
  reported: readonly RawQuote[],
  direct: readonly RawQuote[],
  quoted: readonly QuotedSpan[],
): { reported: RawQuote[]; runOn: Set<RawQuote> } {
  const runOn = new Set<RawQuote>();
  const out = reported.map((r) => {
    if (!r.mention) return r;
    const si = sentences.findIndex((s) => s.start <= r.start && r.start < s.end);
    const own = sentences[si];
    const next = sentences[si + 1];
    // (the report's attribution is in its own sentence, and the report ends that sentence's content)
    // ("..., Schiff said." after its content: the writer hands over to the speaker's words)
    if (!own || !next || r.end > own.end || r.mention.start < r.end || r.mention.end > own.end) return r;
    // the quotation that opens the next sentence (a direct quote of its own only when nothing attributes it; one that
    // nothing attributes and nothing inherits was dropped as a title or slogan, but after a report it is the speaker's)
    const q = quoted.find((x) => x.direct && x.open >= next.start && x.open - next.start <= 1);
    if (!q) return r;
    const d = direct.find((x) => x.start > q.open && x.end <= q.close);
    if (d && (!d.inheritedFrom || runOn.has(d))) return r;
    // (within its paragraph: a new paragraph is a new turn)
    if (paragraphIndex(paragraphs, q.open) !== paragraphIndex(paragraphs, r.start)) return r;
    const [start, end] = trimSpan(body, q.open + 1, q.close);
    if (end <= start) return r;
    if (d) runOn.add(d);
    return { ...r, end, text: r.text + FRAGMENT_JOINER + body.slice(start, end) };
  });
  return { reported: out, runOn };
}

/**
 * Quotations and attributions in an article body (issue 5), with offsets into `body`.
 * `sentences` are `splitSentences(body)`: the ingester splits once and shares the result.
 * Direct quotes come from quotation marks; reported speech from cue words scored by a small learned
 * model; speakers are resolved to names where the text allows it, else "unknown".
 */
export function extractQuotes(original: string, sentences: readonly Sentence[], model: CueModel = MODEL): Quote[] {
  const body = normalizeCompanyMarks(normalizeQuoteMarks(original));
  // a story's paragraphs, found once: direct quotes, run-on quotations, unsigned ones and labels all look at them
  const paragraphs = paragraphSpans(body);
  const { quoted, used, direct } = findDirectQuotes(body, sentences, paragraphs);
  // each sentence is tokenized once, for the cue model and for the name finder
  const sentenceTokens = sentences.map((s) => tokenize(body, s.start, s.end));
  const found = extractReported(body, sentences, sentenceTokens, quoted, used, direct, model);
  const { reported, runOn } = joinRunOnQuotations(body, paragraphs, sentences, found, direct, quoted);
  const unjoined = direct.filter((d) => !runOn.has(d)).map((d) => lastSpeakerBefore(paragraphs, d, reported));
  const labelled = labelledStatements(body, paragraphs, [...unjoined, ...reported]);
  const raw = [...unjoined, ...reported, ...labelled].sort((a, b) => a.start - b.start || a.end - b.end);
  const quotes = resolveSpeakers(
    body,
    sentences,
    raw,
    sentenceTokens,
    quoted.map((q) => [q.open, q.close] as const),
  );
  if (body === original) return quotes;
  // texts as the story wrote them (offsets are the same: the normalisation keeps lengths)
  return quotes.map((q) => {
    const fragments = quoteFragments(body, q);
    // (content or a mention closing on a doubled apostrophe holds both: `it was ''not in line with our policy.''`)
    const last = fragments[fragments.length - 1]!;
    if (endsInsideDoubledApostrophe(original, last[1])) last[1]++;
    // (content opening on a company's bracketed name keeps its opening bracket: `<Qantas Airways Ltd> has placed`, not
    // `Qantas Airways Ltd> has placed`)
    const first = fragments[0]!;
    const close = original.indexOf('>', first[0]);
    if (original[first[0] - 1] === '<' && close >= 0 && close < first[1] && !original.slice(first[0], close).includes('<')) first[0]--;
    const m = q.speakerMention;
    const mention = m && endsInsideDoubledApostrophe(original, m.end) ? { ...m, end: m.end + 1 } : m;
    return {
      ...q,
      speakerMention: mention,
      start: Math.min(q.start, first[0]),
      end: Math.max(q.end, last[1]),
      text: fragments.map(([a, b]) => original.slice(a, b)).join(FRAGMENT_JOINER),
    };
  });
}

/** Whether a span ending at `end` holds the first of a doubled apostrophe (the NYT's closing mark) but not the second. */
function endsInsideDoubledApostrophe(text: string, end: number): boolean {
  return text.startsWith("''", end - 1) && text.charAt(end + 1) !== "'";
}

/**
 * NYT copy writes quotation marks as two apostrophes (`''We will win,'' he said.`). They become
 * curly marks of the same length (`␠“` and `”␠`), so every offset still points into the original.
 */
export function normalizeQuoteMarks(body: string): string {
  if (!body.includes("''")) return body;
  return body.replace(/''(?!')/g, (m: string, at: number) => {
    const before = at === 0 ? '' : body.charAt(at - 1);
    return before === '' || /[\s([{—–-]/.test(before) ? ' “' : '” ';
  });
}

/**
 * Reuters marks a company name with angle brackets (`<Westmin Resources Ltd> said it plans ...`, `Sweden's <OK Petroleum
 * AB>`) and its ticker likewise (`Penzoil Co <PZL>`); a private company opening a paragraph sometimes in parentheses
 * (`(Credithrift Financial Corp) said ...`). The marks are typography, not words: a name in them is the subject of its
 * verb like any other, so they become spaces; a ticker (capitals, digits and dots only, no space) keeps them, so that
 * it does not run on into the names around it ("Moseley Holdings Corp MOSE"). Lengths are kept, so every offset still
 * points into the original.
 */
export function normalizeCompanyMarks(body: string): string {
  if (!body.includes('<') && !body.includes('(')) return body;
  return (
    body
      // (a ticker keeps its brackets: they end the name before it, "Apple Computer Inc <AAPL.O> Apple IIGS")
      .replace(/<(\p{Lu}[^<>]{0,80})>/gu, (m: string, name: string) => (/^[A-Z0-9.&'-]+$/.test(name) ? m : ` ${name} `))
      .replace(/(^|\n)(\s*)\((\p{Lu}[^()]{0,80})\)(?=,?\s+\p{Ll})/gu, (m: string, nl: string, space: string, name: string, at: number) =>
        // (only where a paragraph or sentence starts: "Robert Dole\n(R-Kan.) said" is a wrapped line, not a company)
        at === 0 || /(^|[.!?:"”])\s*$/.test(body.slice(Math.max(0, at - 40), at)) ? `${nl}${space} ${name} ` : m,
      )
  );
}

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

/**
 * A quotation nobody signs takes the speaker of the quotation before it (mergeContinuations); but when someone else
 * was reported speaking in between, in the same paragraph or the one before, that is who goes on:
 * `Valerio said the next formal talks would be Monday. "It will be the last one ..."` is Valerio's, not the
 * spokesman's whose quotation came a paragraph earlier.
 */
function lastSpeakerBefore(paragraphs: readonly [number, number][], d: RawQuote, reported: readonly RawQuote[]): RawQuote {
  const from = d.inheritedFrom;
  if (!from || from.start > d.start) return d;
  const at = paragraphIndex(paragraphs, d.start);
  const between = reported.filter(
    (r) => r.mention && r.start > from.end && r.end <= d.start && at - paragraphIndex(paragraphs, r.start) <= 1 && r.mention.end <= d.start,
  );
  const last = between[between.length - 1];
  if (!last) return d;
  return { ...d, mention: last.mention, name: last.name ?? null, description: last.description, verb: last.verb, inheritedFrom: last };
}

/**
 * Two conventions put the speaker before a colon with no verb: the headline that opens a story
 * (`Kasich: 'We Are Going To Go All The Way To Cleveland.'`, `Poll: Clinton and Trump in dead heat`)
 * and a transcript's speaker labels (`PENCE: Well, look, ...`). The headline is the first line and
 * its label a short capitalised name; a transcript label is a name in capitals opening a paragraph.
 */
function labelledStatements(body: string, paragraphs: readonly [number, number][], found: readonly RawQuote[]): RawQuote[] {
  const out: RawQuote[] = [];
  paragraphs.forEach(([ps, pe], i) => {
    const text = body.slice(ps, pe);
    const headline = i === 0 && !text.includes('\n');
    const label = (headline ? HEADLINE_LABEL.exec(text) : null) ?? TRANSCRIPT_LABEL.exec(text);
    const framed = !label && headline ? framedHeadlineLabel(text) : null;
    if (!label && !framed) return;
    if (label && NON_NAME_CAPS.has(label[2]!.split(' ')[0]!.toLowerCase())) return;
    // ("EDITOR'S NOTE:", "CLARIFICATION:", "HUFFPOST READERS:": the paper's own labels above its notes, no one speaking)
    if (label && !headline && label[2]!.split(' ').some((w) => EDITORIAL_LABEL.test(w))) return;
    const nameStart = ps + (label ? label[1]!.length : framed!.name[0]);
    const nameEnd = label ? nameStart + label[2]!.length : ps + framed!.name[1];
    // ("PENCE: Well, look, ..." opening a paragraph with a quotation mark, as a transcript quoted whole opens each of its
    // paragraphs: the turn goes on through the paragraphs after it that open with the mark and no label of their own)
    let turnEnd = pe;
    if (label && !headline && label[1])
      for (let j = i + 1; j < paragraphs.length; j++) {
        const next = body.slice(paragraphs[j]![0], paragraphs[j]![1]);
        if (!next.startsWith(label[1]) || TRANSCRIPT_LABEL.test(next) || /^.\s*[([]/u.test(next)) break;
        turnEnd = paragraphs[j]![1];
      }
    const [start, end] = trimSpan(body, ps + (label ? label[0].length : framed!.labelEnd), turnEnd);
    // (the closing period and quotation mark of the statement are not its words)
    let e = end;
    while (e > start && /[\s."“”]/.test(body.charAt(e - 1))) e--;
    if (countWordsIn(body.slice(start, e)) < MIN_REPORTED_WORDS) return;
    // (a transcript's turn holds the reports its speaker makes, "After the Clinton camp announced that ...": they are
    // attributions inside it, as a quotation's are; a quotation or a headline's own attribution is the statement itself)
    if (found.some((q) => q.start < e && q.end > start && (headline || q.kind === 'direct'))) return;
    const mention = { start: nameStart, end: nameEnd };
    out.push({ start, end: e, text: body.slice(start, e), kind: 'reported', mention, name: mention, description: null, verb: ':' });
  });
  return out;
}

const HEADLINE_LABEL = /^(["“]?)(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}):\s+/u;

/**
 * A headline's label of a few more words, whose speaker is a name in it: "Black Democrats to Hillary Clinton: ..."
 * (who speaks to whom), "Obama on Climate Change: ..." and "Trump lament on missing supporters: ..." (the name that
 * opens it), "A lesson from Loretta Lynch: ..." (the name after "from"), "Internet phenomenon Ken Bone: ..." (a
 * description before the name is part of it). The name's offsets in `text` and where the statement starts, or null
 * (a comma, a possessive or a figure makes the label a phrase of the headline's own: "Trump's transfers in October:").
 */
function framedHeadlineLabel(text: string): { name: [number, number]; labelEnd: number } | null {
  const m = /^([^:,;.!?"“”$\d]{3,80}):\s+/u.exec(text);
  if (!m || /['’]s\b/u.test(m[1]!)) return null;
  const words = m[1]!.split(' ');
  if (words.length < 2 || words.length > 7 || words.some((w) => w === '')) return null;
  const cap = (w: string): boolean => /^\p{Lu}/u.test(w);
  const run = (from: number): number => {
    let k = from;
    while (k < words.length && cap(words[k]!)) k++;
    return k;
  };
  const span = (a: number, b: number): [number, number] => {
    const start = words.slice(0, a).join(' ').length + (a > 0 ? 1 : 0);
    return [start, start + words.slice(a, b).join(' ').length];
  };
  const result = (a: number, b: number): { name: [number, number]; labelEnd: number } | null =>
    b > a && b - a <= 4 && !NON_NAME_CAPS.has(words[a]!.toLowerCase()) ? { name: span(a, b), labelEnd: m[0].length } : null;
  // "A lesson from Loretta Lynch": the name after "from" or "by" that ends the label
  const from = words.findIndex((w) => w === 'from' || w === 'by');
  if (from > 0 && /^(A|An|The)$/.test(words[0]!) && run(from + 1) === words.length) return result(from + 1, words.length);
  const first = run(0);
  if (first === 0) return null;
  // "Internet phenomenon Ken Bone": lower-case nouns between an opening capitalised word and the closing name, the
  // whole is one description and name
  const name = words.findIndex((w, k) => k > first && cap(w));
  const nouns = words.slice(first, name);
  if (name > first && run(name) === words.length && words.length <= 5 && nouns.every((w) => !FUNCTION_WORD.test(w) && !/(s|ed)$/.test(w)))
    return { name: span(0, words.length), labelEnd: m[0].length };
  // ("Netanyahu and Obama: A tortured relationship": two names are what the headline is about)
  if (words[first] === 'and' || words[first] === '&') return null;
  // "Black Democrats to Hillary Clinton", "Obama on Climate Change", "Trump lament on missing supporters": the opening name
  return first < words.length ? result(0, first) : null;
}

const FUNCTION_WORD = /^(to|on|of|for|from|by|in|at|with|about|and|or|the|a|an|vs|versus|over|after|before)$/;
const EDITORIAL_LABEL =
  /^(NOTE|NOTES|CORRECTIONS?|CLARIFICATIONS?|UPDATES?|UPDATED|READERS|EDITOR['’]S|EDITORS['’]?|RELATED|ADVERTISEMENT|PHOTOS?|VIDEOS?|WATCH|READ|SEE|SOURCES?|DISCLOSURE|DISCLAIMER|CONTRIBUTING)$/u;
const TRANSCRIPT_LABEL = /^(["“]?)(\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,2}):\s+/u;

function countWordsIn(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}
