import { stemmer } from 'stemmer';
import { PERSON_PRONOUNS, REPORTING_IRREGULAR, REPORTING_LEXICON, SPEECH_VERBS, THING_PRONOUNS } from './lexicon.js';
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
  /** A second model, trained on more articles than the first (PolNeAR's other train articles): a word the first
   * leaves below its threshold is a cue when this one scores it at its own threshold or above. */
  second?: CueModel;
  /** Of a second model: a word the first takes for a cue is none when this one scores it below `veto`. */
  veto?: number;
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

/** REPORTING_LEXICON by stem: its class for every stem of a base form (the first class listing it). */
const REPORTING_STEMS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [cls, words] of Object.entries(REPORTING_LEXICON))
    for (const w of words.split(' ')) if (!m.has(stemOf(w))) m.set(stemOf(w), cls);
  return m;
})();

/**
 * The REPORTING_LEXICON class of a lower-cased word ("decried" → judge, "fears" → attitude), by its stem
 * or its irregular form; undefined for other words.
 */
export function reportingClass(lower: string): string | undefined {
  return REPORTING_STEMS.get(stemOf(REPORTING_IRREGULAR[lower] ?? lower));
}

function shape(t: Token | undefined): string {
  if (!t) return '<s>';
  if (!t.isWord) return t.text;
  if (PERSON_PRONOUNS.has(t.lower) || THING_PRONOUNS.has(t.lower)) return 'PRON';
  return t.isCap ? 'Cap' : 'low';
}

/**
 * Function words that occur inside multi-word cues ("said in a statement", "according to") but never
 * carry one alone: scoring them would cost most of the extractor's time for nothing.
 */
const NEVER_CUES: ReadonlySet<string> = new Set(
  'the a an of in to on for and that with is was are were be by as at from it this his her their its but not have has had will would or he she they we i'.split(
    ' ',
  ),
);

/**
 * Whether a token is worth scoring at all (keeps ingest fast). The answer depends on the word and
 * whether it is capitalised only. Words of the vocabulary are decided up front; only the inflections
 * found by stem (lower-case words longer than four letters) go through a cache, so most tokens are
 * settled by small sets instead of a lookup in a large map (its cache misses were a hot spot).
 */
export function candidateFilter(model: CueModel): (t: Token) => boolean {
  let f = candidateFilters.get(model);
  if (!f) {
    const vocabulary = vocabularyOf(model);
    // The vocabulary's own words, each with its verdict (the same for a capitalised spelling).
    const direct = new Map<string, boolean>();
    for (const w of vocabulary) if (!NEVER_CUES.has(w)) direct.set(w, wordPrior(model, w) > MIN_PRIOR);
    // (and the function words, never a cue in any spelling: one lookup settles them, the most frequent tokens)
    for (const w of NEVER_CUES) direct.set(w, false);
    const byStem = new Map<string, boolean>();
    const figuresNeverCue = digitsNeverCue(vocabulary);
    f = (t: Token): boolean => {
      if (!t.isWord) return false;
      const w = t.lower;
      // (figures are one Reuters token in sixteen and mostly seen once: each cost a miss in the large map's cache)
      if (figuresNeverCue && isAsciiDigit(w.charCodeAt(0))) return false;
      const verdict = direct.get(w);
      if (verdict !== undefined) return verdict;
      if (t.isCap) return false;
      let known = byStem.get(w);
      if (known === undefined) {
        // an inflection of a vocabulary word, or a word of the reporting lexicon the training never saw as a cue
        known = ((w.length > 4 && vocabulary.has('~' + stemOf(w))) || reportingClass(w) !== undefined) && wordPrior(model, w) > MIN_PRIOR;
        if (byStem.size < 50_000) byStem.set(w, known);
      }
      return known;
    };
    candidateFilters.set(model, f);
  }
  return f;
}

/**
 * Whether no word opening with a digit can be a candidate: none is in the vocabulary (as a word or a stem), nor a
 * stem or an irregular form of the reporting lexicon. The stem of a word opening with a digit opens with that
 * digit (the Porter stemmer only rewrites a word's ending, and keeps at least its first letter), so neither of
 * the filter's stem tests can hold for it.
 */
function digitsNeverCue(vocabulary: ReadonlySet<string>): boolean {
  const opensWithDigit = (w: string): boolean => isAsciiDigit(w.charCodeAt(w.startsWith('~') ? 1 : 0));
  return ![...vocabulary, ...REPORTING_STEMS.keys(), ...Object.keys(REPORTING_IRREGULAR)].some(opensWithDigit);
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const vocabularies = new WeakMap<CueModel, ReadonlySet<string>>();
/** The model's vocabulary as a set, built once per model. */
export function vocabularyOf(model: CueModel): ReadonlySet<string> {
  let v = vocabularies.get(model);
  if (!v) vocabularies.set(model, (v = new Set(model.vocabulary)));
  return v;
}

const candidateFilters = new WeakMap<CueModel, (t: Token) => boolean>();

/** Below this, a word's own weights say it is almost never a cue whatever its context: skip it. */
const MIN_PRIOR = -2;
const priorCache = new WeakMap<CueModel, Map<string, number>>();
function wordPrior(model: CueModel, w: string): number {
  let cache = priorCache.get(model);
  if (!cache) {
    cache = new Map();
    priorCache.set(model, cache);
  }
  let p = cache.get(w);
  if (p === undefined) {
    const weights = weightsOf(model);
    p = (weights.get('w=' + w) ?? 0) + (weights.get('s=' + stemOf(w)) ?? 0);
    if (cache.size < 50_000) cache.set(w, p);
  }
  return p;
}

/** Sparse binary features of token `i` as a cue. */
export function cueFeatures(tokens: readonly Token[], i: number, ctx: CueContext, vocabulary: ReadonlySet<string>): string[] {
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
  // a word of the reporting lexicon the training never showed as a cue: its class stands in for its identity
  const cls = reportingClass(w);
  if (cls && !vocabulary.has(w) && !vocabulary.has('~' + stemOf(w))) f.push('rep|' + cls);
  return f;
}

// A Map hashes fresh feature strings far faster than a 25k-key object in dictionary mode.
const weightMaps = new WeakMap<CueModel, Map<string, number>>();
function weightsOf(model: CueModel): Map<string, number> {
  let m = weightMaps.get(model);
  if (!m) {
    m = new Map(Object.entries(model.weights));
    weightMaps.set(model, m);
  }
  return m;
}

/**
 * The model's weights split by feature template (`w=`, `p1=`, `w|n1=` ...), so the scorer looks a
 * word up in its template's map instead of building and hashing a fresh "template=value" string for
 * every feature of every candidate (that string traffic was the extractor's hot spot).
 */
interface CompiledWeights {
  w: ReadonlyMap<string, number>;
  s: ReadonlyMap<string, number>;
  p1: ReadonlyMap<string, number>;
  n1: ReadonlyMap<string, number>;
  p2: ReadonlyMap<string, number>;
  n2: ReadonlyMap<string, number>;
  wn1: ReadonlyMap<string, number>;
  p1w: ReadonlyMap<string, number>;
  ps1: ReadonlyMap<string, number>;
  ns1: ReadonlyMap<string, number>;
  ps1w: ReadonlyMap<string, number>;
  cap: ReadonlyMap<string, number>;
  lex: ReadonlyMap<string, number>;
  pos: ReadonlyMap<string, number>;
  q: ReadonlyMap<string, number>;
  sq: ReadonlyMap<string, number>;
  suf: ReadonlyMap<string, number>;
  /** Weights of features without a `=` ("colon", "that@2", "pcomma|Cap"). */
  flat: ReadonlyMap<string, number>;
  /** The weights of features with a fixed value, looked up once instead of once per candidate (0 when absent). */
  fixed: {
    cap: readonly [number, number];
    q: readonly [number, number];
    sq: readonly [number, number];
    posFirst: number;
    posEnd: number;
    posEarly: number;
    posMid: number;
    sufEd: number;
    sufIng: number;
    sufS: number;
    colon: number;
    /** `that@1` … `that@4`, by distance. */
    that: readonly number[];
  };
}

const compiled = new WeakMap<CueModel, CompiledWeights>();
function compiledOf(model: CueModel): CompiledWeights {
  let c = compiled.get(model);
  if (!c) {
    const byTemplate = new Map<string, Map<string, number>>();
    const flat = new Map<string, number>();
    for (const [name, weight] of Object.entries(model.weights)) {
      const eq = name.indexOf('=');
      if (eq < 0) {
        flat.set(name, weight);
        continue;
      }
      const template = name.slice(0, eq);
      let m = byTemplate.get(template);
      if (!m) byTemplate.set(template, (m = new Map<string, number>()));
      m.set(name.slice(eq + 1), weight);
    }
    const t = (name: string): Map<string, number> => byTemplate.get(name) ?? new Map<string, number>();
    c = {
      w: t('w'),
      s: t('s'),
      p1: t('p1'),
      n1: t('n1'),
      p2: t('p2'),
      n2: t('n2'),
      wn1: t('w|n1'),
      p1w: t('p1|w'),
      ps1: t('ps1'),
      ns1: t('ns1'),
      ps1w: t('ps1|w'),
      cap: t('cap'),
      lex: t('lex'),
      pos: t('pos'),
      q: t('q'),
      sq: t('sq'),
      suf: t('suf'),
      flat,
      fixed: {
        cap: [t('cap').get('0') ?? 0, t('cap').get('1') ?? 0],
        q: [t('q').get('0') ?? 0, t('q').get('1') ?? 0],
        sq: [t('sq').get('0') ?? 0, t('sq').get('1') ?? 0],
        posFirst: t('pos').get('first') ?? 0,
        posEnd: t('pos').get('end') ?? 0,
        posEarly: t('pos').get('early') ?? 0,
        posMid: t('pos').get('mid') ?? 0,
        sufEd: t('suf').get('ed') ?? 0,
        sufIng: t('suf').get('ing') ?? 0,
        sufS: t('suf').get('s') ?? 0,
        colon: flat.get('colon') ?? 0,
        that: [0, 1, 2, 3, 4].map((k) => flat.get('that@' + k) ?? 0),
      },
    };
    compiled.set(model, c);
  }
  return c;
}

/** A template's weights keyed by two words, the first one as the outer key. */
type PairWeights = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * What the scorer needs of the candidate word itself, looked up once per distinct word instead of
 * once per occurrence: its own and its stem's weights, and its pair templates keyed by the other word.
 */
interface WordWeights {
  w: number;
  s: number;
  lex: number;
  /** `w|n1=` weights by the next word. */
  byNext: ReadonlyMap<string, number> | undefined;
  /** `p1|w=` weights by the previous word. */
  byPrev: ReadonlyMap<string, number> | undefined;
  /** `ps1|w=` weights by the previous token's shape. */
  byPrevShape: ReadonlyMap<string, number> | undefined;
  /** The `rep|` weight of a reporting-lexicon word the vocabulary lacks, else undefined (a stem per word is costly). */
  rep: number | undefined;
}

interface PairIndex {
  wn1: PairWeights;
  p1w: PairWeights;
  ps1w: PairWeights;
  words: Map<string, WordWeights>;
}

/**
 * Split `a|b` pair keys on the separator next to the word: a word token never holds `|`, so for a
 * word `w` the key `w + '|' + x` splits back into exactly `w` and `x` (and `x + '|' + w` likewise).
 */
function pairWeights(flat: ReadonlyMap<string, number>, wordFirst: boolean): PairWeights {
  const out = new Map<string, Map<string, number>>();
  for (const [key, weight] of flat) {
    const bar = wordFirst ? key.indexOf('|') : key.lastIndexOf('|');
    if (bar < 0) continue;
    const word = wordFirst ? key.slice(0, bar) : key.slice(bar + 1);
    const other = wordFirst ? key.slice(bar + 1) : key.slice(0, bar);
    let m = out.get(word);
    if (!m) out.set(word, (m = new Map<string, number>()));
    m.set(other, weight);
  }
  return out;
}

const pairIndexes = new WeakMap<CueModel, PairIndex>();
function pairIndexOf(model: CueModel, c: CompiledWeights): PairIndex {
  let index = pairIndexes.get(model);
  if (!index) {
    index = { wn1: pairWeights(c.wn1, true), p1w: pairWeights(c.p1w, false), ps1w: pairWeights(c.ps1w, false), words: new Map() };
    pairIndexes.set(model, index);
  }
  return index;
}

function wordWeightsOf(model: CueModel, c: CompiledWeights, index: PairIndex, w: string): WordWeights {
  let entry = index.words.get(w);
  if (!entry) {
    const cls = reportingClass(w);
    const vocabulary = vocabularyOf(model);
    entry = {
      rep: cls && !vocabulary.has(w) && !vocabulary.has('~' + stemOf(w)) ? (c.flat.get('rep|' + cls) ?? 0) : undefined,
      w: c.w.get(w) ?? 0,
      s: c.s.get(stemOf(w)) ?? 0,
      lex: c.lex.get(SPEECH_VERBS.has(w) ? '1' : '0') ?? 0,
      byNext: index.wn1.get(w),
      byPrev: index.p1w.get(w),
      byPrevShape: index.ps1w.get(w),
    };
    if (index.words.size < 50_000) index.words.set(w, entry);
  }
  return entry;
}

/**
 * `cueProbability(model, cueFeatures(tokens, i, ctx, vocabularyOf(model)))` without materialising the feature strings:
 * the same features, summed in the same order, so the result is bit-for-bit the same.
 */
export function cueScore(model: CueModel, tokens: readonly Token[], i: number, ctx: CueContext): number {
  const c = compiledOf(model);
  const t = tokens[i]!;
  const w = t.lower;
  const p1 = tokens[i - 1];
  const p2 = tokens[i - 2];
  const n1 = tokens[i + 1];
  const n2 = tokens[i + 2];
  const p1w = p1 ? p1.lower : '<s>';
  const n1w = n1 ? n1.lower : '</s>';
  const ps1 = shape(p1);
  // Pair keys built as strings only for a token holding the separator (never a word).
  const flatPairs = w.includes('|');
  const word = flatPairs ? null : wordWeightsOf(model, c, pairIndexOf(model, c), w);
  let z = model.bias;
  z += word ? word.w : (c.w.get(w) ?? 0);
  z += word ? word.s : (c.s.get(stemOf(w)) ?? 0);
  z += c.p1.get(p1w) ?? 0;
  z += c.n1.get(n1w) ?? 0;
  z += c.p2.get(p2 ? p2.lower : '<s>') ?? 0;
  z += c.n2.get(n2 ? n2.lower : '</s>') ?? 0;
  z += word ? (word.byNext?.get(n1w) ?? 0) : (c.wn1.get(w + '|' + n1w) ?? 0);
  z += word ? (word.byPrev?.get(p1w) ?? 0) : (c.p1w.get(p1w + '|' + w) ?? 0);
  z += c.ps1.get(ps1) ?? 0;
  z += c.ns1.get(shape(n1)) ?? 0;
  z += word ? (word.byPrevShape?.get(ps1) ?? 0) : (c.ps1w.get(ps1 + '|' + w) ?? 0);
  const fixed = c.fixed;
  z += fixed.cap[t.isCap ? 1 : 0];
  z += word ? word.lex : (c.lex.get(SPEECH_VERBS.has(w) ? '1' : '0') ?? 0);
  z += i === 0 ? fixed.posFirst : i >= tokens.length - 3 ? fixed.posEnd : i < tokens.length / 3 ? fixed.posEarly : fixed.posMid;
  z += fixed.q[ctx.inQuote[i] ? 1 : 0];
  z += fixed.sq[ctx.sentenceHasQuote ? 1 : 0];
  const last = w.charCodeAt(w.length - 1);
  if (w.endsWith('ed')) z += fixed.sufEd;
  else if (w.endsWith('ing')) z += fixed.sufIng;
  else if (last === 115 /* s */) z += fixed.sufS;
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
    const x = tokens[k]!.lower;
    if (x === 'that') {
      z += fixed.that[k - i]!;
      break;
    }
    if (x === ':') z += fixed.colon;
  }
  if (p1 && p1.text === ',') z += c.flat.get('pcomma|' + shape(n1)) ?? 0;
  if (word) {
    if (word.rep !== undefined) z += word.rep;
  } else {
    const cls = reportingClass(w);
    if (cls) {
      const vocabulary = vocabularyOf(model);
      if (!vocabulary.has(w) && !vocabulary.has('~' + stemOf(w))) z += c.flat.get('rep|' + cls) ?? 0;
    }
  }
  return 1 / (1 + Math.exp(-z));
}

export function cueProbability(model: CueModel, features: readonly string[]): number {
  const weights = weightsOf(model);
  let z = model.bias;
  for (const name of features) z += weights.get(name) ?? 0;
  return 1 / (1 + Math.exp(-z));
}
