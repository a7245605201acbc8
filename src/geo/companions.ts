/**
 * Spatial coherence between the ambiguous names of one story: `Edmonton` and `Enfield` in one story
 * are the two north London towns 3 km apart, not Alberta's capital and Connecticut's town. The
 * candidate points of every name go into a coarse grid once per story; a candidate of one name then
 * asks for the nearest candidate of any other name (a name never supports itself).
 */
import type { Gazetteer } from './gazetteer.js';
import type { Candidate } from './resolve.js';

/** Grid cell size in degrees: a query looks at the 3×3 cells around a point, enough for 50 km. */
const CELL = 0.5;
/** A name with more candidates than this is too common to say where the story is (`Springfield`). */
const MAX_CANDIDATES = 40;

export interface Companions {
  /** Distance in km from a point to the nearest candidate of a name other than `key` (Infinity when none near). */
  nearestKm(lat: number, lon: number, key: string): number;
}

interface Point {
  lat: number;
  lon: number;
  key: string;
}

function cellOf(lat: number, lon: number): number {
  return Math.floor(lat / CELL) * 4096 + Math.floor(lon / CELL);
}

/** The grid of the towns and districts each distinct name of the story may mean. */
export function buildCompanions(gaz: Gazetteer, names: readonly { key: string; candidates: readonly Candidate[] }[]): Companions {
  const cells = new Map<number, Point[]>();
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n.key) || n.candidates.length > MAX_CANDIDATES) continue;
    seen.add(n.key);
    for (const c of n.candidates) {
      const kind = gaz.kind(c.index);
      if (kind !== 'city' && kind !== 'admin2') continue;
      const p = { lat: gaz.lat[c.index] ?? 0, lon: gaz.lon[c.index] ?? 0, key: n.key };
      const cell = cellOf(p.lat, p.lon);
      const list = cells.get(cell);
      if (list) list.push(p);
      else cells.set(cell, [p]);
    }
  }
  return {
    nearestKm(lat: number, lon: number, key: string): number {
      if (cells.size === 0) return Infinity;
      const cosLat = Math.cos((lat * Math.PI) / 180);
      const la = Math.floor(lat / CELL);
      const lo = Math.floor(lon / CELL);
      let best = Infinity;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const list = cells.get((la + dy) * 4096 + lo + dx);
          if (!list) continue;
          for (const p of list) {
            if (p.key === key) continue;
            const dLat = p.lat - lat;
            const dLon = (p.lon - lon) * cosLat;
            const d = dLat * dLat + dLon * dLon;
            if (d < best) best = d;
          }
        }
      }
      return Math.sqrt(best) * 111.2;
    },
  };
}
