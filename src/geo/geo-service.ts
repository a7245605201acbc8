/**
 * The GeoService implementation: loads (building first when missing) the gazetteer cache and answers
 * recognition, lookup, autocomplete, relations and maps.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { distance as levenshtein } from 'fastest-levenshtein';
import { buildGazetteer } from './build/build-gazetteer.js';
import { foldName, translitSkeleton } from './fold.js';
import { defaultCacheDir, defaultCachePath, Gazetteer, isCurrentCache } from './gazetteer.js';
import { renderLocatorMap } from './locator-map.js';
import { createMapCache } from './map-cache.js';
import { qualifierCandidates } from './dateline-place.js';
import { findPlaceMentions } from './recognition/find-place-mentions.js';
import { isLocalOtherName, WORLD_CITY } from './recognition/candidate-kinds.js';
import { emptyContext, queryCandidates, rankCandidates, type Candidate, type Ranked } from './resolve.js';
import type { FindPlacesOptions, GeoService, PlaceInfo, PlaceLookup, PlaceRelation } from './types.js';

const EARTH_KM = 6371.0088;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

const COMPASS = ['N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE', 'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW'];

/** Initial bearing from point 1 to point 2 as a 16-point compass direction. */
export function compassDirection(lat1: number, lon1: number, lat2: number, lon2: number): string {
  const r = Math.PI / 180;
  const y = Math.sin((lon2 - lon1) * r) * Math.cos(lat2 * r);
  const x = Math.cos(lat1 * r) * Math.sin(lat2 * r) - Math.sin(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lon2 - lon1) * r);
  const deg = (Math.atan2(y, x) / r + 360) % 360;
  return COMPASS[Math.round(deg / 22.5) % 16] ?? 'N';
}

/** What a country calls its first-level divisions, for the kind label. */
const DIVISION_WORD: Record<string, string> = {
  US: 'state',
  AU: 'state',
  BR: 'state',
  MX: 'state',
  IN: 'state',
  DE: 'state',
  NG: 'state',
  MY: 'state',
  SD: 'state',
  SS: 'state',
  CA: 'province',
  SY: 'governorate',
  IQ: 'governorate',
  EG: 'governorate',
  JO: 'governorate',
  LB: 'governorate',
  YE: 'governorate',
  KW: 'governorate',
  BH: 'governorate',
  OM: 'governorate',
  PS: 'governorate',
  TN: 'governorate',
  GB: 'country of the UK',
  FR: 'region',
  IT: 'region',
  RU: 'federal subject',
  JP: 'prefecture',
  CH: 'canton',
};

function kindLabel(gaz: Gazetteer, i: number): string {
  const kind = gaz.kind(i);
  const cc = gaz.country(i);
  switch (kind) {
    case 'country':
      return 'country';
    case 'continent':
      return 'continent';
    case 'region':
      return 'region';
    case 'admin1':
      return DIVISION_WORD[cc] ?? 'province';
    case 'admin2':
      return 'district';
    default: {
      const f = gaz.fcode(i);
      if (f === 'PPLC') return 'national capital';
      if (f === 'PPLA')
        return `${(DIVISION_WORD[cc] ?? 'province').replace('country of the UK', 'regional')} capital`.replace(
          'governorate capital',
          'provincial capital',
        );
      if (f === 'PPLA2' || f === 'PPLA3') return 'district seat';
      if (f === 'PPLX') return 'neighbourhood';
      if (f === 'AIRP') return 'airport';
      return (gaz.pop[i] ?? 0) >= 100_000 ? 'city' : 'town';
    }
  }
}

export interface GeoServiceOptions {
  /** Folder for rendered locator maps (PNG files); null or absent: maps are cached in memory only. */
  mapCacheDir?: string | null;
}

/** Build a GeoService over a loaded gazetteer. */
export function createGeoService(gaz: Gazetteer, options: GeoServiceOptions = {}): GeoService {
  // Maps are rendered once per place and size (15-40 ms each), then served from the cache.
  const maps = createMapCache({ render: renderLocatorMap, dir: options.mapCacheDir ?? null });
  const info = (i: number): PlaceInfo => {
    const p = gaz.place(i);
    const countryIdx = p.kind === 'country' ? i : p.countryCode ? gaz.countryIndex(p.countryCode) : -1;
    const admin1 = p.kind === 'admin1' ? p.name : p.admin1Index >= 0 ? gaz.name(p.admin1Index) : null;
    return {
      name: p.name,
      kind: p.kind,
      kindLabel: kindLabel(gaz, i),
      geonameId: p.id,
      countryCode: p.countryCode || null,
      country: countryIdx >= 0 ? gaz.name(countryIdx) : null,
      admin1,
      lat: p.lat,
      lon: p.lon,
      population: p.population,
      populationBasis: p.populationBasis,
      timezone: p.timezone || null,
      featureCode: p.fcode,
    };
  };

  let fuzzyNames: string[] | null = null;
  const suggestionsFor = (query: string, limit = 5): string[] => {
    const key = foldName(query);
    if (!key) return [];
    fuzzyNames ??= Array.from(gaz.fuzzyKeys, (k) => gaz.keys.keyAt(k));
    const maxD = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
    const scored: { name: string; d: number; pop: number }[] = [];
    for (const name of fuzzyNames) {
      if (Math.abs(name.length - key.length) > maxD) continue;
      const d = levenshtein(key, name);
      if (d > maxD) continue;
      const post = gaz.keys.lookup(name);
      const first = post ? (post[0] ?? 0) >> 1 : -1;
      scored.push({ name: first >= 0 ? gaz.name(first) : name, d, pop: first >= 0 ? (gaz.pop[first] ?? 0) : 0 });
    }
    // Spelling-skeleton neighbours too (Middle East names): `Rakah` → Ar Raqqah.
    const sk = gaz.skeletons.lookup(translitSkeleton(key));
    if (sk) for (const i of sk.slice(0, 10)) scored.push({ name: gaz.name(i), d: maxD, pop: gaz.pop[i] ?? 0 });
    scored.sort((a, b) => a.d - b.d || b.pop - a.pop);
    return [...new Set(scored.map((s) => s.name))].slice(0, limit);
  };

  /** `Paris, France` / `Springfield, Illinois`: a trailing country or division filters the candidates. */
  const splitQualifier = (query: string): { name: string; within: Candidate[] | null } => {
    const comma = query.lastIndexOf(',');
    if (comma <= 0) return { name: query, within: null };
    // Read as a dateline's qualifier is: AP and postal abbreviations with or without their dot too.
    const q = qualifierCandidates(gaz, query.slice(comma + 1).trim());
    return q.length > 0 ? { name: query.slice(0, comma).trim(), within: q } : { name: query, within: null };
  };

  /**
   * A town is the division's seat "of the same name" when its own name is the asked name, or holds
   * its words in order for a world city (`New York City` for `New York`), or, for the division's
   * capital, spells the same name another way (`‘Ajlūn` for `Ajloun`, `Larnaca` for `Larnaka`,
   * `Chattogram` for `Chittagong`). A town that merely lists the name among its alternate names is
   * not: Salvador (once called Bahia) for `Bahia`, Yuma for `Arizona`, Minneota for `Minnesota`.
   */
  const seatOfSameName = (i: number, division: number, asked: string): boolean => {
    const own = foldName(gaz.name(i));
    const key = foldName(asked);
    if (key === '') return false;
    const f = gaz.fcode(i);
    const capital = f === 'PPLA' || f === 'PPLC';
    // A big city bearing the name counts though another town is the capital (Lagos, not Ikeja); a
    // village does not (Pueblo Hidalgo for `Hidalgo`). A name of more words holds the asked one only
    // for a world city the news shortens so (New York City, not Albany; not Oklahoma City for `Oklahoma`).
    if (own === key) return capital || (gaz.pop[i] ?? 0) >= 0.1 * (gaz.pop[division] ?? 0);
    if (` ${own} `.includes(` ${key} `)) return (gaz.pop[i] ?? 0) >= WORLD_CITY;
    if (!capital) return false;
    return translitSkeleton(own) === translitSkeleton(key) || levenshtein(own, key) <= 0.4 * Math.max(own.length, key.length);
  };

  const lookup = (query: string, options: FindPlacesOptions = {}): PlaceLookup => {
    const { name, within } = splitQualifier(query.trim());
    const queried = queryCandidates(gaz, name);
    const divisionAsked = queried.divisionAsked;
    // `San Miguel` or `Mill City` asks for a place of that name, not for San Diego or Phoenix, which
    // GeoNames also calls so (see isLocalOtherName): those count only where no place bears the name.
    const key = foldName(name);
    let candidates = queried.candidates;
    if (candidates.some((c) => c.primary)) candidates = candidates.filter((c) => !isLocalOtherName(gaz, key, c));
    if (candidates.length === 0 && name.trim().endsWith('.')) {
      const postings = gaz.keys.lookup(key + '.');
      if (postings) candidates = Array.from(postings, (p) => ({ index: p >> 1, primary: true, viaSkeleton: false }));
    }
    if (within) {
      const inside = candidates.filter((c) =>
        within.some((w) =>
          gaz.kind(w.index) === 'country' ? gaz.country(c.index) === gaz.country(w.index) : gaz.admin1[c.index] === w.index,
        ),
      );
      if (inside.length > 0) candidates = inside;
    }
    if (candidates.length === 0) {
      return { place: null, alternatives: [], ambiguous: false, division: null, matchedBy: 'none', suggestions: suggestionsFor(name) };
    }
    const ranked: Ranked[] = rankCandidates(gaz, candidates, emptyContext(options.storeCounts));
    let best = ranked[0] as Ranked;
    let division: PlaceInfo | null = null;
    if (!divisionAsked && gaz.kind(best.index) === 'admin1') {
      // A plain name prefers the city: the division's own seat of the same name (São Paulo, New York
      // City), if it is a candidate. A town that only lists the name among its others is not that
      // seat: Salvador was called Bahia, Okazaki lists Aichi, and neither is what "Bahia" asks for.
      const seat = ranked.find(
        (r) => gaz.kind(r.index) === 'city' && gaz.admin1[r.index] === best.index && seatOfSameName(r.index, best.index, name),
      );
      if (seat) {
        division = info(best.index);
        best = seat;
      }
    } else if (!divisionAsked && gaz.kind(best.index) === 'city') {
      const a = gaz.admin1[best.index] ?? -1;
      if (a >= 0 && ranked.some((r) => r.index === a)) division = info(a);
    }
    const rest = ranked.filter(
      (r) => r.index !== best.index && info(r.index).name !== '' && r.index !== (division ? gaz.indexOfId(division.geonameId) : -2),
    );
    const second = rest[0];
    const allSkeleton = ranked.every((r) => r.viaSkeleton);
    return {
      place: info(best.index),
      alternatives: rest.slice(0, 5).map((r) => info(r.index)),
      ambiguous: !!second && best.score - second.score < 1,
      division,
      matchedBy: allSkeleton ? 'spelling' : 'exact',
      suggestions: allSkeleton ? ranked.slice(0, 5).map((r) => gaz.name(r.index)) : [],
    };
  };

  const suggest = (prefix: string, limit: number): PlaceInfo[] => {
    const key = foldName(prefix);
    if (key.length === 0) return [];
    const start = gaz.keys.lowerBound(key);
    const seen = new Map<number, number>();
    for (let k = start; k < gaz.keys.size && k < start + 400; k++) {
      if (!gaz.keys.keyAt(k).startsWith(key)) break;
      for (const p of gaz.keys.postingsOf(k)) {
        const i = p >> 1;
        const kind = gaz.kind(i);
        const weight =
          (gaz.pop[i] ?? 0) + (kind === 'country' ? 1e10 : kind === 'continent' || kind === 'region' ? 1e9 : kind === 'admin1' ? 5e6 : 0);
        seen.set(i, Math.max(seen.get(i) ?? 0, weight));
      }
    }
    return [...seen.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([i]) => info(i));
  };

  const relation = (place: PlaceInfo, from: PlaceInfo): PlaceRelation => ({
    from,
    km: Math.round(haversineKm(from.lat, from.lon, place.lat, place.lon)),
    direction: compassDirection(from.lat, from.lon, place.lat, place.lon),
  });

  return {
    findPlaces: (text, options = {}) => findPlaceMentions(gaz, text, emptyContext(options.storeCounts), options.dateline),
    lookup,
    suggest,
    getPlace: (id) => {
      const i = gaz.indexOfId(id);
      return i < 0 ? null : info(i);
    },
    relationToCapital: (place) => {
      if (place.kind === 'country' || place.kind === 'continent' || place.kind === 'region' || !place.countryCode) return null;
      const i = gaz.indexOfId(place.geonameId);
      const cap = i >= 0 ? gaz.capitalOf(i) : -1;
      if (cap < 0 || cap === i) return null;
      return relation(place, info(cap));
    },
    relation,
    renderLocatorMap: (place, options) => maps.get(place, { width: options?.width ?? 640, height: options?.height ?? 420 }),
  };
}

/**
 * Load the gazetteer (building the cache on first use, ~10 s) and return the service.
 * `cacheDir` defaults to `data/cache/` at the repo root; rendered maps go to `mapCacheDir`, by
 * default `<cacheDir>/maps` (the benchmark gives each run an empty one, so first renders count).
 */
export async function loadGeoService(options: { cacheDir?: string; mapCacheDir?: string } = {}): Promise<GeoService> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const path = defaultCachePath(cacheDir);
  // A missing, cut-short or other-version cache is rebuilt now; reading a good one waits for the first
  // place asked about (~180 ms and 25 MB that `dateline ask "/latest"` and most commands never need).
  if (!isCurrentCache(path)) await buildGazetteer(path);
  return lazyGeoService(() => createGeoService(new Gazetteer(path), { mapCacheDir: options.mapCacheDir ?? join(cacheDir, 'maps') }));
}

/** The service made by `open` on its first call, then that one for every call. */
function lazyGeoService(open: () => GeoService): GeoService {
  let service: GeoService | null = null;
  const get = (): GeoService => (service ??= open());
  return {
    findPlaces: (text, options) => get().findPlaces(text, options),
    lookup: (query, options) => get().lookup(query, options),
    suggest: (prefix, limit) => get().suggest(prefix, limit),
    getPlace: (geonameId) => get().getPlace(geonameId),
    relationToCapital: (place) => get().relationToCapital(place),
    relation: (place, from) => get().relation(place, from),
    renderLocatorMap: (place, options) => get().renderLocatorMap(place, options),
  };
}

/** For the eval and tests: the raw gazetteer (same cache). */
export async function loadGazetteer(options: { cacheDir?: string } = {}): Promise<Gazetteer> {
  const path = defaultCachePath(options.cacheDir ?? defaultCacheDir());
  if (!existsSync(path)) await buildGazetteer(path);
  return new Gazetteer(path);
}
