/**
 * `npm run eval:summary -- --data FILE [--sentences N]` (issue 4): ROUGE-1/2/Lsum F1 of four
 * extractive systems on NDJSON `{id, title, text, summary}`, same articles, same sentence budget:
 * Dateline (scoreSentences + selectSummary), Lead-N, plain TextRank, and the greedy ROUGE-2 oracle.
 * Also reports Dateline's query-time selection latency and its ingest-time scoring cost.
 * Last line (a contract): `rouge2 dateline=0.xxx lead=0.xxx textrank=0.xxx oracle=0.xxx`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { splitSentences } from '../nlp/sentences.js';
import { scoreSentences, selectSummary } from '../nlp/summarize.js';
import { textRankSummary } from '../nlp/textrank.js';
import type { ScoredSentence, Sentence } from '../nlp/types.js';
import { ngramCounts, rougeNFromCounts, rougeScores, tokenizeSentences, type RougeScores } from './rouge.js';

export const SYSTEMS = ['dateline', 'lead', 'textrank', 'oracle'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export interface SummaryRecord {
  id: string;
  text: string;
  summary: string;
}

export interface SystemTotals {
  rouge1: number;
  rouge2: number;
  rougeLsum: number;
}

export interface SummaryEvalResult {
  articles: number;
  sentences: number;
  /** Mean F1 per system. */
  systems: Record<SystemName, SystemTotals>;
  /** Per-article query-time selection (selectSummary) latency, ms. */
  selectMedianMs: number;
  selectP99Ms: number;
  /** Mean ingest-time scoring (scoreSentences) cost per article, ms. */
  scoreMeanMs: number;
}

/** Read NDJSON records, rejecting lines without the fields the eval needs. */
export function readSummaryRecords(path: string): SummaryRecord[] {
  const records: SummaryRecord[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const value: unknown = JSON.parse(line);
      if (!isSummaryRecord(value)) throw new Error(`${path}:${i + 1}: expected {id, text, summary}`);
      records.push({ id: value.id, text: value.text, summary: value.summary });
    });
  return records;
}

function isSummaryRecord(v: unknown): v is SummaryRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.id === 'string' && typeof r.text === 'string' && typeof r.summary === 'string';
}

/**
 * Greedy oracle: repeatedly add the sentence that most raises ROUGE-2 F1 against the reference,
 * stopping at the budget or when no sentence helps; in article order.
 */
export function greedyOracle(
  candidates: readonly (readonly string[])[],
  reference: readonly (readonly string[])[],
  count: number,
): number[] {
  const referenceCounts = ngramCounts(reference.flat(), 2);
  const chosen: number[] = [];
  let best = 0;
  while (chosen.length < count) {
    let pick = -1;
    for (let i = 0; i < candidates.length; i++) {
      if (chosen.includes(i)) continue;
      const trial = [...chosen, i].sort((a, b) => a - b);
      const f1 = rougeNFromCounts(
        ngramCounts(
          trial.flatMap((k) => candidates[k]!),
          2,
        ),
        referenceCounts,
      ).f1;
      if (f1 > best) {
        best = f1;
        pick = i;
      }
    }
    if (pick < 0) break;
    chosen.push(pick);
  }
  return chosen.sort((a, b) => a - b);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/**
 * Per-article query-time cost of `selectSummary`, in a pass of its own after the ROUGE work, each
 * article timed as the median of a few runs so a garbage-collection pause does not count as its latency.
 */
function timeSelection(articles: readonly (readonly ScoredSentence[])[], count: number): number[] {
  const RUNS = 5;
  for (const scored of articles.slice(0, 200)) selectSummary(scored, count); // warm-up
  const times = articles.map((scored) => {
    const runs: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      selectSummary(scored, count);
      runs.push(performance.now() - t);
    }
    return runs.sort((a, b) => a - b)[RUNS >> 1]!;
  });
  return times.sort((a, b) => a - b);
}

/** Run all four systems over the records. */
export function evaluateSummaries(records: readonly SummaryRecord[], count: number): SummaryEvalResult {
  const sums = Object.fromEntries(SYSTEMS.map((s) => [s, { rouge1: 0, rouge2: 0, rougeLsum: 0 }])) as Record<SystemName, SystemTotals>;
  const scoredArticles: ScoredSentence[][] = [];

  for (const record of records) {
    const sentences = splitSentences(record.text);
    const candidateTokens = tokenizeSentences(sentences.map((s) => s.text));
    const reference = tokenizeSentences(splitSentences(record.summary).map((s) => s.text));
    const add = (system: SystemName, picked: readonly Pick<Sentence, 'index'>[]): void => {
      const scores: RougeScores = rougeScores(
        picked.map((s) => candidateTokens[s.index]!),
        reference,
      );
      sums[system].rouge1 += scores.rouge1.f1;
      sums[system].rouge2 += scores.rouge2.f1;
      sums[system].rougeLsum += scores.rougeLsum.f1;
    };

    // Dateline: scoring is ingest work, selection is query work; both are timed in passes of their own below
    const scored = scoreSentences(record.text);
    scoredArticles.push(scored);
    add('dateline', selectSummary(scored, count));

    add('lead', sentences.slice(0, count));
    add('textrank', textRankSummary(sentences, count));
    add(
      'oracle',
      greedyOracle(candidateTokens, reference, count).map((index) => ({ index })),
    );
  }

  const n = Math.max(1, records.length);
  for (const system of SYSTEMS) {
    sums[system].rouge1 /= n;
    sums[system].rouge2 /= n;
    sums[system].rougeLsum /= n;
  }
  const selectTimes = timeSelection(scoredArticles, count);
  // ingest-time scoring, alone (splitting included), after the ROUGE work has warmed the code up
  const t0 = performance.now();
  for (const record of records) scoreSentences(record.text);
  const scoreTime = performance.now() - t0;
  return {
    articles: records.length,
    sentences: count,
    systems: sums,
    selectMedianMs: percentile(selectTimes, 0.5),
    selectP99Ms: percentile(selectTimes, 0.99),
    scoreMeanMs: scoreTime / n,
  };
}

/** The report, ending with the contract line. */
export function formatSummaryReport(file: string, result: SummaryEvalResult): string {
  const f = (x: number): string => x.toFixed(3);
  const lines = [
    `file: ${file}`,
    `articles: ${result.articles}   sentences per summary: ${result.sentences}`,
    '',
    'system      ROUGE-1  ROUGE-2  ROUGE-Lsum   (F1)',
    ...SYSTEMS.map((s) => {
      const r = result.systems[s];
      return `${s.padEnd(10)}  ${f(r.rouge1).padStart(7)}  ${f(r.rouge2).padStart(7)}  ${f(r.rougeLsum).padStart(10)}`;
    }),
    '',
    `dateline vs oracle (ROUGE-2): ${f(result.systems.dateline.rouge2)} of ${f(result.systems.oracle.rouge2)} ` +
      `(${((100 * result.systems.dateline.rouge2) / Math.max(1e-9, result.systems.oracle.rouge2)).toFixed(0)}%)`,
    `dateline query-time selection per article: median ${result.selectMedianMs.toFixed(4)} ms, p99 ${result.selectP99Ms.toFixed(4)} ms`,
    `dateline ingest-time scoring per article: mean ${result.scoreMeanMs.toFixed(4)} ms`,
    `rouge2 dateline=${f(result.systems.dateline.rouge2)} lead=${f(result.systems.lead.rouge2)} ` +
      `textrank=${f(result.systems.textrank.rouge2)} oracle=${f(result.systems.oracle.rouge2)}`,
  ];
  return lines.join('\n');
}

export interface EvalArgs {
  data: string;
  sentences: number;
}

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let data: string | null = null;
  let sentences = 3;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--data') data = value();
    else if (flag === '--sentences') {
      sentences = Number(value());
      if (!Number.isInteger(sentences) || sentences < 1) throw new Error('--sentences must be a positive integer');
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (!data) throw new Error('usage: npm run eval:summary -- --data FILE [--sentences N]');
  return { data, sentences };
}

function main(): void {
  try {
    const args = parseEvalArgs(process.argv.slice(2));
    const records = readSummaryRecords(args.data);
    process.stdout.write(formatSummaryReport(args.data, evaluateSummaries(records, args.sentences)) + '\n');
  } catch (error) {
    process.stderr.write(`eval:summary: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
