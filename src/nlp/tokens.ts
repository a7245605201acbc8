import { stemmer } from 'stemmer';
import { boundedMemo } from '../core/bounded-memo.js';

/**
 * Word tokens as ROUGE (Google's rouge-score) and the sentence ranker see them: lower-case runs of
 * ASCII letters and digits; everything else separates. Shared so the ranker optimises the same
 * units the evaluation counts.
 */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

const stemCached = boundedMemo(stemmer, 200_000);

/** Porter stem, as rouge-score does it: tokens of three characters or fewer are left alone. */
export function stem(token: string): string {
  return token.length <= 3 ? token : stemCached(token);
}

/** `tokenize` then `stem`. */
export function stemmedTokens(text: string): string[] {
  return tokenize(text).map(stem);
}

/**
 * Function words the ranker ignores: NLTK's English stopword list (the de-facto standard list,
 * and the one that reproduces the TextRank reference figures; a longer list that also
 * dropped "said" or "year" scored 0.02 ROUGE-2 lower on dev).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself yourselves he him " +
    "his himself she she's her hers herself it it's its itself they them their theirs themselves what which who " +
    "whom this that that'll these those am is are was were be been being have has had having do does did doing " +
    'a an the and but if or because as until while of at by for with about against between into through during ' +
    'before after above below to from up down in out on off over under again further then once here there when ' +
    'where why how all any both each few more most other some such no nor not only own same so than too very s ' +
    "t can will just don don't should should've now d ll m o re ve y ain aren couldn didn doesn hadn hasn haven " +
    'isn ma mightn mustn needn shan shouldn wasn weren won wouldn'
  ).split(' '),
);

/** Stemmed content words of a text: what the sentence rankers compare. */
export function contentTokens(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) if (!STOPWORDS.has(token)) out.push(stem(token));
  return out;
}
