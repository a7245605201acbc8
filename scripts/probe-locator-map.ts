/**
 * CPU time of a locator map drawn for the first time (no map cache), over a fixed mix of places: small
 * countries, big countries, detailed coasts, cities, continents and regions. Optionally paired against
 * another commit's renderer in the same process, map for map in alternating order, with the PNGs
 * compared pixel by pixel; and, with --stages, the split of one render into its steps.
 *
 *   npx tsx scripts/probe-locator-map.ts [--rounds 3] [--base <git revision>] [--stages] [--out DIR]
 *
 * With --base, that revision's src is taken out with `git archive` into a temporary
 * folder beside a node_modules link. --out writes each place's PNG (and the base's, when given) for
 * looking at. Needs the gazetteer cache (data/cache), as the bot does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { checkOutBaseSrc } from './base-revision.js';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { decodePng, pixelDifference } from '../src/draw/decode-png.js';
import { pngOf } from '../src/draw/png.js';
import { loadGeoService } from '../src/geo/geo-service.js';
import type { PlaceInfo } from '../src/geo/types.js';

type Render = (place: PlaceInfo, options?: { width?: number; height?: number }) => Uint8Array;

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    base: { type: 'string' },
    stages: { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const root = resolve(import.meta.dirname, '..');

/** 60 names: small and big countries, detailed coasts and islands, cities on every continent, wide frames. */
export const PROBE_PLACES = [
  // small countries
  'Luxembourg',
  'Malta',
  'Singapore',
  'Bahrain',
  'Qatar',
  'Brunei',
  'Andorra',
  'Lebanon',
  'Kuwait',
  'Belgium',
  // big countries
  'Russia',
  'Canada',
  'Brazil',
  'China',
  'Australia',
  'United States',
  'India',
  'Argentina',
  'Kazakhstan',
  'Algeria',
  // detailed coasts and islands
  'Italy',
  'Norway',
  'Greece',
  'Croatia',
  'Chile',
  'Japan',
  'Indonesia',
  'Philippines',
  'Denmark',
  'Finland',
  'Sweden',
  'Scotland',
  'Iceland',
  'New Zealand',
  'Fiji',
  // cities
  'Raqqa',
  'Tokyo',
  'Paris',
  'Buenos Aires',
  'Wellington',
  'Reykjavik',
  'Oslo',
  'Athens',
  'Naples',
  'Bergen',
  'Split',
  'Manila',
  'Jakarta',
  'Suva',
  'Honolulu',
  'Anchorage',
  'Cape Town',
  'Nairobi',
  'Dubai',
  'Vancouver',
  // wide frames
  'Europe',
  'Africa',
  'Asia',
  'Middle East',
  'Caribbean',
];

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function at(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

function summary(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return `mean ${mean.toFixed(1)}, p50 ${at(s, 50).toFixed(1)}, p90 ${at(s, 90).toFixed(1)}, p99 ${at(s, 99).toFixed(1)}, max ${at(s, 100).toFixed(1)} ms (n=${s.length})`;
}

async function loadRenderer(file: string): Promise<Render> {
  return ((await import(pathToFileURL(file).href)) as { renderLocatorMap: Render }).renderLocatorMap;
}

/** What the stage split calls of a revision's locator-map.ts (the hooks after the text outlines are optional). */
interface MapModule {
  locatorMapSvg(place: PlaceInfo): string;
  mapFontPath(): string;
  mapSvgForRaster?: (svg: string) => string;
  mapResvgOptions?: (svg: string) => ResvgRenderOptions;
}

/** The split of one revision's render into its steps: SVG, text to outlines, resvg's parse, paint, PNG. */
async function stages(name: string, file: string, places: PlaceInfo[]): Promise<void> {
  const map = (await import(pathToFileURL(file).href)) as MapModule;
  const split = {
    svg: [] as number[],
    outline: [] as number[],
    parse: [] as number[],
    paint: [] as number[],
    png: [] as number[],
    total: [] as number[],
  };
  const newPng = map.mapSvgForRaster !== undefined;
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const p of places) {
      const t0 = cpuMs();
      const drawn = map.locatorMapSvg(p);
      const t1 = cpuMs();
      const svg = map.mapSvgForRaster?.(drawn) ?? drawn;
      const t2 = cpuMs();
      const resvg = new Resvg(
        svg,
        map.mapResvgOptions?.(svg) ?? {
          font: { fontFiles: [map.mapFontPath()], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
        },
      );
      const t3 = cpuMs();
      const image = resvg.render();
      const t4 = cpuMs();
      const png = newPng ? pngOf(image) : image.asPng();
      const t5 = cpuMs();
      if (png.length < 8) throw new Error('no PNG');
      split.svg.push(t1 - t0);
      split.outline.push(t2 - t1);
      split.parse.push(t3 - t2);
      split.paint.push(t4 - t3);
      split.png.push(t5 - t4);
      split.total.push(t5 - t0);
    }
    await new Promise((r) => setImmediate(r));
  }
  for (const [stage, xs] of Object.entries(split)) console.log(`${name}, stage ${stage}: ${summary(xs)}`);
}

async function main(): Promise<void> {
  const geo = await loadGeoService({ mapCacheDir: join(tmpdir(), 'probe-locator-map-unused') });
  const places: PlaceInfo[] = [];
  for (const name of PROBE_PLACES) {
    const p = geo.lookup(name).place;
    if (p) places.push(p);
    else console.log(`(no place for ${name})`);
  }
  console.log(
    `${places.length} places; load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  const renderers: [string, Render][] = [];
  const base = values.base ? checkOutBaseSrc(root, values.base, 'map-base') : null;
  const baseDir = base?.dir ?? null;
  if (baseDir) {
    renderers.push([`base ${values.base}`, await loadRenderer(join(baseDir, 'src/geo/locator-map.ts'))]);
  }
  renderers.push(['this tree', await loadRenderer(join(root, 'src/geo/locator-map.ts'))]);

  // The first map of a process projects the outlines and loads resvg: timed apart.
  for (const [name, render] of renderers) {
    const t0 = cpuMs();
    render(places[0]!);
    console.log(`${name}: first map ${(cpuMs() - t0).toFixed(0)} ms CPU (outlines projected, resvg loaded)`);
  }

  const times = renderers.map(() => [] as number[]);
  const last: Uint8Array[][] = renderers.map(() => []);
  const rounds = Number(values.rounds);
  for (let round = 0; round < rounds; round++) {
    places.forEach((p, i) => {
      const order = (i + round) % 2 === 0 ? renderers.map((_, k) => k) : renderers.map((_, k) => renderers.length - 1 - k);
      for (const k of order) {
        const t0 = cpuMs();
        const png = renderers[k]![1](p);
        times[k]!.push(cpuMs() - t0);
        last[k]![i] = png;
      }
    });
    // resvg frees its pixmaps from the event loop (see releaseRenderMemory).
    await new Promise((r) => setImmediate(r));
  }
  renderers.forEach(([name], k) =>
    console.log(`first render, ${name}: ${summary(times[k]!)}; PNG bytes ${last[k]!.reduce((a, b) => a + b.length, 0)}`),
  );
  if (renderers.length === 2) {
    const ratios = times[0]!.map((t, i) => times[1]![i]! / t).sort((a, b) => a - b);
    console.log(`paired ratio new/base: p50 ${at(ratios, 50).toFixed(2)}`);
    let worst = { max: 0, name: '' };
    let mean = 0;
    let differing = 0;
    let pixelsTotal = 0;
    places.forEach((p, i) => {
      const [a, b] = [decodePng(last[0]![i]!), decodePng(last[1]![i]!)];
      const d = pixelDifference(a, b);
      if (d.max > worst.max) worst = { max: d.max, name: p.name };
      mean += d.mean / places.length;
      differing += d.differing;
      pixelsTotal += a.width * a.height;
      if (values.stages && d.max > 0) console.log(`  ${p.name}: max ${d.max}, mean ${d.mean.toFixed(4)}, differing pixels ${d.differing}`);
    });
    console.log(
      `pixels: max channel difference ${worst.max} (${worst.name || 'none'}), mean ${mean.toFixed(4)} per channel, ${differing} of ${pixelsTotal} pixels differ (${((100 * differing) / pixelsTotal).toFixed(3)} %)`,
    );
  }
  if (values.stages) {
    if (baseDir) await stages(`base ${values.base}`, join(baseDir, 'src/geo/locator-map.ts'), places);
    await stages('this tree', join(root, 'src/geo/locator-map.ts'), places);
  }
  if (values.out) {
    mkdirSync(values.out, { recursive: true });
    places.forEach((p, i) => {
      const slug = p.name.replace(/\W+/g, '-').toLowerCase();
      renderers.forEach(([name], k) =>
        writeFileSync(join(values.out!, `${slug}-${name.startsWith('base') ? 'base' : 'new'}.png`), last[k]![i]!),
      );
    });
  }
  base?.remove();
}

await main();
