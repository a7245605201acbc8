/**
 * Ingest's analysis, stage by stage (issues 17 and 21: "profile first"): runs each stage of
 * src/ingest/analyze.ts over a corpus on one thread and prints the CPU per story of each, and a hash of
 * each stage's output, so a change meant to be faster can show it stored exactly the same.
 *   node --import ./scripts/register-ts.mjs scripts/profile-analysis.ts [CORPUS.ndjson] [--limit N] [--rounds R] [--chunk C]
 * --chunk C runs the stages as the analyzer threads do (createChunkAnalyzer): each stage over C stories,
 * then the next stage, timed per stage and chunk; without it (C = 1) the stages take turns story by story.
 * (register-ts.mjs runs the code as dist/ is built; under tsx every /\p{…}/u literal is a new RegExp per use).
 * The first round warms the JIT and is not counted; the figures are the fastest of the counted rounds
 * per stage (the machine is shared: the fastest is the least disturbed).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { digestFeatures } from '../src/digest/story-features.js';
import { loadGazetteer, createGeoService } from '../src/geo/geo-service.js';
import { parseNdjson } from '../src/ingest/formats/json-records.js';
import { closelyRead, placesOfStory } from '../src/ingest/analyze.js';
import { extractQuotes } from '../src/nlp/quotes/extract-quotes.js';
import { scoreSentences } from '../src/nlp/summarize.js';
import type { NewArticle } from '../src/store/article-store.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  args.splice(i, 2);
  return value;
};
const limit = option('--limit', Infinity);
const rounds = option('--rounds', 2);
const chunk = option('--chunk', 1);
const corpus = args[0] ?? path.resolve(import.meta.dirname, '../../shared/corpus/reuters21578.ndjson');

const articles: NewArticle[] = parseNdjson(readFileSync(corpus, 'utf8'), corpus, new Date())
  .flatMap((r) => (r.ok ? [r.article] : []))
  .slice(0, limit);
const geo = createGeoService(await loadGazetteer());

type Stage = 'sentences' | 'places' | 'quotes' | 'digest';
const STAGES: Stage[] = ['sentences', 'places', 'quotes', 'digest'];

/** One round: CPU microseconds per stage, and each stage's output hash. */
function round(): { micros: Record<Stage, number>; hashes: Record<Stage, string> } {
  const micros = { sentences: 0, places: 0, quotes: 0, digest: 0 };
  const hashes = Object.fromEntries(STAGES.map((s) => [s, createHash('sha256')])) as Record<Stage, ReturnType<typeof createHash>>;
  const time = <T>(stage: Stage, run: () => T): T => {
    const t0 = process.cpuUsage();
    const value = run();
    const t = process.cpuUsage(t0);
    micros[stage] += t.user + t.system;
    hashes[stage].update(JSON.stringify(value) + '\n');
    return value;
  };
  if (chunk <= 1)
    for (const article of articles) {
      const sentences = time('sentences', () => scoreSentences(article.body));
      // the quotes read the same bounded part of the body as at ingest
      const { sentences: closeRead, body } = closelyRead(article.body, sentences);
      const places = time('places', () => placesOfStory(geo, article, sentences));
      time('quotes', () => extractQuotes(body, closeRead));
      time('digest', () => digestFeatures(article, sentences, places));
    }
  else
    for (let c = 0; c < articles.length; c += chunk) {
      const part = articles.slice(c, c + chunk);
      // (hashed story by story, as above: the hashes do not depend on --chunk)
      const each = <T>(stage: Stage, run: (article: NewArticle, i: number) => T): T[] => {
        const t0 = process.cpuUsage();
        const values = part.map(run);
        const t = process.cpuUsage(t0);
        micros[stage] += t.user + t.system;
        for (const value of values) hashes[stage].update(JSON.stringify(value) + '\n');
        return values;
      };
      const sentences = each('sentences', (article) => scoreSentences(article.body));
      const read = part.map((article, i) => closelyRead(article.body, sentences[i]!));
      const places = each('places', (article, i) => placesOfStory(geo, article, sentences[i]!));
      each('quotes', (_, i) => extractQuotes(read[i]!.body, read[i]!.sentences));
      each('digest', (article, i) => digestFeatures(article, sentences[i]!, places[i]!));
    }
  return { micros, hashes: Object.fromEntries(STAGES.map((s) => [s, hashes[s].digest('hex').slice(0, 16)])) as Record<Stage, string> };
}

round(); // warm-up
const best = { sentences: Infinity, places: Infinity, quotes: Infinity, digest: Infinity };
let hashes: Record<Stage, string> | null = null;
for (let r = 0; r < rounds; r++) {
  const result = round();
  for (const s of STAGES) best[s] = Math.min(best[s], result.micros[s]);
  hashes = result.hashes;
}
const total = STAGES.reduce((sum, s) => sum + best[s], 0);
console.log(`stories=${articles.length} rounds=${rounds} chunk=${chunk} (fastest per stage)`);
for (const s of STAGES)
  console.log(
    `${s.padEnd(10)} ${(best[s] / articles.length).toFixed(1).padStart(7)} µs/story  ${((100 * best[s]) / total).toFixed(0).padStart(3)} %  hash ${hashes![s]}`,
  );
console.log(
  `analysis   ${(total / articles.length).toFixed(1).padStart(7)} µs/story  ${((articles.length * 1e6) / total).toFixed(0)} stories/CPU-s`,
);
