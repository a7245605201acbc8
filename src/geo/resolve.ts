/**
 * Candidate lookup and ranking: which gazetteer entries a name may mean, and which one it most likely
 * means given the document, the store and plain importance (issue 6, "Matching").
 */
import { distance as levenshtein } from 'fastest-levenshtein';
import { foldName, looksTransliterated, translitSkeleton } from './fold.js';
import type { Gazetteer } from './gazetteer.js';
import { DIVISION_WORD_RE } from './division-words.js';
import type { Companions } from './companions.js';

export interface Candidate {
  index: number;
  /** Matched the entry's main name (not only an alternate spelling). */
  primary: boolean;
  /** Found only through the transliteration skeleton: weaker evidence. */
  viaSkeleton: boolean;
  /** Reached through a name of its own that English news does not use for it (see isLocalOtherName). */
  localOther?: boolean;
}

/** What is known around a name: countries and divisions of the other places, what the store talks about. */
export interface ResolveContext {
  /** Country code → weight (how strongly the surrounding text is about it). */
  countries: Map<string, number>;
  /** Division entry index → weight. */
  admin1s: Map<number, number>;
  /** Gazetteer id → number of stored mentions. */
  storeCounts?: ReadonlyMap<number, number>;
  /** Points (lat, lon pairs) of the confidently resolved towns around the name: nearby candidates win. */
  anchors?: readonly number[];
  /** The candidate points of the story's other names, and the name being resolved (spatial coherence). */
  companions?: { grid: Companions; key: string };
}

export function emptyContext(storeCounts?: ReadonlyMap<number, number>): ResolveContext {
  return { countries: new Map(), admin1s: new Map(), storeCounts };
}

/** Exact candidates of a folded key (alternate names and aliases included). */
export function exactCandidates(gaz: Gazetteer, key: string): Candidate[] {
  const postings = gaz.keys.lookup(key);
  if (!postings) return [];
  const out: Candidate[] = [];
  for (const p of postings) out.push({ index: p >> 1, primary: (p & 1) === 1, viaSkeleton: false });
  return out;
}

/** Article-free, vowel-tolerant form for comparing transliterations. */
function compact(key: string): string {
  return key
    .replace(/\b(al|el|ad|ar|as|az|ez|an|at|ash)\s/g, '')
    .replace(/[\s]/g, '')
    .replace(/q/g, 'k')
    .replace(/(.)\1+/g, '$1');
}

/**
 * Candidates through the transliteration skeleton (Middle East and North Africa names only),
 * kept when the spellings are close once articles and doubled letters are gone.
 */
export function skeletonCandidates(gaz: Gazetteer, key: string): Candidate[] {
  const sk = translitSkeleton(key);
  if (sk.length < 2) return [];
  const postings = gaz.skeletons.lookup(sk);
  if (!postings) return [];
  const q = compact(key);
  const out: Candidate[] = [];
  for (const i of postings) {
    const name = compact(foldName(gaz.name(i)));
    const d = levenshtein(q, name);
    if (d <= Math.max(2, Math.floor(q.length / 3))) out.push({ index: i, primary: false, viaSkeleton: true });
  }
  return out;
}

export interface QueryCandidates {
  candidates: Candidate[];
  /** The query named a division (`Hasakah province`). */
  divisionAsked: boolean;
}

/** All candidates for a typed query: exact, then the division form, then transliteration variants. */
export function queryCandidates(gaz: Gazetteer, query: string): QueryCandidates {
  const key = foldName(query);
  const m = DIVISION_WORD_RE.exec(key);
  if (m) {
    const bare = key.slice(0, m.index);
    const whole = exactCandidates(gaz, key).filter((c) => isDivision(gaz, c.index));
    let divisions = whole.length > 0 ? whole : exactCandidates(gaz, bare).filter((c) => isDivision(gaz, c.index));
    if (divisions.length === 0) divisions = skeletonCandidates(gaz, bare).filter((c) => isDivision(gaz, c.index));
    // `Hasakah province` when only the seat carries that spelling: the seat's division.
    if (divisions.length === 0) {
      const seats = [...exactCandidates(gaz, bare), ...skeletonCandidates(gaz, bare)];
      const seen = new Set<number>();
      for (const c of seats) {
        const a = gaz.admin1[c.index] ?? -1;
        if (a >= 0 && !seen.has(a)) {
          seen.add(a);
          divisions.push({ index: a, primary: false, viaSkeleton: c.viaSkeleton });
        }
      }
    }
    if (divisions.length > 0) return { candidates: dedupe(divisions), divisionAsked: true };
  }
  let candidates = exactCandidates(gaz, key);
  if (candidates.length === 0 || looksTransliterated(key)) candidates = [...candidates, ...skeletonCandidates(gaz, key)];
  return { candidates: dedupe(candidates), divisionAsked: false };
}

export function isDivision(gaz: Gazetteer, i: number): boolean {
  const k = gaz.kind(i);
  return k === 'admin1' || k === 'admin2';
}

function dedupe(cands: Candidate[]): Candidate[] {
  const best = new Map<number, Candidate>();
  for (const c of cands) {
    const prev = best.get(c.index);
    if (!prev || (prev.viaSkeleton && !c.viaSkeleton) || (!prev.primary && c.primary)) best.set(c.index, c);
  }
  return [...best.values()];
}

/** Tunable weights (tuned on dev.ndjson only). */
export const WEIGHTS = {
  country: 2.5,
  region: 3,
  /** Oceans and areas have no population: score them as if they had this many people (log10). */
  regionFloor: 6,
  admin1: 0.5,
  admin2: -1,
  capital: 2,
  seat: 0.8,
  seat2: 0.3,
  primary: 0.5,
  /** A town reached only through one of its alternate names while another candidate bears the name itself. */
  altOnly: -3,
  /**
   * ...through a name of its own that English news does not use for it (a US town's former name or
   * nickname: `Mill City` for Phoenix, `San Miguel` for San Diego): it loses to a village bearing the name.
   */
  localOther: -6,
  /**
   * ...unless the name's own bearers are villages (under exonymVillage people) and the town is famous
   * (altNamesFull alternate names or more, exonymRatio times their size): then the name is an exonym or
   * former name of it (`Palmyra` Tadmur, `Madras` Chennai, `Bombay` Mumbai), not a stray spelling.
   */
  altNamesFull: 20,
  exonymVillage: 10_000,
  exonymRatio: 5,
  /**
   * Prominence of a town: per decade of alternate names GeoNames lists (how many languages name it).
   * Divisions and countries have no such list: they count as named altNamesFull times.
   */
  names: 0.5,
  skeleton: -1.5,
  contextCountry: 2.5,
  contextAdmin1: 2,
  /**
   * The story's countries count this much less for a town whose name a far better known town in
   * another country bears too (famousPopRatio times its people, or altNamesFull names or more and
   * famousNamesRatio times its names with as many people): a wire story that names the United States
   * and `Naples`, `Venice` or `Halifax` means Italy's or Canada's, unless a state or a nearby town of
   * the story says otherwise (those weights are kept whole).
   */
  famousElsewhere: 0.5,
  famousPopRatio: 5,
  famousNamesRatio: 3,
  /** Within 50 km of a confidently resolved town of the same story (half within 200 km). */
  near: 1.5,
  store: 1.5,
  /** A candidate within companionKm of a candidate of another name of the story (half within 50 km). */
  companion: 2.5,
  companionKm: 15,
};

/** Distance in km to the nearest anchor (equirectangular: enough to compare with a few hundred km). */
export function nearestAnchorKm(lat: number, lon: number, anchors: readonly number[]): number {
  let best = Infinity;
  const cosLat = Math.cos((lat * Math.PI) / 180);
  for (let k = 0; k + 1 < anchors.length; k += 2) {
    const dLat = (anchors[k] ?? 0) - lat;
    const dLon = ((anchors[k + 1] ?? 0) - lon) * cosLat;
    const d = dLat * dLat + dLon * dLon;
    if (d < best) best = d;
  }
  return Math.sqrt(best) * 111.2;
}

/**
 * A town's population for ranking. GeoNames leaves some seats at 0 people though many languages name
 * them (Taoyuan, Taiwan: a district seat with 34 names): those count as the village their names make
 * them at least, 10^(1 + log10(1 + names)) people, so the country of the story can tip the scale.
 */
function effectivePopulation(gaz: Gazetteer, i: number, kind: string, pop: number): number {
  const alt = gaz.altNames[i] ?? 0;
  if (pop > 0 || kind !== 'city' || alt === 0) return pop;
  return 10 * (1 + alt);
}

/** What the other candidates of a name say about each one (rankCandidates works it out once). */
export interface Bearers {
  /** Some candidate bears the name itself (not as an alternate name). */
  anyPrimary: boolean;
  /** The biggest place bearing the name itself (any kind). */
  pop: number;
  /** Per country, the biggest town bearing the name itself. */
  popIn: ReadonlyMap<string, number>;
  /** The biggest town bearing the name itself anywhere, and whether one such is widely named. */
  townPop: number;
  townFamous: boolean;
  /** Towns of the name that may outshine others (see WEIGHTS.famousElsewhere). */
  famous: readonly number[];
  /** The folded own name of a country that bears the name itself, or null. */
  country: string | null;
}

const NO_BEARERS: Bearers = {
  anyPrimary: false,
  pop: 0,
  popIn: new Map(),
  townPop: 0,
  townFamous: false,
  famous: [],
  country: null,
};

/** How likely this entry is what the name means, in this context. */
export function scoreCandidate(gaz: Gazetteer, c: Candidate, ctx: ResolveContext, bearers: Bearers = NO_BEARERS): number {
  const i = c.index;
  const kind = gaz.kind(i);
  const pop = gaz.pop[i] ?? 0;
  let s = Math.log10(effectivePopulation(gaz, i, kind, pop) + 10);
  const regionNames = WEIGHTS.names * Math.log10(1 + WEIGHTS.altNamesFull);
  if (kind === 'country') s += WEIGHTS.country + regionNames;
  else if (kind === 'continent' || kind === 'region') s = Math.max(s, WEIGHTS.regionFloor) + WEIGHTS.region + regionNames;
  else if (kind === 'admin1') s += WEIGHTS.admin1 + regionNames;
  else if (kind === 'admin2') s += WEIGHTS.admin2 + regionNames;
  else {
    const f = gaz.fcode(i);
    if (f === 'PPLC') s += WEIGHTS.capital;
    else if (f === 'PPLA') s += WEIGHTS.seat;
    else if (f === 'PPLA2') s += WEIGHTS.seat2;
    const alt = gaz.altNames[i] ?? 0;
    s += WEIGHTS.names * Math.log10(1 + alt);
    const exonym = !c.localOther && isExonym(gaz, i, bearers);
    if (bearers.anyPrimary && !c.primary && !exonym) s += c.localOther ? WEIGHTS.localOther : WEIGHTS.altOnly;
    // A town named after the country with more words (`Mexico City`, `Kuwait City`, `Panama City`)
    // is reached by the country's name as by an alternate one: `Mexico` alone is the country.
    else if (c.primary && bearers.country !== null && foldName(gaz.name(i)) !== bearers.country) s += WEIGHTS.altOnly;
    // An exonym is the town's name in English news as much as its own is (`Geneva` is Genève's name
    // there, `Cologne` Köln's): it weighs as the name itself against the small towns abroad that bear
    // it. Not when towns of its own country bear it: there it is a former name or a neighbour's
    // (`San Miguel` for San Diego, `Harper` for Costa Mesa).
    if (exonym && namedAbroadOnly(gaz, c, bearers)) s += WEIGHTS.primary;
  }
  if (c.primary) s += WEIGHTS.primary;
  if (c.viaSkeleton) s += WEIGHTS.skeleton;
  if (kind !== 'continent' && kind !== 'region') {
    // A country or division gets the weight of the text around it like the places inside it do, so
    // `Mexico` among Mexican towns stays the country rather than becoming Mexico City.
    const cw = ctx.countries.get(gaz.country(i)) ?? 0;
    const outshone = kind === 'city' && bearers.famous.some((f) => outshines(gaz, f, i));
    const a = kind === 'admin1' ? i : kind === 'country' ? -1 : (gaz.admin1[i] ?? -1);
    const aw = a >= 0 ? (ctx.admin1s.get(a) ?? 0) : 0;
    // A city's quarter (Venice, Los Angeles) that a famous town elsewhere outshines gets nothing from
    // the story's country unless the story names its state too: the news names a quarter with its
    // city or state (`taken in Edmonton` in a Queensland story is the Cairns suburb).
    const elsewhere = gaz.fcode(i) === 'PPLX' && aw <= 0 ? 0 : WEIGHTS.famousElsewhere;
    if (cw > 0) s += WEIGHTS.contextCountry * Math.min(1, cw) * (outshone ? elsewhere : 1);
    if (aw > 0) s += WEIGHTS.contextAdmin1 * Math.min(1, aw);
    if ((kind === 'city' || kind === 'admin2') && ctx.anchors && ctx.anchors.length > 0) {
      const km = nearestAnchorKm(gaz.lat[i] ?? 0, gaz.lon[i] ?? 0, ctx.anchors);
      if (km < 50) s += WEIGHTS.near;
      else if (km < 200) s += WEIGHTS.near / 2;
    }
    if ((kind === 'city' || kind === 'admin2') && ctx.companions) {
      const km = ctx.companions.grid.nearestKm(gaz.lat[i] ?? 0, gaz.lon[i] ?? 0, ctx.companions.key);
      if (km < WEIGHTS.companionKm) s += WEIGHTS.companion;
      else if (km < 50) s += WEIGHTS.companion / 2;
    }
  }
  const stored = ctx.storeCounts?.get(gaz.ids[i] ?? 0) ?? 0;
  if (stored > 0) s += WEIGHTS.store * Math.min(2, Math.log10(1 + stored));
  return s;
}

/**
 * Whether town i, reached through an alternate name, is famous enough next to the towns bearing the
 * name itself that the name is its exonym or former name (see WEIGHTS.altOnly).
 */
function isExonym(gaz: Gazetteer, i: number, bearers: Bearers): boolean {
  // A country's own name is the country's, not its capital's (`Puerto Rico` for San Juan): the town
  // takes it only from the words around it. (A division's name may be its big town's: `Geneva` is
  // Genève, not the canton.)
  if (bearers.country !== null) return false;
  const pop = gaz.pop[i] ?? 0;
  const here = bearers.popIn.get(gaz.country(i)) ?? -1;
  return (
    (gaz.altNames[i] ?? 0) >= WEIGHTS.altNamesFull &&
    // The name's bearers anywhere are villages, or those of its own country are (`Newcastle`: a
    // village of that name in England does not make Newcastle upon Tyne a stray spelling there),
    ((bearers.pop < WEIGHTS.exonymVillage && pop >= WEIGHTS.exonymRatio * Math.max(1, bearers.pop)) ||
      (here >= 0 && here < WEIGHTS.exonymVillage && pop >= WEIGHTS.exonymRatio * Math.max(1, here)) ||
      // or the towns bearing it are small and none is widely named (`Geneva` is Genève, not Geneva,
      // Illinois; `Bethlehem`, itself named in many languages, is no Belém).
      (!bearers.townFamous && pop >= WEIGHTS.exonymRatio * Math.max(1, bearers.townPop)))
  );
}

/** Whether candidate c is reached through an alternate name that no town of its own country bears as its own. */
function namedAbroadOnly(gaz: Gazetteer, c: Candidate, bearers: Bearers): boolean {
  return !c.primary && !c.viaSkeleton && !bearers.popIn.has(gaz.country(c.index));
}

/**
 * The towns among a name's candidates that it names as their English exonym (`Geneva` → Genève,
 * `Cologne` → Köln): towns reached through an alternate name that no town of their own country
 * bears, famous next to the towns that do bear it.
 */
export function exonymTowns(gaz: Gazetteer, cands: readonly Candidate[]): Set<number> {
  const bearers = bearersOf(gaz, cands);
  const out = new Set<number>();
  for (const c of cands) {
    if (gaz.kind(c.index) === 'city' && namedAbroadOnly(gaz, c, bearers) && isExonym(gaz, c.index, bearers)) out.add(c.index);
  }
  return out;
}

/** Whether town f, in another country, is far better known than town i (see WEIGHTS.famousElsewhere). */
function outshines(gaz: Gazetteer, f: number, i: number): boolean {
  if (gaz.country(f) === gaz.country(i)) return false;
  const pop = gaz.pop[f] ?? 0;
  const names = gaz.altNames[f] ?? 0;
  return (
    pop >= WEIGHTS.famousPopRatio * Math.max(1, gaz.pop[i] ?? 0) ||
    (names >= WEIGHTS.altNamesFull && names >= WEIGHTS.famousNamesRatio * (gaz.altNames[i] ?? 0) && pop >= (gaz.pop[i] ?? 0))
  );
}

export interface Ranked extends Candidate {
  score: number;
}

export function rankCandidates(gaz: Gazetteer, cands: readonly Candidate[], ctx: ResolveContext): Ranked[] {
  const bearers = bearersOf(gaz, cands);
  // (Written out rather than spread: this runs for every candidate of every name, and a spread copy is slow.)
  return cands
    .map((c): Ranked => {
      const score = scoreCandidate(gaz, c, ctx, bearers);
      return c.localOther === undefined
        ? { index: c.index, primary: c.primary, viaSkeleton: c.viaSkeleton, score }
        : { index: c.index, primary: c.primary, viaSkeleton: c.viaSkeleton, localOther: c.localOther, score };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index);
}

function bearersOf(gaz: Gazetteer, cands: readonly Candidate[]): Bearers {
  let pop = 0;
  let townPop = 0;
  let townFamous = false;
  const popIn = new Map<string, number>();
  for (const c of cands) {
    if (!c.primary) continue;
    const p = gaz.pop[c.index] ?? 0;
    pop = Math.max(pop, p);
    if (gaz.kind(c.index) !== 'city') continue;
    townPop = Math.max(townPop, p);
    townFamous ||= (gaz.altNames[c.index] ?? 0) >= WEIGHTS.altNamesFull;
    const cc = gaz.country(c.index);
    popIn.set(cc, Math.max(popIn.get(cc) ?? 0, p));
  }
  // The big or widely named towns of the name: those that may outshine others.
  const famous = cands
    .filter(
      (c) => gaz.kind(c.index) === 'city' && ((gaz.pop[c.index] ?? 0) >= 100_000 || (gaz.altNames[c.index] ?? 0) >= WEIGHTS.altNamesFull),
    )
    .map((c) => c.index);
  const bearer = cands.find((c) => c.primary && gaz.kind(c.index) === 'country');
  const country = bearer ? foldName(gaz.name(bearer.index)) : null;
  return { anyPrimary: cands.some((c) => c.primary), pop, popIn, townPop, townFamous, famous, country };
}

/** Baseline of the eval: the most populous candidate, nothing else. */
export function mostPopulous(gaz: Gazetteer, cands: readonly Candidate[]): number {
  let best = -1;
  for (const c of cands) if (best < 0 || (gaz.pop[c.index] ?? 0) > (gaz.pop[best] ?? 0)) best = c.index;
  return best;
}
