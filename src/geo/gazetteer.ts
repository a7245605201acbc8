/**
 * The loaded gazetteer: typed arrays viewed over the cache file, with small accessors.
 * Entries are numbered 0..size-1 (countries first, then regions, divisions, cities by population).
 */
import { join } from 'node:path';
import { packageRoot } from '../core/package-root.js';
import { KeyIndex } from './key-index.js';
import { readSectionFile, readSectionMeta } from './section-file.js';
import type { PopulationBasis } from './types.js';

/** The cache's version, in its file name: bump when what it holds changes, so an old cache is built anew. */
export const GAZETTEER_VERSION = 11;
/**
 * The last gazetteer version that changed what place recognition reads (names, kinds, ranking figures), so
 * what it finds in a text: stored places are found anew only when this moves. v11 changed only what replies
 * show (countries' own populations); set it to GAZETTEER_VERSION with the next change that can move a place.
 */
export const GAZETTEER_PLACES_VERSION = 10;

export type PlaceKind = 'city' | 'country' | 'admin1' | 'admin2' | 'continent' | 'region';
export const KIND_CODES: Record<PlaceKind, number> = { city: 0, country: 1, admin1: 2, admin2: 3, continent: 4, region: 5 };
const KINDS: PlaceKind[] = ['city', 'country', 'admin1', 'admin2', 'continent', 'region'];

/** Where the cache lives by default: `data/cache/` at the repo root (git-ignored). */
export function defaultCacheDir(): string {
  return join(packageRoot(), 'data', 'cache');
}

export function defaultCachePath(cacheDir = defaultCacheDir()): string {
  return join(cacheDir, `gazetteer-v${GAZETTEER_VERSION}.bin`);
}

/** Whether the cache file at `path` is a whole gazetteer of this version (reads its header only). */
export function isCurrentCache(path: string): boolean {
  const meta = readSectionMeta(path) as Partial<Meta> | null;
  return meta?.version === GAZETTEER_VERSION;
}

interface Meta {
  version: number;
  countryCodes: string[];
  fcodes: string[];
  tzs: string[];
  /**
   * Populations as replies show them, by entry id, where they differ from `pop` (v11): a country's own as
   * GeoNames gives it, a continent's the sum of those. `pop` ranks places, like with like: a country's and a
   * division's are both the sum of their towns of 500+.
   */
  shownPopulations: Record<string, number>;
}

/** One place as the rest of the geo code sees it (built on demand from the arrays). */
export interface Place {
  index: number;
  id: number;
  name: string;
  kind: PlaceKind;
  fcode: string;
  countryCode: string;
  /** Entry index of its first-level division, -1 if none. */
  admin1Index: number;
  lat: number;
  lon: number;
  population: number;
  populationBasis: PopulationBasis;
  timezone: string;
}

export class Gazetteer {
  readonly size: number;
  readonly keys: KeyIndex;
  readonly skeletons: KeyIndex;
  readonly countryCodes: readonly string[];
  private readonly meta: Meta;
  readonly ids: Int32Array;
  readonly lat: Float32Array;
  readonly lon: Float32Array;
  readonly pop: Uint32Array;
  readonly kindCode: Uint8Array;
  readonly fcodeCode: Uint8Array;
  readonly countryCode: Uint16Array;
  private readonly tz: Uint16Array;
  readonly admin1: Int32Array;
  /** How many alternate names GeoNames gives each town (0 for regions): how widely it is named. */
  readonly altNames: Uint16Array;
  private readonly nameOff: Uint32Array;
  private readonly names: Uint8Array;
  private readonly countryEntry: Int32Array;
  private readonly countryCapital: Int32Array;
  /** Key indices worth offering as "did you mean" suggestions. */
  readonly fuzzyKeys: Int32Array;
  /** Entry indices sorted by id, for binary search by id (built on first use, ~10 ms). */
  private byId: Int32Array | null = null;
  private readonly decoder = new TextDecoder();

  constructor(path: string) {
    const f = readSectionFile(path);
    this.meta = f.meta as Meta;
    if (this.meta.version !== GAZETTEER_VERSION)
      throw new Error(`gazetteer cache ${path} is version ${this.meta.version}, want ${GAZETTEER_VERSION}`);
    this.countryCodes = this.meta.countryCodes;
    this.ids = f.i32('ids');
    this.lat = f.f32('lat');
    this.lon = f.f32('lon');
    this.pop = f.u32('pop');
    this.kindCode = f.u8('kind');
    this.fcodeCode = f.u8('fcode');
    this.countryCode = f.u16('country');
    this.tz = f.u16('tz');
    this.admin1 = f.i32('admin1');
    this.altNames = f.u16('altNames');
    this.nameOff = f.u32('nameOff');
    this.names = f.u8('names');
    this.countryEntry = f.i32('countryEntry');
    this.countryCapital = f.i32('countryCapital');
    this.fuzzyKeys = f.i32('fuzzyKeys');
    this.size = this.ids.length;
    this.keys = new KeyIndex({
      keyOff: f.u32('keyOff'),
      keyBlob: f.u8('keyBlob'),
      postOff: f.u32('postOff'),
      postings: f.i32('postings'),
      table: f.i32('keyTable'),
    });
    this.skeletons = new KeyIndex({
      keyOff: f.u32('skOff'),
      keyBlob: f.u8('skBlob'),
      postOff: f.u32('skPostOff'),
      postings: f.i32('skPostings'),
      table: f.i32('skTable'),
    });
  }

  name(i: number): string {
    return this.decoder.decode(this.names.subarray(this.nameOff[i] ?? 0, this.nameOff[i + 1] ?? 0));
  }

  kind(i: number): PlaceKind {
    return KINDS[this.kindCode[i] ?? 0] ?? 'city';
  }

  fcode(i: number): string {
    return this.meta.fcodes[this.fcodeCode[i] ?? 0] ?? '';
  }

  country(i: number): string {
    return this.meta.countryCodes[this.countryCode[i] ?? 0] ?? '';
  }

  place(i: number): Place {
    return {
      index: i,
      id: this.ids[i] ?? 0,
      name: this.name(i),
      kind: this.kind(i),
      fcode: this.fcode(i),
      countryCode: this.country(i),
      admin1Index: this.admin1[i] ?? -1,
      lat: this.latOf(i),
      lon: this.lonOf(i),
      population: this.shownPopulation(i) ?? this.pop[i] ?? 0,
      populationBasis: this.populationBasis(i),
      timezone: this.meta.tzs[this.tz[i] ?? 0] ?? '',
    };
  }

  private shownPopulation(i: number): number | undefined {
    return this.meta.shownPopulations[String(this.ids[i] ?? 0)];
  }

  private populationBasis(i: number): PopulationBasis {
    const kind = this.kind(i);
    if (kind === 'continent') return 'countries';
    if (kind === 'city' || this.shownPopulation(i) !== undefined) return 'own';
    if (kind === 'region') return 'none';
    return 'towns';
  }

  /** An entry's latitude as places give it (five decimals), without making the whole place. */
  latOf(i: number): number {
    return Math.round((this.lat[i] ?? 0) * 1e5) / 1e5;
  }

  /** An entry's longitude as places give it (five decimals). */
  lonOf(i: number): number {
    return Math.round((this.lon[i] ?? 0) * 1e5) / 1e5;
  }

  /** Entry index of a country by ISO code, -1 if unknown. */
  countryIndex(code: string): number {
    const c = this.meta.countryCodes.indexOf(code);
    return c < 0 ? -1 : (this.countryEntry[c] ?? -1);
  }

  /** Entry index of the capital city of a country code index, -1 if unknown. */
  capitalOf(i: number): number {
    return this.countryCapital[this.countryCode[i] ?? 0] ?? -1;
  }

  /** Entry index by gazetteer id (GeoNames id or synthetic negative id), -1 if unknown. Map built on first use. */
  indexOfId(id: number): number {
    if (!this.byId) {
      const order = new Int32Array(this.size);
      for (let i = 0; i < this.size; i++) order[i] = i;
      const ids = this.ids;
      order.sort((a, b) => (ids[a] ?? 0) - (ids[b] ?? 0));
      this.byId = order;
    }
    const order = this.byId;
    let lo = 0;
    let hi = order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const i = order[mid] ?? 0;
      const v = this.ids[i] ?? 0;
      if (v === id) return i;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}
