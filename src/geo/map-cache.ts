/**
 * Cache of rendered locator maps: a map depends only on the place (and the drawing code), so each is
 * rendered once: kept in a small in-memory LRU (bounded by bytes) and as a PNG file under the cache
 * dir (bounded by count), so a restart or another shard does not render it again.
 * A render costs 15-40 ms of CPU (resvg rasterises ~30 ns a pixel); a hit ~0.01 ms (memory) or
 * ~0.1 ms (file).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAP_VERSION } from './locator-map.js';
import type { PlaceInfo } from './types.js';

export interface MapSize {
  width: number;
  height: number;
}

export interface MapCacheStats {
  memoryHits: number;
  fileHits: number;
  renders: number;
  entries: number;
  bytes: number;
}

export interface MapCache {
  /** The PNG of a place's map: from memory, else from the file, else rendered (and kept). */
  get(place: PlaceInfo, size: MapSize): Uint8Array;
  stats(): MapCacheStats;
}

export interface MapCacheOptions {
  render: (place: PlaceInfo, size: MapSize) => Uint8Array;
  /** Folder for PNG files; null keeps maps in memory only. */
  dir: string | null;
  /** Memory bound (default 8 MB, ~150 maps of 640×420). */
  maxBytes?: number;
  /** Files kept in `dir` before the oldest are removed (default 4,000, ~200 MB). */
  maxFiles?: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** FNV-1a, 32 bits, hex: tells apart two gazetteer versions that give one id another name or point. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Everything the picture shows of the place, so a changed gazetteer entry is drawn anew. */
export function mapKey(place: PlaceInfo, size: MapSize): string {
  const shown = [place.name, place.kind, place.countryCode, place.country, place.admin1, place.lat, place.lon].join('|');
  const id = place.geonameId < 0 ? `n${-place.geonameId}` : String(place.geonameId);
  return `${id}-${size.width}x${size.height}-${fnv1a(shown)}`;
}

function isPng(bytes: Uint8Array): boolean {
  return bytes.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

export function createMapCache(options: MapCacheOptions): MapCache {
  const maxBytes = options.maxBytes ?? 8_000_000;
  const maxFiles = options.maxFiles ?? 4000;
  const memory = new Map<string, Uint8Array>();
  let bytes = 0;
  const counts = { memoryHits: 0, fileHits: 0, renders: 0 };
  // One folder per drawing version: maps drawn by older code are never read.
  let dir = options.dir ? join(options.dir, `v${MAP_VERSION}`) : null;
  let files = -1; // counted on the first write

  const remember = (key: string, png: Uint8Array): void => {
    if (png.length > maxBytes) return;
    memory.set(key, png);
    bytes += png.length;
    for (const [k, v] of memory) {
      if (bytes <= maxBytes) break;
      memory.delete(k); // Map order is insertion order: the least recently used first
      bytes -= v.length;
    }
  };

  /** Remove the oldest files down to 80 % of the bound (runs once per ~800 new files). */
  const trimFiles = (folder: string): void => {
    const entries = readdirSync(folder)
      .filter((f) => f.endsWith('.png'))
      .map((f) => ({ f, t: statSync(join(folder, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => a.t - b.t);
    const keep = Math.floor(maxFiles * 0.8);
    for (const e of entries.slice(0, Math.max(0, entries.length - keep))) unlinkSync(join(folder, e.f));
    files = Math.min(entries.length, keep);
  };

  const readFile = (key: string): Uint8Array | null => {
    if (!dir) return null;
    try {
      const png = new Uint8Array(readFileSync(join(dir, `${key}.png`)));
      return isPng(png) ? png : null;
    } catch {
      return null;
    }
  };

  const writeFile = (key: string, png: Uint8Array): void => {
    if (!dir) return;
    try {
      if (files < 0) {
        mkdirSync(dir, { recursive: true });
        files = readdirSync(dir).length;
      }
      // Write then rename: another process (a shard) never reads half a file.
      const tmp = join(dir, `${key}.${process.pid}.tmp`);
      writeFileSync(tmp, png);
      renameSync(tmp, join(dir, `${key}.png`));
      if (++files > maxFiles) trimFiles(dir);
    } catch {
      dir = null; // a read-only or full disk: keep maps in memory only
    }
  };

  return {
    get(place, size) {
      const key = mapKey(place, size);
      const hit = memory.get(key);
      if (hit) {
        counts.memoryHits++;
        memory.delete(key);
        memory.set(key, hit);
        return hit.slice();
      }
      let png = readFile(key);
      if (png) counts.fileHits++;
      else {
        png = options.render(place, size);
        counts.renders++;
        writeFile(key, png);
      }
      remember(key, png);
      return png.slice();
    },
    stats: () => ({ ...counts, entries: memory.size, bytes }),
  };
}
