import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAP_VERSION } from '../../src/geo/locator-map.js';
import { createMapCache, mapKey } from '../../src/geo/map-cache.js';
import type { PlaceInfo } from '../../src/geo/types.js';
import { makeTempDir } from '../helpers/paths.js';

const place = (geonameId: number, name = `P${geonameId}`): PlaceInfo => ({
  name,
  kind: 'city',
  kindLabel: 'city',
  geonameId,
  countryCode: 'SY',
  country: 'Syria',
  admin1: null,
  lat: 35,
  lon: 39,
  population: 1000,
  populationBasis: 'own',
  timezone: null,
  featureCode: 'PPL',
});

/** A fake PNG of `n` bytes that says which place it was drawn for. */
function fakeRender(n = 1000) {
  const calls: number[] = [];
  const render = (p: PlaceInfo) => {
    calls.push(p.geonameId);
    const png = new Uint8Array(n);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    png[8] = p.geonameId & 0xff;
    return png;
  };
  return { render, calls };
}

const size = { width: 640, height: 420 };
const temps: { cleanup: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('map cache', () => {
  it('renders a place once and serves copies from memory', () => {
    const { render, calls } = fakeRender();
    const cache = createMapCache({ render, dir: null });
    const a = cache.get(place(1), size);
    a[8] = 99; // a caller changing its copy does not change the cache
    expect(cache.get(place(1), size)[8]).toBe(1);
    expect(calls).toEqual([1]);
    expect(cache.stats()).toMatchObject({ renders: 1, memoryHits: 1, entries: 1 });
  });

  it('keys by size and by what the picture shows', () => {
    expect(mapKey(place(1), size)).not.toBe(mapKey(place(1), { width: 320, height: 220 }));
    expect(mapKey(place(1), size)).not.toBe(mapKey(place(1, 'Other name'), size));
    expect(mapKey(place(-12), size)).toMatch(/^n12-640x420-[0-9a-f]{8}$/);
  });

  it('stays within its byte bound, dropping the least recently used', () => {
    const { render, calls } = fakeRender(1000);
    const cache = createMapCache({ render, dir: null, maxBytes: 3000 });
    for (const id of [1, 2, 3]) cache.get(place(id), size);
    cache.get(place(1), size); // 1 is now the most recent
    cache.get(place(4), size); // evicts 2
    expect(cache.stats().bytes).toBeLessThanOrEqual(3000);
    cache.get(place(1), size);
    cache.get(place(2), size);
    expect(calls).toEqual([1, 2, 3, 4, 2]);
  });

  it('keeps maps as files a new cache (a restart) reads instead of rendering', () => {
    const t = makeTempDir();
    temps.push(t);
    const first = fakeRender();
    createMapCache({ render: first.render, dir: t.dir }).get(place(7), size);
    const files = fs.readdirSync(path.join(t.dir, `v${MAP_VERSION}`));
    expect(files).toEqual([`${mapKey(place(7), size)}.png`]);
    const second = fakeRender();
    const cache = createMapCache({ render: second.render, dir: t.dir });
    expect(cache.get(place(7), size)[8]).toBe(7);
    expect(second.calls).toEqual([]);
    expect(cache.stats().fileHits).toBe(1);
  });

  it('removes the oldest files past its file bound', () => {
    const t = makeTempDir();
    temps.push(t);
    const cache = createMapCache({ render: fakeRender().render, dir: t.dir, maxFiles: 10 });
    for (let id = 1; id <= 11; id++) cache.get(place(id), size);
    expect(fs.readdirSync(path.join(t.dir, `v${MAP_VERSION}`)).length).toBeLessThanOrEqual(10);
  });

  it('re-renders a damaged file', () => {
    const t = makeTempDir();
    temps.push(t);
    const dir = path.join(t.dir, `v${MAP_VERSION}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${mapKey(place(3), size)}.png`), 'not a png');
    const { render, calls } = fakeRender();
    expect(createMapCache({ render, dir: t.dir }).get(place(3), size)[8]).toBe(3);
    expect(calls).toEqual([3]);
  });
});
