/**
 * `npm run eval:quotes -- --data FILE`: precision/recall of the quote extractor on the gold NDJSON of
 * ../shared/eval/quotes/ (issue 5). A prediction matches a gold attribution when their content spans
 * share at least half of the word tokens of the longer one; matching is one-to-one.
 * Last line (a contract, issue 15): `quotes f1=… direct_p=… direct_r=… speaker_acc=… speaker_exact=… reported_p=… reported_r=…
 * shown_reported_p=… shown_reported_r=…`: the last two score the reported speech `/quote` lists (speech-act.ts).
 * speaker_acc: the predicted local speaker span overlaps the gold one; speaker_exact: it touches exactly the word tokens the gold span touches.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { extractQuotes } from '../nlp/quotes/extract-quotes.js';
import { quoteFragments } from '../nlp/quotes/fragments.js';
import { wordSpans } from '../nlp/quotes/tokens.js';
import { isSpeechAct } from '../nlp/quotes/speech-act.js';
import { splitSentences } from '../nlp/sentences.js';
import type { CueModel } from '../nlp/quotes/cue-model.js';
import type { Quote } from '../nlp/types.js';

/** One gold attribution as the eval set stores it (only the fields scored). */
export interface GoldQuote {
  start: number;
  end: number;
  spans?: [number, number][];
  type: string;
  speaker_start?: number | null;
  speaker_end?: number | null;
}

export interface GoldRecord {
  id: string;
  text: string;
  quotes: GoldQuote[];
}

export interface PrfCounts {
  tp: number;
  predicted: number;
  gold: number;
}

export interface QuoteEvalResult {
  direct: PrfCounts;
  reported: PrfCounts;
  all: PrfCounts;
  speakerCorrect: number;
  speakerTotal: number;
  /** Matched quotations whose predicted local speaker span holds exactly the gold speaker's word tokens. */
  speakerExact: number;
}

/** Word-token indices covered by each span list (tokens are identified by their start offset). */
function tokenSet(words: readonly [number, number][], spans: readonly [number, number][]): Set<number> {
  const set = new Set<number>();
  for (const [s, e] of spans) {
    for (const [ws, we] of words) if (ws >= s && we <= e) set.add(ws);
  }
  return set;
}

function goldSpans(g: GoldQuote): [number, number][] {
  return g.spans && g.spans.length > 0 ? g.spans : [[g.start, g.end]];
}

/**
 * One-to-one matching by the rule: overlap ≥ half the tokens of the longer span.
 * Greedy on overlap size, best first. Returns pairs [predIndex, goldIndex].
 */
export function matchSpans(
  words: readonly [number, number][],
  predicted: readonly [number, number][][],
  gold: readonly [number, number][][],
): [number, number][] {
  const p = predicted.map((s) => tokenSet(words, s));
  const g = gold.map((s) => tokenSet(words, s));
  const candidates: { pi: number; gi: number; overlap: number }[] = [];
  p.forEach((ps, pi) => {
    g.forEach((gs, gi) => {
      let overlap = 0;
      for (const t of ps) if (gs.has(t)) overlap++;
      const longer = Math.max(ps.size, gs.size);
      if (overlap > 0 && overlap * 2 >= longer) candidates.push({ pi, gi, overlap });
    });
  });
  candidates.sort((a, b) => b.overlap - a.overlap || a.pi - b.pi || a.gi - b.gi);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of candidates) {
    if (usedP.has(c.pi) || usedG.has(c.gi)) continue;
    usedP.add(c.pi);
    usedG.add(c.gi);
    pairs.push([c.pi, c.gi]);
  }
  return pairs;
}

function emptyCounts(): PrfCounts {
  return { tp: 0, predicted: 0, gold: 0 };
}

export function emptyResult(): QuoteEvalResult {
  return { direct: emptyCounts(), reported: emptyCounts(), all: emptyCounts(), speakerCorrect: 0, speakerTotal: 0, speakerExact: 0 };
}

/** Score one article's predictions against its gold attributions, adding into `acc`. */
export function scoreArticle(text: string, predicted: readonly Quote[], gold: readonly GoldQuote[], acc: QuoteEvalResult): void {
  const words = wordSpans(text);
  // a quotation interrupted by its attribution is scored on its fragments, like the gold `spans`
  const predSpans = predicted.map((q) => quoteFragments(text, q));
  const goldSpanList = gold.map(goldSpans);

  // all attributions, whatever their kind; speakers are scored on these matches
  const all = matchSpans(words, predSpans, goldSpanList);
  acc.all.tp += all.length;
  acc.all.predicted += predicted.length;
  acc.all.gold += gold.length;
  for (const [pi, gi] of all) {
    const g = gold[gi]!;
    if (g.speaker_start == null || g.speaker_end == null) continue;
    acc.speakerTotal++;
    const m = predicted[pi]!.speakerMention;
    if (m && m.start < g.speaker_end && m.end > g.speaker_start) acc.speakerCorrect++;
    if (m && sameWords(words, [m.start, m.end], [g.speaker_start, g.speaker_end])) acc.speakerExact++;
  }

  // per kind: direct against gold direct, reported against gold indirect
  const kinds: [string, string, PrfCounts][] = [
    ['direct', 'direct', acc.direct],
    ['reported', 'indirect', acc.reported],
  ];
  for (const [kind, wanted, counts] of kinds) {
    const pIdx = predicted.map((q, i) => (q.kind === kind ? i : -1)).filter((i) => i >= 0);
    const gIdx = gold.map((g, i) => (g.type === wanted ? i : -1)).filter((i) => i >= 0);
    const pairs = matchSpans(
      words,
      pIdx.map((i) => predSpans[i]!),
      gIdx.map((i) => goldSpanList[i]!),
    );
    counts.tp += pairs.length;
    counts.predicted += pIdx.length;
    counts.gold += gIdx.length;
  }
}

/**
 * Whether two character spans touch the same word tokens (punctuation and spacing at the edges aside).
 * A token counts when the span overlaps it, so a gold "He" inside the token "He’s" is that token.
 */
export function sameWords(words: readonly [number, number][], a: [number, number], b: [number, number]): boolean {
  const touched = ([s, e]: [number, number]): Set<number> => new Set(words.filter(([ws, we]) => ws < e && we > s).map(([ws]) => ws));
  const x = touched(a);
  const y = touched(b);
  if (x.size !== y.size || x.size === 0) return false;
  for (const t of x) if (!y.has(t)) return false;
  return true;
}

export function prf(c: PrfCounts): { p: number; r: number; f1: number } {
  const p = c.predicted === 0 ? 0 : c.tp / c.predicted;
  const r = c.gold === 0 ? 0 : c.tp / c.gold;
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1 };
}

/** Parse the gold NDJSON, skipping blank lines; a malformed line is an error naming its number. */
export function readGold(path: string): GoldRecord[] {
  const records: GoldRecord[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        records.push(JSON.parse(line) as GoldRecord);
      } catch {
        throw new Error(`${path}:${i + 1}: not valid JSON`);
      }
    });
  return records;
}

/** Evaluate the extractor on gold records. */
export function evaluateQuotes(records: readonly GoldRecord[], model?: CueModel): QuoteEvalResult & { shown: QuoteEvalResult } {
  const acc = emptyResult();
  const shown = emptyResult();
  for (const r of records) {
    const predicted = extractQuotes(r.text, splitSentences(r.text), model);
    scoreArticle(r.text, predicted, r.quotes, acc);
    // What /quote lists of them (speech-act.ts): the gold set also counts beliefs and plans, which it leaves out.
    scoreArticle(r.text, predicted.filter(isSpeechAct), r.quotes, shown);
  }
  return { ...acc, shown };
}

const f2 = (x: number): string => x.toFixed(2);

/** The report lines; the last one is the contract line. */
export function formatReport(res: QuoteEvalResult & { shown?: QuoteEvalResult }, articles: number): string[] {
  const lines = [`articles=${articles}`];
  for (const [name, c] of [
    ['direct', res.direct],
    ['reported', res.reported],
    ['all', res.all],
  ] as const) {
    const { p, r, f1 } = prf(c);
    lines.push(`${name.padEnd(8)} p=${f2(p)} r=${f2(r)} f1=${f2(f1)} (tp=${c.tp} predicted=${c.predicted} gold=${c.gold})`);
  }
  const acc = res.speakerTotal === 0 ? 0 : res.speakerCorrect / res.speakerTotal;
  const exact = res.speakerTotal === 0 ? 0 : res.speakerExact / res.speakerTotal;
  lines.push(
    `speaker accuracy=${f2(acc)} (${res.speakerCorrect}/${res.speakerTotal} matched with a gold speaker: predicted span overlaps gold)`,
  );
  lines.push(
    `speaker exact=${f2(exact)} (${res.speakerExact}/${res.speakerTotal}: predicted span touches exactly the word tokens the gold speaker span touches)`,
  );
  const d = prf(res.direct);
  const r = prf(res.reported);
  const shown = res.shown ? prf(res.shown.reported) : null;
  if (res.shown && shown)
    lines.push(
      `shown by /quote (speech only) reported p=${f2(shown.p)} r=${f2(shown.r)} (tp=${res.shown.reported.tp} predicted=${res.shown.reported.predicted} gold=${res.shown.reported.gold})`,
    );
  lines.push(
    `quotes f1=${f2(prf(res.all).f1)} direct_p=${f2(d.p)} direct_r=${f2(d.r)} speaker_acc=${f2(acc)} speaker_exact=${f2(exact)} reported_p=${f2(r.p)} reported_r=${f2(r.r)}` +
      (shown ? ` shown_reported_p=${f2(shown.p)} shown_reported_r=${f2(shown.r)}` : ''),
  );
  return lines;
}

export function runEvalCli(argv: readonly string[]): string[] {
  const i = argv.indexOf('--data');
  const file = i >= 0 ? argv[i + 1] : undefined;
  if (!file) throw new Error('usage: npm run eval:quotes -- --data FILE');
  // --model FILE and --fold K (only articles with index % 4 === K) serve the trainer's held-out checks on dev
  const m = argv.indexOf('--model');
  const model = m >= 0 && argv[m + 1] ? (JSON.parse(readFileSync(argv[m + 1]!, 'utf8')) as CueModel) : undefined;
  const f = argv.indexOf('--fold');
  const fold = f >= 0 ? Number(argv[f + 1]) : -1;
  const records = readGold(file).filter((_, i) => fold < 0 || i % 4 === fold);
  return formatReport(evaluateQuotes(records, model), records.length);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    for (const line of runEvalCli(process.argv.slice(2))) console.log(line);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
