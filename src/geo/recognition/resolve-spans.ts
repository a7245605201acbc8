/**
 * Resolution of the recognised names in the document's context: what the story's confident names say
 * about its country and division, `Town, State` and `the province of X`, one sense per name and story,
 * lists of divisions and countries, possessives, and the dateline's place.
 */
import { foldName } from '../fold.js';
import type { Gazetteer } from '../gazetteer.js';
import { buildCompanions, type Companions } from '../companions.js';
import { REGIONS } from '../aliases.js';
import { splitDateline, withinQualifier } from '../dateline-place.js';
import {
  exactCandidates,
  nearestAnchorKm,
  queryCandidates,
  rankCandidates,
  type Candidate,
  type Ranked,
  type ResolveContext,
} from '../resolve.js';
import type { FoundSpan, ResolvedSpan } from './spans.js';
import { WORLD_CITY, closestKm, isKindStrong, isUsState, isWellKnown, liesIn } from './candidate-kinds.js';
import { LIST_GAP, POSSESSIVE_GAP } from './cues.js';

/** What one confident span says about the document: its country and division. */
interface Contribution {
  key: string;
  country: string;
  countryWeight: number;
  admin1: number;
  admin1Weight: number;
  /** The town's point (NaN for countries and divisions): an anchor for nearby names. */
  lat: number;
  lon: number;
}

/** The context a document gives, kept per name so a name never votes for itself (`Mexico` for Mexico City). */
export interface DocumentContext {
  base: ResolveContext;
  contributions: Contribution[];
  companions: Companions;
}

export function documentContext(gaz: Gazetteer, spans: readonly FoundSpan[], base: ResolveContext): DocumentContext {
  const contributions: Contribution[] = [];
  for (const s of spans) {
    const ranked = rankCandidates(gaz, s.candidates, base);
    const top = ranked[0];
    if (!top) continue;
    const second = ranked[1];
    if (second && top.score - second.score < 1.5) continue;
    const kind = gaz.kind(top.index);
    const key = foldName(s.name);
    const cc = gaz.country(top.index);
    if (kind === 'country') contributions.push({ key, country: cc, countryWeight: 1, admin1: -1, admin1Weight: 0, lat: NaN, lon: NaN });
    else if (kind === 'admin1')
      contributions.push({ key, country: cc, countryWeight: 0.7, admin1: top.index, admin1Weight: 1, lat: NaN, lon: NaN });
    else if (kind === 'city' || kind === 'admin2') {
      const lat = kind === 'city' ? (gaz.lat[top.index] ?? NaN) : NaN;
      const lon = kind === 'city' ? (gaz.lon[top.index] ?? NaN) : NaN;
      contributions.push({ key, country: cc, countryWeight: 0.5, admin1: gaz.admin1[top.index] ?? -1, admin1Weight: 0.5, lat, lon });
    }
  }
  const companions = buildCompanions(
    gaz,
    spans.map((s) => ({ key: foldName(s.name), candidates: s.candidates })),
  );
  return { base, contributions, companions };
}

/** The context for resolving one name: every other name's contribution, scaled to the strongest. */
export function contextFor(doc: DocumentContext, name: string): ResolveContext {
  const key = foldName(name);
  const countries = new Map(doc.base.countries);
  const admin1s = new Map(doc.base.admin1s);
  const anchors: number[] = [];
  for (const c of doc.contributions) {
    if (c.key === key) continue;
    countries.set(c.country, (countries.get(c.country) ?? 0) + c.countryWeight);
    if (c.admin1 >= 0) admin1s.set(c.admin1, (admin1s.get(c.admin1) ?? 0) + c.admin1Weight);
    if (!Number.isNaN(c.lat)) anchors.push(c.lat, c.lon);
  }
  // Relative weights: the document's main country counts fully, a passing mention less.
  const maxC = Math.max(1, ...countries.values());
  for (const [k, v] of countries) countries.set(k, v / maxC);
  return { countries, admin1s, storeCounts: doc.base.storeCounts, anchors, companions: { grid: doc.companions, key } };
}

/**
 * The words between a name and the division or country it lies in: `in`, after a short list of
 * other names (`Haris and Varzaqan in`, `Foua, Kfraya and Zahra in`), with the division's word
 * (`in the province of`).
 */
const IN_CONTAINER_GAP =
  /^(?:\s*(?:,|,?\s+and|,?\s+or)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)*\s+in\s+(?:the\s+)?(?:(?:province|state|region|governorate|county|district) of\s+)?$/u;

/** A list going on after a name: `, Hamburg and Essen`, `and Western Railway`, `or Tokyo`. */
const LIST_GOES_ON = /^(\s*,\s*|\s*,?\s+(and|or)\s+)\p{Lu}/u;

/**
 * A candidate a division after a comma can overrule: a town or county, or a bigger place known by this
 * spelling only as another name (`Warrington, Pa.` is no English town, `Bothan, Ala.` no Libyan district).
 */
function isTownOrNamesake(gaz: Gazetteer, c: Candidate): boolean {
  const kind = gaz.kind(c.index);
  return kind === 'city' || kind === 'admin2' || !c.primary;
}

/**
 * The state or province after `Town, ` when no town of the name lies in it (`HOLLIDAY, Mo.`: the
 * village of 140 is not in the gazetteer, the Holliday it has is in Texas): the town is somewhere in
 * that state, so it stands at the state's point rather than at a namesake elsewhere. Only a state
 * that is no big city's name too (`London, New York and Tokyo` lists cities; Ontario, California, is
 * no such city for the province) and that ends the list (`Chicago, Missouri and Western Railway` is a firm).
 */
function stateOfUnknownTown(gaz: Gazetteer, text: string, next: FoundSpan, ctx: ResolveContext): Ranked | null {
  if (LIST_GOES_ON.test(text.slice(next.end, next.end + 40))) return null;
  // `First National Bank of Boston, Florida Federal Savings`: the state's name opens a firm's.
  if (!next.name.endsWith('.') && /^\s+\p{Lu}/u.test(text.slice(next.end, next.end + 3))) return null;
  const top = rankCandidates(gaz, next.candidates, ctx)[0];
  if (!top || gaz.kind(top.index) !== 'admin1') return null;
  // A city the news names as often as the state (New York, Washington) may be what the comma lists;
  // a lesser namesake (Ontario, California, for the province) is not.
  const statePop = gaz.pop[top.index] ?? 0;
  const bigCity = next.candidates.some(
    (c) => gaz.kind(c.index) === 'city' && (gaz.pop[c.index] ?? 0) >= 100_000 && (gaz.pop[c.index] ?? 0) * NAMESAKE_TOWN_SHARE >= statePop,
  );
  return bigCity ? null : top;
}

/**
 * Resolve one span in the document context. `X, Y` lets Y (a country or division) constrain X;
 * `the province of X` / `X province` asks for the division.
 */
export function resolveSpan(gaz: Gazetteer, text: string, s: FoundSpan, next: FoundSpan | undefined, ctx: ResolveContext): ResolvedSpan {
  let cands = s.candidates;
  // Not in lists of countries or divisions (`Iraq, Iran`, `Illinois, Iowa`): only a name that is not itself one.
  let narrowed = false;
  const gap = next ? text.slice(s.end, next.start) : '';
  const comma = /^,\s?$/.test(gap);
  // `Haris and Varzaqan in East Azerbaijan`: the division or country after `in` holds the names before it.
  const within = !comma && IN_CONTAINER_GAP.test(gap) && !cands.some((c) => gaz.kind(c.index) === 'country');
  // A country's name before a comma and another country (`in Russia, U.S. officials said`, `China,
  // Japan and Britain`) is the country: towns named after countries (Russia, Ohio; Lebanon, Pa.) are
  // written with their state, not their country.
  const countryBeforeCountry =
    comma &&
    !!next &&
    cands.some((c) => c.primary && gaz.kind(c.index) === 'country') &&
    !next.candidates.some((c) => gaz.kind(c.index) === 'admin1' || gaz.kind(c.index) === 'admin2');
  if (next && (comma || within) && !countryBeforeCountry) {
    const containers = new Set<string>();
    const nextCountries = new Set<string>();
    // Counties (`Thruxton, Hampshire`): a town near the county's middle lies in it.
    const counties = next.candidates.filter((c) => gaz.kind(c.index) === 'admin2' && c.primary);
    for (const c of next.candidates) {
      const kind = gaz.kind(c.index);
      if (kind === 'country') containers.add('c:' + gaz.country(c.index));
      if (kind === 'admin1') containers.add('a:' + c.index);
      if (kind === 'country' || kind === 'admin1') nextCountries.add(gaz.country(c.index));
    }
    // A country or division of the name in the same country as the next one is a list (`Georgia,
    // Alabama`); one elsewhere is not (`Santa Ana, California` is no Salvadoran department), nor is a
    // state abbreviated as a town's is (`Washington, N.J.`, `Kansas City, Mo.`): a list writes them out.
    const listed =
      !/\.$/.test(next.name) &&
      cands.some(
        (c) => c.primary && (gaz.kind(c.index) === 'country' || gaz.kind(c.index) === 'admin1') && nextCountries.has(gaz.country(c.index)),
      );
    const inside = cands.filter(
      (c) =>
        containers.has('c:' + gaz.country(c.index)) ||
        containers.has('a:' + (gaz.admin1[c.index] ?? -1)) ||
        (gaz.kind(c.index) === 'city' && counties.some((k) => liesIn(gaz, c.index, k.index))),
    );
    // After a comma the town must bear the name itself (`Santa Ana, California`); `in` is explicit
    // enough for a town known by that spelling only as another name (`Haris` for Herīs).
    if (!listed && inside.some((c) => (within || c.primary) && gaz.kind(c.index) !== 'country' && gaz.kind(c.index) !== 'admin1')) {
      cands = inside;
      narrowed = true;
    } else if (comma && inside.length === 0 && !listed && cands.every((c) => isTownOrNamesake(gaz, c))) {
      const state = stateOfUnknownTown(gaz, text, next, ctx);
      if (state) return { ...s, ranked: [state], chosen: state.index, narrowed: true };
    }
  }
  const before = text.slice(Math.max(0, s.start - 30), s.start);
  const after = text.slice(s.end, s.end + 15);
  // `a Gulf state`, `the Baltic states`, `the Gulf region`: a country of the region, not a division
  // named after it (`Red Sea governorate` is one).
  const ofRegion =
    /^\s+(states?|region)\b/i.test(after) &&
    cands.some((c) => c.primary && (gaz.kind(c.index) === 'region' || gaz.kind(c.index) === 'continent'));
  if (
    !ofRegion &&
    (/\b(province|governorate|state|region|county) of\s+(the\s+)?$/i.test(before) ||
      // `New York Gov. Andrew Cuomo`: a governor's is the state.
      /^\s+(province|governorate|county|region|state|gov\.|governor)(?=[\s,.;:)]|$)/i.test(after))
  ) {
    const divisions = cands.filter((c) => gaz.kind(c.index) === 'admin1' || gaz.kind(c.index) === 'admin2');
    if (divisions.length > 0) cands = divisions;
  }
  // `the Georgia Democrat`, `a Washington Republican`: a US state's member of Congress. Only this
  // mention: the story's bare `Washington` is still the capital (`patience is frayed in Washington`).
  let local = false;
  if (/^\s+(Democrats?|Republicans?)\b/.test(after)) {
    const states = cands.filter((c) => isUsState(gaz, c));
    if (states.length > 0 && states.length < cands.length) {
      cands = states;
      local = true;
    }
  }
  // `the city of Turkey`, `the town of Paris`: a town, not the country or division of the name.
  if (/\b(city|town|village) of\s+$/i.test(before)) {
    const towns = cands.filter((c) => gaz.kind(c.index) === 'city');
    if (towns.length > 0) cands = towns;
  }
  const ranked = rankCandidates(gaz, cands, ctx);
  const chosen = namesakeTown(gaz, ranked, ctx) ?? ranked[0]?.index ?? -1;
  return { name: s.name, start: s.start, end: s.end, candidates: s.candidates, ranked, chosen, narrowed, local };
}

/**
 * The big town inside a division that bears the division's name is what the bare name means in the
 * news (`a New York investor`, `dealers in Zurich`, `Osaka`, `Sao Paulo`), as /where reads it: when
 * the division ranks first, its town of that name wins if it holds a tenth of the division's people
 * or more (Quebec City, a fourteenth of its province, does not: `the Quebec government`). Not in a
 * story that names other divisions of the country (`two in Kansas, one in Ohio. New York has 28`),
 * nor one whose other towns in the division lie away from that town (`Buffalo, New York`).
 */
function namesakeTown(gaz: Gazetteer, ranked: readonly Ranked[], ctx: ResolveContext): number | undefined {
  const top = ranked[0];
  if (!top || gaz.kind(top.index) !== 'admin1') return undefined;
  // The town's own name is the division's (`Osaka`), or a world city's that the news shortens to it
  // (`New York City`; not `Oklahoma City`, whose `Oklahoma` is the state).
  const key = foldName(gaz.name(top.index));
  const town = ranked.find(
    (c) =>
      c.primary &&
      gaz.kind(c.index) === 'city' &&
      gaz.admin1[c.index] === top.index &&
      (foldName(gaz.name(c.index)) === key || (gaz.pop[c.index] ?? 0) >= WORLD_CITY),
  );
  if (!town || (gaz.pop[town.index] ?? 0) * NAMESAKE_TOWN_SHARE < (gaz.pop[top.index] ?? 0)) return undefined;
  const cc = gaz.country(top.index);
  for (const [a, w] of ctx.admin1s) if (a !== top.index && w >= 1 && gaz.country(a) === cc) return undefined;
  const inDivision = ctx.admin1s.get(top.index) ?? 0;
  if (inDivision > 0 && !(ctx.anchors && nearestAnchorKm(gaz.lat[town.index] ?? 0, gaz.lon[town.index] ?? 0, ctx.anchors) < 50))
    return undefined;
  return town.index;
}

/** See namesakeTown. */
const NAMESAKE_TOWN_SHARE = 10;

/** Resolve each span in the document context (one context per distinct name). */
export function resolveSpans(gaz: Gazetteer, text: string, spans: readonly FoundSpan[], doc: DocumentContext): ResolvedSpan[] {
  const perName = new Map<string, ResolveContext>();
  const resolved = spans.map((s, k) => {
    const key = foldName(s.name);
    let ctx = perName.get(key);
    if (!ctx) {
      ctx = contextFor(doc, s.name);
      perName.set(key, ctx);
    }
    return resolveSpan(gaz, text, inListOfDivisions(gaz, text, spans, k, doc.base), containerAfter(text, spans, k), ctx);
  });
  notTheLongerNamed(gaz, resolved);
  const owned = withinOwnerTown(gaz, text, resolved);
  for (const i of withinOwnerCountry(gaz, text, resolved)) owned.add(i);
  const usGulf = withinUsGulf(gaz, text, resolved);
  if (usGulf >= 0) owned.add(usGulf);
  // One place per name and story: `Paris, Missouri` early on makes a later bare `Paris` the same town.
  const pinned = new Map<string, number>();
  for (const r of resolved) if (r.narrowed && r.chosen >= 0) pinned.set(foldName(r.name), r.chosen);
  // ...and so does a reading the words around one mention chose among the name's places (`New York`
  // in a list of states, `Nyanza province`, `the governor of Georgia`): a bare `New York` or `Georgia`
  // elsewhere in that story is the state too. The words may have chosen when the mention was found
  // (a state's office), so the choice is against the most places any mention of the name could be.
  const readings = new Map<string, number>();
  for (const s of spans) {
    const key = foldName(s.name);
    readings.set(key, Math.max(readings.get(key) ?? 0, s.candidates.length));
  }
  const chose = (r: ResolvedSpan, k: number): boolean =>
    !r.narrowed &&
    !r.local &&
    r.chosen >= 0 &&
    r.ranked.length < Math.max((spans[k] as FoundSpan).candidates.length, readings.get(foldName(r.name)) ?? 0);
  resolved.forEach((r, k) => {
    const key = foldName(r.name);
    if (chose(r, k) && !pinned.has(key)) pinned.set(key, r.chosen);
  });
  if (pinned.size === 0) return resolved;
  return resolved.map((r, k) => {
    const at = r.narrowed || r.local || chose(r, k) ? undefined : pinned.get(foldName(r.name));
    const known = r.candidates.some((c) => c.index === at) || (at !== undefined && owned.has(at));
    return at !== undefined && at !== r.chosen && known ? { ...r, chosen: at } : r;
  });
}

/**
 * `service to Mexico` in a story that also writes `Mexico City`: the writer tells the two apart, so a
 * name is not the town whose longer name it shortens when the story writes that name in full too
 * (Kuwait and Kuwait City, Panama and Panama City): the country of that name wins. Updates `resolved`
 * in place.
 */
function notTheLongerNamed(gaz: Gazetteer, resolved: ResolvedSpan[]): void {
  const written = new Set(resolved.map((r) => foldName(r.name)));
  resolved.forEach((r, k) => {
    if (r.chosen < 0 || r.narrowed || gaz.kind(r.chosen) !== 'city') return;
    const own = foldName(gaz.name(r.chosen));
    const key = foldName(r.name);
    if (own === key || !own.startsWith(key + ' ') || !written.has(own)) return;
    // (Only for the town's own country: `Rio` beside `Rio de Janeiro` is still the city, `New York`
    // beside `New York City` too, as the news writes them.)
    const country = r.ranked.find((x) => gaz.kind(x.index) === 'country' && gaz.country(x.index) === gaz.country(r.chosen));
    if (country) resolved[k] = { ...r, chosen: country.index };
  });
}

/**
 * `the U.S. Gulf`, `the Louisiana Gulf`, `FOB Texas Gulf`: the Gulf of Mexico's coast, where US grain
 * and crude are priced, not the Persian Gulf; and so is a bare `Gulf` elsewhere in that story (`loadings
 * at the Gulf`). Returns the Gulf of Mexico's entry when it stands for such names, else -1 (updates
 * `resolved` in place).
 */
function withinUsGulf(gaz: Gazetteer, text: string, resolved: ResolvedSpan[]): number {
  const isGulf = (r: ResolvedSpan): boolean => foldName(r.name) === 'gulf';
  // What stands right before mention k: a place of the US (`U.S. Gulf`), another name (`Mideast Gulf`), or none.
  const prefix = (k: number): 'us' | 'other' | null => {
    const prev = resolved[k - 1];
    if (!prev || !/^\.?[ \t\n]$/.test(text.slice(prev.end, (resolved[k] as ResolvedSpan).start))) return null;
    return inUs(gaz, prev.chosen) ? 'us' : 'other';
  };
  if (!resolved.some((r, k) => isGulf(r) && prefix(k) === 'us')) return -1;
  const mexico = exactCandidates(gaz, 'gulf of mexico').find((c) => gaz.kind(c.index) === 'region');
  if (!mexico) return -1;
  // A bare `Gulf` goes with them unless the story is also about the Persian Gulf's shores (`In the
  // Mideast Gulf, propane eased`, `Saudi exports from Gulf ports`).
  const persian = resolved.some((r) => r.chosen >= 0 && PERSIAN_GULF_COUNTRIES.has(gaz.country(r.chosen)));
  resolved.forEach((r, k) => {
    if (!isGulf(r)) return;
    const p = prefix(k);
    if (p === 'us' || (p === null && !persian)) resolved[k] = { ...r, chosen: mexico.index };
  });
  return mexico.index;
}

/** The countries on the Persian Gulf (the region list's own). */
const PERSIAN_GULF_COUNTRIES = new Set(REGIONS.find((r) => r.name === 'Persian Gulf')?.countries ?? []);

/** Whether entry i is the United States or a place in it. */
function inUs(gaz: Gazetteer, i: number): boolean {
  return i >= 0 && gaz.country(i) === 'US';
}

/** Each span right after the possessive of a place of this kind (`Iran's Kharg`, `Cairo's Abbasiya`): its index, the owner, the span. */
function* afterPossessive(
  gaz: Gazetteer,
  text: string,
  resolved: readonly ResolvedSpan[],
  kind: 'country' | 'city',
): Generator<[number, ResolvedSpan, ResolvedSpan]> {
  for (let k = 1; k < resolved.length; k++) {
    const r = resolved[k] as ResolvedSpan;
    const owner = resolved[k - 1] as ResolvedSpan;
    if (owner.chosen >= 0 && gaz.kind(owner.chosen) === kind && POSSESSIVE_GAP.test(text.slice(owner.end, r.start))) yield [k, owner, r];
  }
}

/**
 * `Iran's Kharg island`, `Britain's Halifax`: a name after a country's possessive lies in that
 * country. Its best candidate there wins; when it has none, a name of lesser towns only (none a
 * country, division or region, none well known) is a place there the gazetteer lacks (an island, an oil field, a port) and
 * stands for the country, not for a namesake village abroad. Returns the countries that now stand for
 * such names (updates `resolved` in place).
 */
function withinOwnerCountry(gaz: Gazetteer, text: string, resolved: ResolvedSpan[]): Set<number> {
  const owners = new Set<number>();
  for (const [k, owner, r] of afterPossessive(gaz, text, resolved, 'country')) {
    // A sea or region read as such stays one (`America's New England`, `Britain's North Sea`).
    const kind = r.chosen >= 0 ? gaz.kind(r.chosen) : '';
    if (kind === 'region' || kind === 'continent') continue;
    const cc = gaz.country(owner.chosen);
    const inside = r.ranked.find((c) => gaz.country(c.index) === cc) ?? r.candidates.find((c) => gaz.country(c.index) === cc);
    if (inside) {
      resolved[k] = { ...r, chosen: inside.index, narrowed: true };
      continue;
    }
    // A famous town keeps its name (`Chad's Paris embassy`).
    if (r.chosen < 0 || isWellKnown(gaz, r.candidates)) continue;
    owners.add(owner.chosen);
    resolved[k] = { ...r, chosen: owner.chosen, narrowed: true };
  }
  return owners;
}

/**
 * `Giza's Haram district`, `Cairo's Abbasiya neighbourhood`: a name after a town's possessive lies in
 * that town. Its own candidate near the town wins; when it has none (a quarter the gazetteer lacks,
 * its name borne by villages far away) it stands for the town itself. Names of countries and
 * divisions keep their reading (`Texas's Harris County` is no quarter of a town). Returns the towns
 * that now stand for such names (updates `resolved` in place).
 */
function withinOwnerTown(gaz: Gazetteer, text: string, resolved: ResolvedSpan[]): Set<number> {
  const owners = new Set<number>();
  for (const [k, owner, r] of afterPossessive(gaz, text, resolved, 'city')) {
    if (isKindStrong(gaz, r.candidates)) continue;
    const town: Candidate[] = [{ index: owner.chosen, primary: true, viaSkeleton: false }];
    const near = r.ranked.find((c) => closestKm(gaz, [c], town) <= OWNER_TOWN_KM);
    // A famous town keeps its name (`Morgan Guaranty Trust Co of New York's London office`).
    if (!near && isWellKnown(gaz, r.candidates)) continue;
    const chosen = near ? near.index : owner.chosen;
    if (!near) owners.add(owner.chosen);
    resolved[k] = { ...r, chosen, narrowed: true };
  }
  return owners;
}

/** How far a quarter may lie from the town it belongs to. */
const OWNER_TOWN_KM = 50;

/**
 * The span that may say where span k lies: the next one, or past a list of names the one after
 * `in` (`London and Paris in Ontario`: Ontario for London too).
 */
function containerAfter(text: string, spans: readonly FoundSpan[], k: number): FoundSpan | undefined {
  const s = spans[k] as FoundSpan;
  const next = spans[k + 1];
  if (!next || !LIST_GAP.test(text.slice(s.end, next.start))) return next;
  for (let j = k + 2; j < spans.length && j <= k + 6; j++) {
    const prev = spans[j - 1] as FoundSpan;
    const gap = text.slice(prev.end, (spans[j] as FoundSpan).start);
    if (LIST_GAP.test(gap)) continue;
    return IN_CONTAINER_GAP.test(gap) ? spans[j] : next;
  }
  return next;
}

/**
 * A name in a list of first-level divisions is one too: `Oregon, Utah, Washington and Wisconsin` are
 * four states, not three and the capital. Applies when a listed neighbour reads as a division on its
 * own and the name has a division among its candidates.
 */
function inListOfDivisions(gaz: Gazetteer, text: string, spans: readonly FoundSpan[], k: number, base: ResolveContext): FoundSpan {
  const s = spans[k] as FoundSpan;
  const listedCountry = inListOfCountries(gaz, text, spans, k, base);
  if (listedCountry) return listedCountry;
  const divisions = s.candidates.filter((c) => c.primary && gaz.kind(c.index) === 'admin1');
  if (divisions.length === 0 || divisions.length === s.candidates.length) return s;
  // A neighbour in the list that reads as a division on its own, and this name's divisions in its
  // country (`WA and Portland` lists no Jamaican parish).
  const listedWith = (n: FoundSpan | undefined, gap: string): Candidate[] => {
    if (!n || !LIST_GAP.test(gap)) return [];
    const top = rankCandidates(gaz, n.candidates, base)[0];
    if (!top || gaz.kind(top.index) !== 'admin1') return [];
    return divisions.filter((c) => gaz.country(c.index) === gaz.country(top.index));
  };
  const prev = spans[k - 1];
  const next = spans[k + 1];
  const listedBefore = prev ? listedWith(prev, text.slice(prev.end, s.start)) : [];
  // `Santa Ana, California`: a town of the name inside the next division is a town and its state;
  // not inside a list of states (`Virginia, Washington, West Virginia and Wyoming`).
  // ...nor when the list goes on past that division (`in Washington, Pennsylvania and California`).
  const afterNext = spans[k + 2];
  const goesOn = !!next && !!afterNext && listedWith(afterNext, text.slice(next.end, afterNext.start)).length > 0;
  const townState = listedBefore.length === 0 && !goesOn && !!next && /^,\s?$/.test(text.slice(s.end, next.start));
  const nextDivisions = new Set(next && townState ? next.candidates.filter((c) => gaz.kind(c.index) === 'admin1').map((c) => c.index) : []);
  if (s.candidates.some((c) => c.primary && gaz.kind(c.index) === 'city' && nextDivisions.has(gaz.admin1[c.index] ?? -1))) return s;
  const listed = listedBefore.length > 0 ? listedBefore : next ? listedWith(next, text.slice(s.end, next.start)) : [];
  return listed.length > 0 ? { ...s, candidates: listed } : s;
}

/**
 * A name in a list of countries is the country of the name (`Mali, Niger, and Senegal` is no
 * Nigerian state, even in a story about Nigeria): when a listed neighbour reads as a country on its own.
 */
function inListOfCountries(gaz: Gazetteer, text: string, spans: readonly FoundSpan[], k: number, base: ResolveContext): FoundSpan | null {
  const s = spans[k] as FoundSpan;
  const countries = s.candidates.filter((c) => c.primary && gaz.kind(c.index) === 'country');
  if (countries.length === 0 || countries.length === s.candidates.length) return null;
  const listedCountry = (n: FoundSpan | undefined, gap: string): boolean => {
    if (!n || !LIST_GAP.test(gap)) return false;
    const top = rankCandidates(gaz, n.candidates, base)[0];
    return !!top && gaz.kind(top.index) === 'country';
  };
  const prev = spans[k - 1];
  const next = spans[k + 1];
  // `Georgia, Russia`: a neighbour written as `X, Y` may be a division and its country; only a list
  // of three or more, or one joined by `and`/`or`, says so.
  const gapBefore = prev ? text.slice(prev.end, s.start) : '';
  const gapAfter = next ? text.slice(s.end, next.start) : '';
  const both = listedCountry(prev, gapBefore) && listedCountry(next, gapAfter);
  const joined =
    (listedCountry(prev, gapBefore) && /\b(and|or)\s+$/.test(gapBefore)) ||
    (listedCountry(next, gapAfter) && /\b(and|or)\s+$/.test(gapAfter));
  return both || joined ? { ...s, candidates: countries } : null;
}

/**
 * The entry a story's dateline names, in the context of its body's places, or -1. A dateline names
 * where the reporter filed from, a town: a town of the name wins over a division or country of it
 * (`WASHINGTON` is the capital, `NEW YORK` the city).
 */
export function resolveDateline(gaz: Gazetteer, name: string, doc: DocumentContext, body: readonly ResolvedSpan[] = []): number {
  // `SPRINGFIELD, Va.`: the town, among those of the state, province or country after it.
  const { town, qualifier } = splitDateline(name);
  const cands = withinQualifier(gaz, datelineCandidates(gaz, town), qualifier);
  if (cands.length <= 1) return cands[0]?.index ?? -1;
  // A dateline without its state that names a national capital is the capital (`WASHINGTON` over a
  // story of SEC filings by `Far Hills, N.J.` investors is no Washington, New Jersey): the wires
  // qualify a lesser town's dateline. Unless the body itself names the town with its state, or a
  // bigger town bears the name too (`SAN JOSE` alone is California's as often as Costa Rica's).
  // (A capital bearing the name itself: `PHILADELPHIA` is no Amman, `SALVADOR` no San Salvador.)
  const capital = qualifier === null ? cands.find((c) => c.primary && gaz.fcode(c.index) === 'PPLC') : undefined;
  if (capital && cands.every((c) => (gaz.pop[c.index] ?? 0) <= (gaz.pop[capital.index] ?? 0))) {
    const key = foldName(town);
    const named = body.find((r) => r.narrowed && r.chosen >= 0 && foldName(r.name) === key && cands.some((c) => c.index === r.chosen));
    return named ? named.chosen : capital.index;
  }
  return rankCandidates(gaz, cands, contextFor(doc, town))[0]?.index ?? -1;
}

/** Candidates of dateline names, memoised: a wire's datelines repeat (`NEW YORK`, `LONDON`) story after story. */
const datelineMemo = new WeakMap<Gazetteer, Map<string, Candidate[]>>();

function datelineCandidates(gaz: Gazetteer, name: string): Candidate[] {
  let memo = datelineMemo.get(gaz);
  if (!memo) datelineMemo.set(gaz, (memo = new Map<string, Candidate[]>()));
  const hit = memo.get(name);
  if (hit) return hit;
  const cands = queryCandidates(gaz, name).candidates;
  const towns = cands.filter((c) => gaz.kind(c.index) === 'city');
  const out = towns.length > 0 ? towns : cands;
  // Bounded: a feed of odd datelines must not grow it without end.
  if (memo.size >= 2_000) memo.clear();
  memo.set(name, out);
  return out;
}
