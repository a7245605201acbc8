/**
 * Pooled 4-fold cross-validation of the quote extractor on the eval set's DEV split:
 *   npx tsx scripts/quotes-cv.ts --data ../shared/eval/quotes/dev.ndjson
 * The shipped cue model (model.json) is trained on all of dev, so `eval:quotes` on dev is partly
 * in-sample: it flatters the learned reported-speech cues. Here fold k holds the articles whose index
 * % 4 === k (as train.ts's CUE_HOLDOUT and quote-errors.ts's --fold); each fold is scored by a model
 * trained in-process on the other three (train.ts's trainCueModel, its CUE_* settings honoured, e.g.
 * CUE_THRESHOLD=0.3), and the counts of the four folds are pooled into one report. `--extra FILE` gives each fold's model
 * a second one trained on its three and the file's articles (scripts/polnear-extra.ts: PolNeAR's train articles
 * outside the eval set), as the shipped model is trained (train.ts's withCueSecond). Tune against these
 * held-out figures; the committed model.json is untouched. test.ndjson is refused: it is for reporting.
 * Last line: the eval:quotes contract line with `quotes-cv` for `quotes` (same keys, same order).
 * About 10 s.
 */
import {
  emptyResult,
  evaluateQuotes,
  formatReport,
  readGold,
  type GoldRecord,
  type PrfCounts,
  type QuoteEvalResult,
} from '../src/eval/eval-quotes.js';
import { readTraining, withCueSecond, type CueTrainingRecord } from '../src/nlp/quotes/train.js';

const FOLDS = 4;

function addCounts(into: PrfCounts, from: PrfCounts): void {
  into.tp += from.tp;
  into.predicted += from.predicted;
  into.gold += from.gold;
}

function addResult(into: QuoteEvalResult, from: QuoteEvalResult): void {
  addCounts(into.direct, from.direct);
  addCounts(into.reported, from.reported);
  addCounts(into.all, from.all);
  into.speakerCorrect += from.speakerCorrect;
  into.speakerTotal += from.speakerTotal;
  into.speakerExact += from.speakerExact;
}

function main(argv: readonly string[]): void {
  const i = argv.indexOf('--data');
  const file = i >= 0 ? argv[i + 1] : undefined;
  if (!file || !/dev\.ndjson$/.test(file)) throw new Error('usage: npx tsx scripts/quotes-cv.ts --data .../dev.ndjson (dev only)');
  // the gold records hold the cue spans training reads besides the fields the eval scores
  const records = readGold(file) as (GoldRecord & CueTrainingRecord)[];
  // --extra FILE: articles every fold also trains on (never scored), e.g. PolNeAR's train split less the eval set's
  const e = argv.indexOf('--extra');
  const extra = e >= 0 ? readTraining(argv[e + 1]) : [];
  const pooled = emptyResult();
  const shown = emptyResult();
  for (let k = 0; k < FOLDS; k++) {
    const model = withCueSecond(
      records.filter((_, j) => j % FOLDS !== k),
      extra,
    );
    const held = records.filter((_, j) => j % FOLDS === k);
    const res = evaluateQuotes(held, model);
    addResult(pooled, res);
    addResult(shown, res.shown);
    const r = res.reported;
    console.log(`fold ${k}: articles=${held.length} reported tp=${r.tp} predicted=${r.predicted} gold=${r.gold}`);
  }
  const lines = formatReport({ ...pooled, shown }, records.length);
  lines[lines.length - 1] = lines[lines.length - 1]!.replace(/^quotes /, 'quotes-cv ');
  for (const line of lines) console.log(line);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
