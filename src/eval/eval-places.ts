/**
 * `npm run eval:places -- --data FILE`, on the gold format of ../shared/eval/places/ (see its README):
 * - end to end (the headline, issue 14): over every gold toponym, the share that Dateline found
 *   itself (an overlapping span from `GeoService.findPlaces`, the call ingest makes) and resolved
 *   right;
 * - recognition P/R/F1 of place mentions (overlap match);
 * - resolution accuracy within 161 km of the gold names resolved at the gold spans in their
 *   document's context, beside the most-populous baseline.
 * Last line (a contract, issues 6 and 14):
 * `places e2e_acc161=0.xx resolve_acc161=0.xx baseline_acc161=0.xx f1=0.xx`.
 */
import type { PlaceMention } from '../geo/types.js';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { countryContains } from '../geo/borders.js';
import { foldName } from '../geo/fold.js';
import { createGeoService, haversineKm, loadGazetteer } from '../geo/geo-service.js';
import type { Gazetteer } from '../geo/gazetteer.js';
import { recognizeSpans } from '../geo/recognition/recognize-spans.js';
import { contextFor, documentContext, resolveSpan } from '../geo/recognition/resolve-spans.js';
import type { FoundSpan } from '../geo/recognition/spans.js';
import { DIVISION_WORD_RE } from '../geo/division-words.js';
import { emptyContext, exactCandidates, mostPopulous, skeletonCandidates, type Candidate } from '../geo/resolve.js';

export interface GoldToponym {
  name: string;
  start: number;
  end: number;
  lat: number | null;
  lon: number | null;
  /** TR-News: GeoNames feature code, country name and first-level division name of the gold place. */
  fcode?: string;
  country?: string;
  admin1?: string;
  /** GeoVirus: the gold place's Wikipedia page. */
  wikipedia?: string;
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
  /** Gold toponyms found by Dateline's own recognition and resolved right, over all gold toponyms. */
  e2eAcc161: number;
  /** The same with the distance rule alone (no country or division rule). */
  e2eDistanceOnly: number;
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

/** How far from a country's own point its Wikipedia page's point may lie when that point is outside its borders. */
const ISLAND_KM = 300;

/** What a gold toponym names when it is a region: a country (ISO code) or a first-level division (entry index). */
export type GoldRegion = { kind: 'country'; code: string } | { kind: 'admin1'; index: number } | null;

/**
 * The region a gold toponym names. TR-News says so with its feature code (PCL* a country, ADM1 a
 * division) and names the country and division; GeoVirus gives only a Wikipedia page, so its title is looked up
 * and kept as a country or division when that region contains the gold point.
 */
export function goldRegion(gaz: Gazetteer, g: GoldToponym): GoldRegion {
  const countryCode = (name: string): string | null => {
    const c = exactCandidates(gaz, foldName(name)).find((x) => gaz.kind(x.index) === 'country');
    return c ? gaz.country(c.index) : null;
  };
  if (g.fcode?.startsWith('PCL') && g.country) {
    const code = countryCode(g.country);
    return code ? { kind: 'country', code } : null;
  }
  const admin1Of = (name: string, country: string | null, test: (i: number) => boolean): number => {
    const key = foldName(name);
    const m = DIVISION_WORD_RE.exec(key);
    const cands = [...exactCandidates(gaz, key), ...(m ? exactCandidates(gaz, key.slice(0, m.index)) : [])];
    const hit = cands.find(
      (c) => gaz.kind(c.index) === 'admin1' && (country === null || gaz.country(c.index) === country) && test(c.index),
    );
    return hit ? hit.index : -1;
  };
  if (g.fcode === 'ADM1' && g.country && g.admin1) {
    const code = countryCode(g.country);
    const i = code ? admin1Of(g.admin1, code, () => true) : -1;
    return i >= 0 ? { kind: 'admin1', index: i } : null;
  }
  if (!g.fcode && g.wikipedia && g.lat !== null && g.lon !== null) {
    const { lat, lon } = g;
    const title = decodeURIComponent(g.wikipedia.slice(g.wikipedia.lastIndexOf('/') + 1))
      .replace(/_/g, ' ')
      .replace(/\s*\(.*\)\s*$/, '');
    // An island country's page may put its point at sea between the islands (Fiji's lies east of them).
    const country = exactCandidates(gaz, foldName(title)).find(
      (c) =>
        gaz.kind(c.index) === 'country' &&
        (countryContains(gaz.country(c.index), lat, lon) ||
          haversineKm(lat, lon, gaz.lat[c.index] ?? 0, gaz.lon[c.index] ?? 0) <= ISLAND_KM),
    );
    if (country) return { kind: 'country', code: gaz.country(country.index) };
    const i = admin1Of(title, null, (a) => divisionContains(gaz, a, lat, lon));
    if (i >= 0) return { kind: 'admin1', index: i };
  }
  return null;
}

/** A stored mention as `show --json` has it: the point and ids ingest kept. */
type StoredMention = Pick<PlaceMention, 'start' | 'end' | 'geonameId' | 'countryCode' | 'lat' | 'lon'>;

/**
 * Whether a stored mention gets a gold toponym right (issue 14): within 161 km of the gold point; or,
 * for a gold country, the stored country code is its code; or, for a gold division, the stored place
 * is that division.
 */
export function isRightEndToEnd(
  gaz: Gazetteer,
  g: GoldToponym,
  region: GoldRegion,
  m: StoredMention,
): { right: boolean; byDistance: boolean } {
  const byDistance = g.lat !== null && g.lon !== null && m.lat !== null && m.lon !== null && haversineKm(m.lat, m.lon, g.lat, g.lon) <= 161;
  if (byDistance) return { right: true, byDistance };
  if (region?.kind === 'country' && m.countryCode === region.code) return { right: true, byDistance };
  if (region?.kind === 'admin1' && m.geonameId !== null && m.geonameId === gaz.ids[region.index]) return { right: true, byDistance };
  return { right: false, byDistance };
}

/** The stored mention that overlaps a gold span most, if any. */
function overlapping<M extends { start: number; end: number }>(mentions: readonly M[], g: { start: number; end: number }): M | undefined {
  let best: M | undefined;
  let bestLen = 0;
  for (const m of mentions) {
    const len = Math.min(m.end, g.end) - Math.max(m.start, g.start);
    if (len > bestLen) {
      best = m;
      bestLen = len;
    }
  }
  return best;
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
  let e2eRight = 0;
  let e2eDistance = 0;
  const geo = createGeoService(gaz);
  for (const doc of docs) {
    // End to end: the mentions ingest would store for this text, scored against every gold toponym.
    const stored = geo.findPlaces(doc.text);
    for (const g of doc.toponyms) {
      const m = overlapping(stored, g);
      if (!m) continue;
      const r = isRightEndToEnd(gaz, g, goldRegion(gaz, g), m);
      if (r.right) e2eRight++;
      if (r.byDistance) e2eDistance++;
    }

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
    e2eAcc161: gold ? e2eRight / gold : 0,
    e2eDistanceOnly: gold ? e2eDistance / gold : 0,
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
    `end to end (all ${s.gold} gold names, found and resolved by Dateline) acc@161km=${f(s.e2eAcc161)} distance_only=${f(s.e2eDistanceOnly)}`,
    `places e2e_acc161=${f(s.e2eAcc161)} resolve_acc161=${f(s.resolveAcc161)} baseline_acc161=${f(s.baselineAcc161)} f1=${f(s.f1)}`,
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
