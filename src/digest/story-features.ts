import type { PlaceMention } from '../geo/types.js';
import { isWhiteSpace } from '../nlp/letters.js';
import type { ScoredSentence } from '../nlp/types.js';
import type { DigestFeatures, NewArticle } from '../store/article-store.js';
import { placeTermCount, storyTerms, termNames } from './grouping/story-terms.js';
import { headlineShapes } from './headline-templates.js';

/**
 * What a digest needs of a story, worked out once when the story is stored (`DigestFeatures`). A
 * digest reads every story of its window (~850 on a busy day); making each one's summary, lead
 * words and headline shapes from its body on every build cost ~50 ms and most of the build's
 * garbage, although none of it changes once the story is in.
 *
 * The features must be what a build would make from the stored story, so they are made from the
 * story as the store gives it back (`asStored`), not from the analysis as ingest has it.
 * Changing what this computes needs a migration that recomputes the stored rows (see migrations.ts).
 */

/** Characters of a summary sentence shown at most. */
export const SUMMARY_CHARS = 300;

/** Whitespace runs to one space, trimmed: how a stored sentence's text is made from the body. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max * 0.6 ? cut : max - 1).trimEnd()}…`;
}

/**
 * One sentence to stand for a story. Wire copy puts the news in its lead, and a lead reads on its own
 * where a later sentence ("Partly offsetting this outflow, …") does not; so the lead, unless it is a
 * fragment or a run-on, then the best-scored sentence (earliest on a tie). Sentences' text is made
 * only when looked at (`textOf`).
 */
export function pickSummary<S extends { score: number }>(sentences: readonly S[], textOf: (s: S) => string): string | null {
  const lead = sentences[0];
  if (lead) {
    const text = squeeze(textOf(lead));
    // (eight words or more: seven single spaces, the text being squeezed)
    if (text.length <= 350 && spaces(text) >= 7) return text;
  }
  let best: S | null = null;
  for (const s of sentences) if (!best || s.score > best.score) best = s;
  return best ? squeeze(textOf(best)) : null;
}

/** `text.split(' ').length - 1` without making the words. */
function spaces(text: string): number {
  let n = 0;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) n++;
  return n;
}

/** `text.split(/\s+/).filter(Boolean).length` without making the words. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Grouping's place keys: each mention's place (or name), then the countries mentioned. */
export function placeKeys(places: readonly Pick<PlaceMention, 'geonameId' | 'name' | 'countryCode'>[]): string[] {
  return places
    .map((p) => (p.geonameId !== null ? `g:${p.geonameId}` : `n:${p.name.toLowerCase()}`))
    .concat(places.flatMap((p) => (p.countryCode ? [`c:${p.countryCode}`] : [])));
}

/** Sentence scores as the store keeps them (six decimals): a tie the store makes must be a tie here. */
function storedScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/**
 * Mentions as the store gives them back: one per start offset (the first given; the store's key is
 * the story and the start), in text order.
 */
export function storedPlaceOrder<P extends Pick<PlaceMention, 'start'>>(places: readonly P[]): P[] {
  const byStart = new Map<number, P>();
  for (const p of places) if (!byStart.has(p.start)) byStart.set(p.start, p);
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}

/**
 * The digest features of a story: from its body, its sentences' spans and scores (`index` order) and
 * its place mentions, each taken as the store returns them.
 */
export function digestFeatures(
  article: Pick<NewArticle, 'headline' | 'body'>,
  sentences: readonly Pick<ScoredSentence, 'start' | 'end' | 'score'>[],
  places: readonly Pick<PlaceMention, 'start' | 'geonameId' | 'name' | 'countryCode'>[],
): DigestFeatures {
  const { body, headline } = article;
  const stored = sentences.map((s) => ({ start: s.start, end: s.end, score: storedScore(s.score) }));
  const textOf = (span: { start: number; end: number }): string => squeeze(body.slice(span.start, span.end));
  const sentence =
    pickSummary(stored, textOf) ??
    body
      .split(/\n\s*\n/)[0]
      ?.replace(/\s+/g, ' ')
      .trim() ??
    '';
  const lead = stored.slice(0, 2).map(textOf).join(' ') || body.slice(0, 400);
  const ordered = storedPlaceOrder(places);
  const terms = storyTerms(
    headline,
    lead,
    placeKeys(ordered),
    ordered.map((p) => p.name),
  );
  return {
    summary: shorten(sentence, SUMMARY_CHARS),
    bodyWords: countWords(body),
    terms,
    placeTerms: placeTermCount(terms),
    names: termNames(lead, terms),
    shapes: headlineShapes(headline),
  };
}
