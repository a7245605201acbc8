/**
 * `npm run eval:places -- --data FILE`: recognition P/R/F1 of place mentions (overlap match) and
 * resolution accuracy within 161 km of the gold names resolved in their document's context, beside
 * the most-populous baseline, on the gold format of ../shared/eval/places/ (see its README).
 * Last line (a contract, issue 6): `places resolve_acc161=0.xx baseline_acc161=0.xx f1=0.xx`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { countryContains } from '../geo/borders.js';
import { foldName } from '../geo/fold.js';
import { haversineKm, loadGazetteer } from '../geo/geo-service.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import { contextFor, documentContext, recognizeSpans, resolveSpan, type FoundSpan } from '../geo/recognize.js';
import { DIVISION_WORD_RE } from '../geo/division-words.js';
import { emptyContext, exactCandidates, mostPopulous, skeletonCandidates, type Candidate } from '../geo/resolve.js';

export interface GoldToponym {
  name: string;
  start: number;
  end: number;
  lat: number | null;
  lon: number | null;
}

export interface GoldDoc {
  id: string;
  text: string;
  toponyms: GoldToponym[];
}

export interface PlacesScores {
  docs: number;
  gold: number;
  found: number;
  precision: number;
  recall: number;
  f1: number;
  resolvable: number;
  resolveAcc161: number;
  baselineAcc161: number;
  medianErrorKm: number;
  baselineMedianErrorKm: number;
}

function parseDocs(text: string): GoldDoc[] {
  return text
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as GoldDoc);
}

/** Candidates for a gold surface form: exact spelling (abbreviations with their dot), else variants. */
export function nameCandidates(gaz: Gazetteer, name: string): Candidate[] {
  const key = foldName(name);
  let c = name.endsWith('.') ? exactCandidates(gaz, key + '.') : [];
  if (c.length === 0) c = exactCandidates(gaz, key);
  if (c.length === 0) c = skeletonCandidates(gaz, key);
  // `Fars Province`, `Plymouth Co.`: the division under its bare name.
  const m = DIVISION_WORD_RE.exec(key.replace(/ co$/, ' county'));
  if (c.length === 0 && m) c = exactCandidates(gaz, key.slice(0, m.index)).filter((x) => gaz.kind(x.index) !== 'city');
  return c;
}

/** The k nearest populated places to a point within maxKm (for "is the gold point inside this division"). */
function nearestCities(gaz: Gazetteer, lat: number, lon: number, k: number, maxKm: number): number[] {
  const best: { i: number; d: number }[] = [];
  const cosLat = Math.cos((lat * Math.PI) / 180);
  const maxDeg2 = (maxKm / 111) ** 2;
  for (let i = 0; i < gaz.size; i++) {
    if (gaz.kindCode[i] !== 0) continue;
    const dLat = (gaz.lat[i] ?? 0) - lat;
    const dLon = ((gaz.lon[i] ?? 0) - lon) * cosLat;
    const d = dLat * dLat + dLon * dLon;
    if (d > maxDeg2 || (best.length === k && d >= (best[k - 1]?.d ?? Infinity))) continue;
    best.push({ i, d });
    best.sort((a, b) => a.d - b.d);
    if (best.length > k) best.pop();
  }
  return best.map((b) => b.i);
}

/**
 * Whether a gold point lies inside a first-level division. The packaged data has no division outlines,
 * so the division of the places around the point stands in for them: most of its 3 nearest populated
 * places (within 250 km; the gold points of large provinces lie in empty country) belong to it.
 */
function divisionContains(gaz: Gazetteer, division: number, lat: number, lon: number): boolean {
  const near = nearestCities(gaz, lat, lon, 3, 250);
  const inside = near.filter((c) => gaz.admin1[c] === division).length;
  return near.length > 0 && inside * 2 > near.length;
}

/** Right when within 161 km, or when a chosen country/division contains the gold point. */
export function isRight(gaz: Gazetteer, i: number, lat: number, lon: number): { right: boolean; km: number } {
  const km = haversineKm(gaz.lat[i] ?? 0, gaz.lon[i] ?? 0, lat, lon);
  if (km <= 161) return { right: true, km };
  const kind = gaz.kind(i);
  if (kind === 'country' && countryContains(gaz.country(i), lat, lon)) return { right: true, km };
  if (kind === 'admin1' && divisionContains(gaz, i, lat, lon)) return { right: true, km };
  return { right: false, km };
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

export function evaluatePlaces(gaz: Gazetteer, docs: readonly GoldDoc[]): PlacesScores {
  let gold = 0;
  let found = 0;
  let matchedFound = 0;
  let matchedGold = 0;
  let resolvable = 0;
  let right = 0;
  let baseRight = 0;
  const errors: number[] = [];
  const baseErrors: number[] = [];
  for (const doc of docs) {
    const spans = recognizeSpans(gaz, doc.text);
    gold += doc.toponyms.length;
    found += spans.length;
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
    matchedFound += spans.filter((s) => doc.toponyms.some((g) => overlaps(s, g))).length;
    matchedGold += doc.toponyms.filter((g) => spans.some((s) => overlaps(s, g))).length;

    const ctx = documentContext(gaz, spans, emptyContext());
    for (const g of doc.toponyms) {
      if (g.lat === null || g.lon === null) continue;
      resolvable++;
      const cands = nameCandidates(gaz, g.name);
      // Resolved as ingest resolves a found span, with the found span that follows it (`Paris, Texas`).
      const span: FoundSpan = { name: g.name, start: g.start, end: g.end, candidates: cands };
      const next = spans.find((s) => s.start >= g.end);
      const chosen = resolveSpan(gaz, doc.text, span, next, contextFor(ctx, g.name)).chosen;
      const base = mostPopulous(gaz, cands);
      if (chosen >= 0) {
        const r = isRight(gaz, chosen, g.lat, g.lon);
        if (r.right) right++;
        errors.push(r.right ? Math.min(r.km, 161) : r.km);
      }
      if (base >= 0) {
        const r = isRight(gaz, base, g.lat, g.lon);
        if (r.right) baseRight++;
        baseErrors.push(r.right ? Math.min(r.km, 161) : r.km);
      }
    }
  }
  const precision = found ? matchedFound / found : 0;
  const recall = gold ? matchedGold / gold : 0;
  return {
    docs: docs.length,
    gold,
    found,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    resolvable,
    resolveAcc161: resolvable ? right / resolvable : 0,
    baselineAcc161: resolvable ? baseRight / resolvable : 0,
    medianErrorKm: median(errors),
    baselineMedianErrorKm: median(baseErrors),
  };
}

/** The report; its last line is the contract. */
export function formatPlacesReport(s: PlacesScores): string {
  const f = (x: number): string => x.toFixed(2);
  return [
    `docs=${s.docs} gold_mentions=${s.gold} found=${s.found}`,
    `recognition precision=${f(s.precision)} recall=${f(s.recall)} f1=${f(s.f1)}`,
    `resolution (${s.resolvable} gold names with coordinates) acc@161km=${f(s.resolveAcc161)} median_error_km=${Math.round(s.medianErrorKm)}`,
    `baseline most-populous acc@161km=${f(s.baselineAcc161)} median_error_km=${Math.round(s.baselineMedianErrorKm)}`,
    `places resolve_acc161=${f(s.resolveAcc161)} baseline_acc161=${f(s.baselineAcc161)} f1=${f(s.f1)}`,
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const i = argv.indexOf('--data');
  const file = i >= 0 ? argv[i + 1] : undefined;
  if (!file) {
    process.stderr.write('usage: npm run eval:places -- --data FILE [--cache-dir DIR]\n');
    return 2;
  }
  const c = argv.indexOf('--cache-dir');
  const gaz = await loadGazetteer(c >= 0 && argv[c + 1] ? { cacheDir: argv[c + 1] } : {});
  const scores = evaluatePlaces(gaz, parseDocs(readFileSync(file, 'utf8')));
  process.stdout.write(formatPlacesReport(scores) + '\n');
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`eval:places failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(2);
    },
  );
}
