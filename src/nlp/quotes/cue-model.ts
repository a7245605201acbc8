import { stemmer } from 'stemmer';
import { PERSON_PRONOUNS, SPEECH_VERBS, THING_PRONOUNS } from './lexicon.js';
import type { Token } from './tokens.js';

/**
 * The learned part of reported-speech detection (issue 5: a cue lexicon alone stops near 0.57 F1).
 * A logistic regression decides whether a word is an attribution cue ("said", "endorsed", "did not
 * reveal", "according to") from the word, its stem and its context. It is trained on the eval set's
 * dev split only (`src/nlp/quotes/train.ts`) and shipped as a small JSON file of feature weights.
 */
export interface CueModel {
  /** Lower-cased words (and stems prefixed `~`) ever seen as a cue: only these are scored. */
  vocabulary: string[];
  weights: Record<string, number>;
  bias: number;
  threshold: number;
}

/** What the features may know about the sentence besides its tokens. */
export interface CueContext {
  /** Token index → true when the token sits inside quotation marks. */
  inQuote: readonly boolean[];
  sentenceHasQuote: boolean;
}

const stemCache = new Map<string, string>();
export function stemOf(lower: string): string {
  let s = stemCache.get(lower);
  if (s === undefined) {
    s = stemmer(lower);
    if (stemCache.size < 50_000) stemCache.set(lower, s);
  }
  return s;
}

function shape(t: Token | undefined): string {
  if (!t) return '<s>';
  if (!t.isWord) return t.text;
  if (PERSON_PRONOUNS.has(t.lower) || THING_PRONOUNS.has(t.lower)) return 'PRON';
  return t.isCap ? 'Cap' : 'low';
}

/** Whether token `i` is worth scoring at all (keeps ingest fast). */
export function isCandidate(model: CueModel, vocabulary: ReadonlySet<string>, t: Token): boolean {
  return t.isWord && (vocabulary.has(t.lower) || vocabulary.has('~' + stemOf(t.lower)));
}

/** Sparse binary features of token `i` as a cue. */
export function cueFeatures(tokens: readonly Token[], i: number, ctx: CueContext): string[] {
  const t = tokens[i]!;
  const w = t.lower;
  const p1 = tokens[i - 1];
  const p2 = tokens[i - 2];
  const n1 = tokens[i + 1];
  const n2 = tokens[i + 2];
  const p1w = p1 ? p1.lower : '<s>';
  const n1w = n1 ? n1.lower : '</s>';
  const f = [
    'w=' + w,
    's=' + stemOf(w),
    'p1=' + p1w,
    'n1=' + n1w,
    'p2=' + (p2 ? p2.lower : '<s>'),
    'n2=' + (n2 ? n2.lower : '</s>'),
    'w|n1=' + w + '|' + n1w,
    'p1|w=' + p1w + '|' + w,
    'ps1=' + shape(p1),
    'ns1=' + shape(n1),
    'ps1|w=' + shape(p1) + '|' + w,
    'cap=' + (t.isCap ? 1 : 0),
    'lex=' + (SPEECH_VERBS.has(w) ? 1 : 0),
    'pos=' + (i === 0 ? 'first' : i >= tokens.length - 3 ? 'end' : i < tokens.length / 3 ? 'early' : 'mid'),
    'q=' + (ctx.inQuote[i] ? 1 : 0),
    'sq=' + (ctx.sentenceHasQuote ? 1 : 0),
  ];
  const suffix = /(ed|ing|s)$/.exec(w);
  if (suffix) f.push('suf=' + suffix[1]);
  // a complement clause or a colon within reach
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
    const x = tokens[k]!.lower;
    if (x === 'that') {
      f.push('that@' + (k - i));
      break;
    }
    if (x === ':') f.push('colon');
  }
  if (p1 && p1.text === ',') f.push('pcomma|' + shape(n1));
  return f;
}

export function cueProbability(model: CueModel, features: readonly string[]): number {
  let z = model.bias;
  for (const name of features) z += model.weights[name] ?? 0;
  return 1 / (1 + Math.exp(-z));
}
