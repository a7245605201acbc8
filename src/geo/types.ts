/**
 * Offsets of the dateline's mention. Mention offsets index the body; the dateline (`BAGHDAD, March 3
 * (Reuters) -`) is cut off before it, so its mention is the empty span just before the body's first
 * character: it overlaps no body mention, sorts first, and reads as the story's lead sentence.
 */
export const DATELINE_SPAN = { start: -1, end: -1 } as const;

/** A place name found in an article, resolved against the gazetteer when possible. */
export interface PlaceMention {
  /** The name as written in the text (for the dateline's mention, as the dateline gives it). */
  name: string;
  /** Offsets into the body; DATELINE_SPAN for the dateline's mention. */
  start: number;
  end: number;
  geonameId: number | null;
  countryCode: string | null;
  lat: number | null;
  lon: number | null;
  /** The story was filed from here: the dateline's place (issue 14). Absent on body mentions. */
  dateline?: true;
}

/** Whether a stored mention is the dateline's (the store keeps only the span, so it is read from it). */
export function isDatelineSpan(m: Pick<PlaceMention, 'start'>): boolean {
  return m.start === DATELINE_SPAN.start;
}

/**
 * Gazetteer ids are GeoNames ids for populated places and continents; countries, divisions and news
 * regions (whose GeoNames ids the npm data does not carry) get stable negative ids.
 */
export type PlaceKindName = 'city' | 'country' | 'admin1' | 'admin2' | 'continent' | 'region';

/**
 * What a place's population counts: GeoNames' figure for the place itself (towns, most countries), the
 * sum of its towns of 500+ (divisions, and a country GeoNames gives no figure for), the sum of its
 * countries (continents), or nothing a reader should be told: a news region's figure is the sum of the
 * countries it touches (all of Sudan for Darfur, of the United States for Long Island), kept for ranking.
 */
export type PopulationBasis = 'own' | 'towns' | 'countries' | 'none';

/** One gazetteer place, as /where shows it and `--json` returns it. */
export interface PlaceInfo {
  name: string;
  kind: PlaceKindName;
  /** Human wording of the kind: "national capital", "provincial capital", "governorate", "country". */
  kindLabel: string;
  geonameId: number;
  countryCode: string | null;
  country: string | null;
  /** Name of the first-level division it lies in (or is), null when none. */
  admin1: string | null;
  lat: number;
  lon: number;
  population: number;
  populationBasis: PopulationBasis;
  timezone: string | null;
  /** GeoNames feature code (PPLA, PPLC, ADM1, PCLI, ...). */
  featureCode: string;
}

/** Distance and direction of a place from a reference place. */
export interface PlaceRelation {
  from: PlaceInfo;
  km: number;
  /** Compass direction from `from` to the place, e.g. "NE". */
  direction: string;
}

export interface PlaceLookup {
  /** The best match, or null when nothing fits. */
  place: PlaceInfo | null;
  /** Other places the name may mean, best first. */
  alternatives: PlaceInfo[];
  /** True when the best and the next are close: show the alternatives. */
  ambiguous: boolean;
  /** The division of the same name when a plain name chose the city (`Raqqa` → also Raqqa governorate). */
  division: PlaceInfo | null;
  /** How the query matched: its exact spelling, a transliteration variant, or nothing. */
  matchedBy: 'exact' | 'spelling' | 'none';
  /** "Did you mean" names when nothing fits (or the match was only a spelling variant). */
  suggestions: string[];
}

export interface FindPlacesOptions {
  /** Gazetteer id → stored mentions (`store.placeMentionCounts()`), to prefer what the news talks about. */
  storeCounts?: ReadonlyMap<number, number>;
  /**
   * The story's dateline place (`article.datelinePlace`): resolved in the body's context and
   * returned first, marked `dateline: true`, with DATELINE_SPAN.
   */
  dateline?: string | null;
}

/**
 * What the rest of the bot needs from geography. Built once at start (the gazetteer index loads fast)
 * and passed in; `src/geo/` owns the implementation (`loadGeoService()` in src/geo/geo-service.ts).
 */
export interface GeoService {
  /** Find and resolve the place names in a text (offsets into that text), the dateline's place first when given. */
  findPlaces(text: string, options?: FindPlacesOptions): PlaceMention[];
  /** Resolve a typed place name (`Deir ez-Zor`, `Hasakah province`, `Paris, France`). */
  lookup(query: string, options?: FindPlacesOptions): PlaceLookup;
  /** Autocomplete: places whose name starts with the typed text, most important first. */
  suggest(prefix: string, limit: number): PlaceInfo[];
  /** A place by gazetteer id, null if unknown. */
  getPlace(geonameId: number): PlaceInfo | null;
  /** Distance and direction from the country's capital (null for countries, regions and capitals). */
  relationToCapital(place: PlaceInfo): PlaceRelation | null;
  /** Distance and direction between two places. */
  relation(place: PlaceInfo, from: PlaceInfo): PlaceRelation;
  /** A locator map PNG: the place's country highlighted, the place marked and labelled. */
  renderLocatorMap(place: PlaceInfo, options?: { width?: number; height?: number }): Uint8Array;
}
