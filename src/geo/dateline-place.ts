import { POSTAL_CODES } from './aliases.js';
import { foldName } from './fold.js';
import type { Gazetteer } from './gazetteer.js';
import { exactCandidates, queryCandidates, type Candidate } from './resolve.js';

/**
 * A dateline's place as the wire writes it: the town, then often its state, province or country
 * (`SPRINGFIELD, Va.`, `CAMBRIDGE, Mass.`, `KINGSTON, Jamaica`, `LOUISVILLE, KY`). A quarter of the
 * Reuters corpus's datelines carry one, and it is the only thing telling Cambridge, Massachusetts from
 * Cambridge, England when the story never names the state.
 */
export function splitDateline(name: string): { town: string; qualifier: string | null } {
  const comma = name.indexOf(',');
  if (comma < 0) return { town: name.trim(), qualifier: null };
  const qualifier = name.slice(comma + 1).trim();
  return { town: name.slice(0, comma).trim(), qualifier: qualifier || null };
}

/**
 * Qualifiers datelines use that are neither AP style nor a name the gazetteer has: older or informal
 * abbreviations and the countries of 1987 (seen in the Reuters corpus's datelines).
 */
const QUALIFIER_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['penn', 'Pennsylvania'],
  ['tex', 'Texas'],
  ['wisc', 'Wisconsin'],
  ['dela', 'Delaware'],
  // AP style writes Maine out; the older wires abbreviated it (`PORTLAND, Me.` is no Oregon town).
  ['me', 'Maine'],
  ['west germany', 'Germany'],
  ['east germany', 'Germany'],
]);

/** The divisions and countries a qualifier names: an AP or postal abbreviation, a division's or a country's name. */
function qualifierPlaces(gaz: Gazetteer, qualifier: string): { divisions: Set<number>; countries: Set<string> } {
  const divisions = new Set<number>();
  const countries = new Set<string>();
  const add = (cands: readonly Candidate[]): void => {
    for (const c of cands) {
      const kind = gaz.kind(c.index);
      if (kind === 'admin1') divisions.add(c.index);
      else if (kind === 'country') countries.add(gaz.country(c.index));
    }
  };
  const variant = QUALIFIER_VARIANTS.get(qualifier.toLowerCase().replace(/\.$/, ''));
  if (variant) return qualifierPlaces(gaz, variant);
  const bare = qualifier.replace(/\.$/, '');
  const postal = /^[A-Z]{2}$/.test(bare) ? POSTAL_CODES.get(bare) : undefined;
  if (postal)
    add(
      exactCandidates(gaz, foldName(postal.name)).filter((c) => gaz.kind(c.index) === 'admin1' && gaz.country(c.index) === postal.country),
    );
  const key = foldName(qualifier);
  if (key) {
    // `Mass.`, `MICH.` and the dotless `Fla`, `Calif` all name the AP form (the gazetteer keys it with its dot, folding drops it).
    add(exactCandidates(gaz, key));
    add(exactCandidates(gaz, `${key}.`));
    if (divisions.size === 0 && countries.size === 0) add(queryCandidates(gaz, qualifier).candidates);
  }
  return { divisions, countries };
}

/**
 * The states, provinces and countries a qualifier names (`Mass.`, `MI`, `Ontario`, `West Germany`, `Me.`),
 * as candidates: for a dateline, and for a typed `/where Portland, Me.`.
 */
export function qualifierCandidates(gaz: Gazetteer, qualifier: string): Candidate[] {
  return asCandidates(gaz, qualifierPlaces(gaz, qualifier));
}

/** The divisions and the countries' entries of `qualifierPlaces` as gazetteer candidates. */
function asCandidates(gaz: Gazetteer, places: { divisions: Set<number>; countries: Set<string> }): Candidate[] {
  const countryEntries = [...places.countries].map((code) => gaz.countryIndex(code)).filter((i) => i >= 0);
  return [...countryEntries, ...places.divisions].map((index) => ({ index, primary: true, viaSkeleton: false }));
}

/**
 * Of a dateline town's candidates, those inside the division or country its qualifier names; all of
 * them when there is no qualifier or the qualifier names nothing (a misspelt state must not lose the
 * town). When the qualifier names one state or country and no town of the name lies in it, the town is
 * one the gazetteer lacks (`WARRINGTON, Pa.` is no English town, `SCARBOROUGH, Ontario` none either):
 * the dateline stands at that state or country rather than at a namesake elsewhere.
 */
export function withinQualifier(gaz: Gazetteer, towns: readonly Candidate[], qualifier: string | null): readonly Candidate[] {
  if (!qualifier || towns.length === 0) return towns;
  const places = qualifierPlaces(gaz, qualifier);
  const { divisions, countries } = places;
  if (divisions.size === 0 && countries.size === 0) return towns;
  const inside = towns.filter((c) => divisions.has(gaz.admin1[c.index] ?? -1) || countries.has(gaz.country(c.index)));
  if (inside.length > 0) return inside;
  const named = asCandidates(gaz, places);
  return named.length === 1 ? named : towns;
}
