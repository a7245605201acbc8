import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCachePath, isCurrentCache } from '../../src/geo/gazetteer.js';
import { loadGeoService } from '../../src/geo/geo-service.js';
import { makeTempDir, repoRoot } from '../helpers/paths.js';

/**
 * The gazetteer cache is checked by its header at start-up and read on the first place asked about:
 * a cache that cannot be used must be told apart without reading it whole.
 */
describe('gazetteer cache check', () => {
  const temp = makeTempDir();
  const built = defaultCachePath(path.join(repoRoot, 'data/cache'));
  beforeAll(async () => {
    await loadGeoService({ cacheDir: path.join(repoRoot, 'data/cache') }); // builds it if this checkout has none
  }, 300_000);
  afterAll(() => temp.cleanup());

  it('accepts the built cache of this version', () => {
    expect(isCurrentCache(built)).toBe(true);
  });

  it('refuses a cache cut short, another format and a missing file', () => {
    const cut = path.join(temp.dir, 'cut.bin');
    const whole = fs.readFileSync(built);
    fs.writeFileSync(cut, whole.subarray(0, whole.length - 4096));
    const other = path.join(temp.dir, 'other.bin');
    fs.writeFileSync(other, 'not a gazetteer at all');
    expect(isCurrentCache(cut)).toBe(false);
    expect(isCurrentCache(other)).toBe(false);
    expect(isCurrentCache(path.join(temp.dir, 'missing.bin'))).toBe(false);
  });

  it('answers from a service whose gazetteer is read on first use', async () => {
    const geo = await loadGeoService({ cacheDir: path.join(repoRoot, 'data/cache'), mapCacheDir: temp.dir });
    const lookup = geo.lookup('Dayr az Zawr');
    expect(lookup.place?.name).toMatch(/Deir|Dayr/);
  });
});
