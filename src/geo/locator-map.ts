/**
 * Locator map: Natural Earth outlines (world-atlas) projected with d3-geo into an SVG, rasterised by
 * @resvg/resvg-js with the DejaVu Sans font shipped by the `dejavu-fonts-ttf` package (no system fonts,
 * so every machine renders the same picture).
 *
 * Speed: the outlines are projected once, with a unit Mercator (d3's antimeridian cut included), into
 * flat Float64Arrays. A map's Mercator differs from the unit one only by scale and translation, so
 * drawing a map is a linear transform of the points inside its frame, clamped to the picture and
 * thinned to about a pixel: the SVG stays small (a few thousand points), which is what resvg's time
 * depends on. Before this, d3 projected and clipped the 1:50m GeoJSON on every call (~50 ms) and resvg
 * rasterised ~150 KB of path data (~20 ms).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoBounds, geoMercator, type GeoStream } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { lazyModule } from '../core/lazy-module.js';
import { DEJAVU_FAMILY, DEJAVU_FILES, dejavuGlyphs } from '../draw/dejavu-fonts.js';
import { pngOf } from '../draw/png.js';
import { textToOutlines } from '../draw/svg-text-outlines.js';
import type { PlaceInfo } from './types.js';

const require = createRequire(import.meta.url);
const resvgModule = lazyModule<typeof import('@resvg/resvg-js')>('@resvg/resvg-js');

/**
 * Bump when the picture changes (drawing, colours, data): it keys the PNG cache of geo-service, so
 * maps cached on disk by an older version are not shown.
 */
export const MAP_VERSION = 2;

/** The TTF the map's labels use: DejaVu Sans's regular face, as the charts' (src/draw/dejavu-fonts.ts). */
export function mapFontPath(): string {
  return DEJAVU_FILES.regular;
}

/** One country outline projected with the unit Mercator: rings of interleaved x,y. */
interface ProjectedOutline {
  code: string | null;
  /** x0,y0,x1,y1 of every point, unit coordinates (y grows southwards, as on screen). */
  bbox: [number, number, number, number];
  /** Geographic bounds (d3 geoBounds), for framing the country. */
  geoBounds: [[number, number], [number, number]];
  xy: Float64Array;
  /** Start of each ring in `xy` (in points), plus the end. */
  ringStarts: Uint32Array;
  /** x0,y0,x1,y1 of each ring (unit coordinates): rings outside a map are skipped untouched. */
  ringBoxes: Float64Array;
}

interface Outlines {
  all: ProjectedOutline[];
  byCode: Map<string, ProjectedOutline>;
}

const outlineCache = new Map<string, Outlines>();

/** Unit Mercator as d3 draws it (scale 1, no translation, no resampling): x = λ, y = -ln tan(π/4 + φ/2). */
function unitProjection() {
  return geoMercator().scale(1).translate([0, 0]).precision(0);
}

/** Project a feature with the unit Mercator into flat rings (d3 cuts rings at the antimeridian). */
function projectFeature(f: Feature<Geometry>, code: string | null): ProjectedOutline {
  const points: number[] = [];
  const starts: number[] = [];
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const sink: GeoStream = {
    point(x: number, y: number) {
      points.push(x, y);
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    },
    lineStart() {
      starts.push(points.length / 2);
    },
    lineEnd() {},
    polygonStart() {},
    polygonEnd() {},
    sphere() {},
  };
  const stream = unitProjection().stream(sink);
  // d3's GeoJSON streamer: geoPath-like traversal without building strings.
  streamGeometry(f.geometry, stream);
  starts.push(points.length / 2);
  const ringBoxes = new Float64Array(4 * (starts.length - 1));
  for (let r = 0; r + 1 < starts.length; r++) {
    let [bx0, by0, bx1, by1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = starts[r]!; i < starts[r + 1]!; i++) {
      const x = points[2 * i]!;
      const y = points[2 * i + 1]!;
      if (x < bx0) bx0 = x;
      if (x > bx1) bx1 = x;
      if (y < by0) by0 = y;
      if (y > by1) by1 = y;
    }
    ringBoxes.set([bx0, by0, bx1, by1], 4 * r);
  }
  return {
    code,
    bbox: [x0, y0, x1, y1],
    geoBounds: geoBounds(f),
    xy: Float64Array.from(points),
    ringStarts: Uint32Array.from(starts),
    ringBoxes,
  };
}

function streamGeometry(g: Geometry | null, stream: GeoStream): void {
  if (!g) return;
  const ring = (coords: number[][], closed: boolean) => {
    stream.lineStart();
    // GeoJSON rings repeat the first point at the end; d3 streams them without it.
    const n = closed ? coords.length - 1 : coords.length;
    for (let i = 0; i < n; i++) stream.point(coords[i]![0]!, coords[i]![1]!);
    stream.lineEnd();
  };
  const polygon = (rings: number[][][]) => {
    stream.polygonStart();
    for (const r of rings) ring(r, true);
    stream.polygonEnd();
  };
  switch (g.type) {
    case 'Polygon':
      polygon(g.coordinates);
      break;
    case 'MultiPolygon':
      for (const p of g.coordinates) polygon(p);
      break;
    case 'GeometryCollection':
      for (const x of g.geometries) streamGeometry(x, stream);
      break;
    default:
      break;
  }
}

/**
 * Country outlines at a Natural Earth scale, projected once. Read with readFileSync (not `require`) so
 * the TopoJSON and GeoJSON are garbage once projected: only the flat arrays stay in memory.
 */
export function projectedOutlines(scale: '50m' | '110m'): Outlines {
  const hit = outlineCache.get(scale);
  if (hit) return hit;
  const topo = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${scale}.json`), 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const countries = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as { cca2: string; ccn3: string }[];
  const byNumeric = new Map(countries.map((c) => [c.ccn3, c.cca2]));
  const all: ProjectedOutline[] = [];
  const byCode = new Map<string, ProjectedOutline>();
  const areaByCode = new Map<string, number>();
  for (const f of fc.features) {
    const code = byNumeric.get(String(f.id ?? '')) ?? null;
    const outline = projectFeature(f, code);
    all.push(outline);
    if (!code) continue;
    // Some numeric ids are shared by a country and its small territories (036: Australia and Ashmore
    // and Cartier Is.): the country is the largest outline (as in borders.ts).
    const area = geoArea(f);
    if (area > (areaByCode.get(code) ?? -1)) {
      byCode.set(code, outline);
      areaByCode.set(code, area);
    }
  }
  const outlines = { all, byCode };
  outlineCache.set(scale, outlines);
  return outlines;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Screen transform of a map: screen = unit * k + t. */
interface View {
  k: number;
  tx: number;
  ty: number;
  width: number;
  height: number;
}

const MARGIN = 4;
/** Points closer than this to the last one drawn (in pixels) are skipped: finer than antialiasing shows. */
const MIN_STEP = 0.75;

function r1(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

/** Sutherland–Hodgman: clip a closed ring (interleaved x,y) to one half-plane of the box. */
function clipEdge(pts: number[], axis: 0 | 1, limit: number, keepBelow: boolean): number[] {
  const out: number[] = [];
  const n = pts.length / 2;
  if (n === 0) return out;
  const inside = (i: number) => (keepBelow ? pts[2 * i + axis]! <= limit : pts[2 * i + axis]! >= limit);
  let prev = n - 1;
  let prevIn = inside(prev);
  for (let i = 0; i < n; i++) {
    const curIn = inside(i);
    if (curIn !== prevIn) {
      const a = pts[2 * prev + axis]!;
      const b = pts[2 * i + axis]!;
      const t = (limit - a) / (b - a);
      const px = pts[2 * prev]! + t * (pts[2 * i]! - pts[2 * prev]!);
      const py = pts[2 * prev + 1]! + t * (pts[2 * i + 1]! - pts[2 * prev + 1]!);
      if (axis === 0) out.push(limit, py);
      else out.push(px, limit);
    }
    if (curIn) out.push(pts[2 * i]!, pts[2 * i + 1]!);
    prev = i;
    prevIn = curIn;
  }
  return out;
}

/**
 * Path data of one outline in a view: rings clipped to the picture plus a margin (Sutherland–Hodgman,
 * so fills are right; the cut edges lie in the margin, outside the picture) and thinned to MIN_STEP
 * pixels.
 */
function outlinePath(o: ProjectedOutline, v: View): string {
  const { k, tx, ty, width, height } = v;
  const lo = -MARGIN;
  const hiX = width + MARGIN;
  const hiY = height + MARGIN;
  let d = '';
  for (let r = 0; r + 1 < o.ringStarts.length; r++) {
    const s = o.ringStarts[r]!;
    const e = o.ringStarts[r + 1]!;
    if (e - s < 3) continue;
    const box = o.ringBoxes;
    if (box[4 * r + 2]! * k + tx < lo || box[4 * r]! * k + tx > hiX || box[4 * r + 3]! * k + ty < lo || box[4 * r + 1]! * k + ty > hiY)
      continue;
    let pts: number[] = new Array<number>(2 * (e - s));
    let rx0 = Infinity;
    let ry0 = Infinity;
    let rx1 = -Infinity;
    let ry1 = -Infinity;
    for (let i = s, j = 0; i < e; i++, j += 2) {
      const x = o.xy[2 * i]! * k + tx;
      const y = o.xy[2 * i + 1]! * k + ty;
      pts[j] = x;
      pts[j + 1] = y;
      if (x < rx0) rx0 = x;
      if (x > rx1) rx1 = x;
      if (y < ry0) ry0 = y;
      if (y > ry1) ry1 = y;
    }
    // Cull a ring wholly outside the picture, or smaller than a pixel.
    if (rx1 < lo || rx0 > hiX || ry1 < lo || ry0 > hiY) continue;
    if (rx1 - rx0 < 0.5 && ry1 - ry0 < 0.5) continue;
    if (rx0 < lo) pts = clipEdge(pts, 0, lo, false);
    if (rx1 > hiX) pts = clipEdge(pts, 0, hiX, true);
    if (ry0 < lo) pts = clipEdge(pts, 1, lo, false);
    if (ry1 > hiY) pts = clipEdge(pts, 1, hiY, true);
    const m = pts.length / 2;
    let lastX = NaN;
    let lastY = NaN;
    let ring = '';
    let n = 0;
    for (let i = 0; i < m; i++) {
      const x = pts[2 * i]!;
      const y = pts[2 * i + 1]!;
      if (i !== m - 1 && Math.abs(x - lastX) < MIN_STEP && Math.abs(y - lastY) < MIN_STEP) continue;
      ring += `${n === 0 ? 'M' : 'L'}${r1(x)},${r1(y)}`;
      lastX = x;
      lastY = y;
      n++;
    }
    if (n >= 3) d += `${ring}Z`;
  }
  return d;
}

/** Lines every 10° (as d3's geoGraticule10 between 80°S and 80°N). */
function graticulePath(v: View, lonRange: [number, number]): string {
  const { k, tx, ty, width, height } = v;
  const yOf = (lat: number) => unitY(lat) * k + ty;
  const xOf = (lon: number) => ((lon * Math.PI) / 180) * k + tx;
  const clampY = (y: number) => Math.max(-MARGIN, Math.min(height + MARGIN, y));
  let d = '';
  for (let lon = Math.ceil(lonRange[0] / 10) * 10; lon <= lonRange[1]; lon += 10) {
    const x = xOf(lon);
    if (x < 0 || x > width) continue;
    d += `M${r1(x)},${r1(clampY(yOf(80)))}V${r1(clampY(yOf(-80)))}`;
  }
  for (let lat = -80; lat <= 80; lat += 10) {
    const y = yOf(lat);
    if (y < 0 || y > height) continue;
    d += `M${-MARGIN},${r1(y)}H${width + MARGIN}`;
  }
  return d;
}

/** Unit Mercator y of a latitude in degrees (screen orientation: north is up, so negative). */
function unitY(lat: number): number {
  return -Math.log(Math.tan(Math.PI / 4 + (Math.min(85, Math.max(-85, lat)) * Math.PI) / 360));
}

/**
 * The geographic frame of a map: the country when it is of a readable size, else a box around the
 * point. Longitudes may run past ±180 (a frame across the antimeridian: Fiji, Kamchatka).
 */
function mapFrame(place: PlaceInfo, own: ProjectedOutline | undefined): { west: number; south: number; east: number; north: number } {
  let [[x0, y0], [x1, y1]] = own
    ? own.geoBounds
    : [
        [place.lon - 4, place.lat - 4],
        [place.lon + 4, place.lat + 4],
      ];
  if (x1 < x0) x1 += 360; // geoBounds across the antimeridian
  if (x1 - x0 > 60 || y1 - y0 > 40 || place.kind === 'continent' || place.kind === 'region' || place.lon < x0 - 1 || place.lon > x1 + 1) {
    const span = place.kind === 'continent' ? 40 : place.kind === 'region' ? 15 : 10;
    [x0, y0, x1, y1] = [place.lon - span, place.lat - span * 0.7, place.lon + span, place.lat + span * 0.7];
  }
  const padX = Math.max(2, (x1 - x0) * 0.35);
  const padY = Math.max(1.5, (y1 - y0) * 0.35);
  return { west: x0 - padX, south: Math.max(-80, y0 - padY), east: x1 + padX, north: Math.min(84, y1 + padY) };
}

/** The SVG of the map (exported for tests that check its content without rasterising). */
export function locatorMapSvg(place: PlaceInfo, width = 640, height = 420): string {
  const fine = projectedOutlines('50m');
  const frame = mapFrame(place, place.countryCode ? fine.byCode.get(place.countryCode) : undefined);
  // Fit the frame into the picture as d3's fitExtent does, but on unwrapped longitudes (d3 would wrap
  // a frame across the antimeridian round the world).
  const fx0 = (frame.west * Math.PI) / 180;
  const fx1 = (frame.east * Math.PI) / 180;
  const fy0 = unitY(frame.north);
  const fy1 = unitY(frame.south);
  const [ex0, ey0, ex1, ey1] = [10, 10, width - 10, height - 34];
  const k = Math.min((ex1 - ex0) / (fx1 - fx0), (ey1 - ey0) / (fy1 - fy0));
  const view: View = { k, tx: ex0 + (ex1 - ex0 - k * (fx1 + fx0)) / 2, ty: ey0 + (ey1 - ey0 - k * (fy1 + fy0)) / 2, width, height };
  // Wide frames (continents) need no more than the 1:110m outlines.
  const outlines = frame.east - frame.west > 50 ? projectedOutlines('110m') : fine;
  const own = place.countryCode ? outlines.byCode.get(place.countryCode) : undefined;

  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="#cfe3f3"/>`);
  parts.push(`<path d="${graticulePath(view, [frame.west - 10, frame.east + 10])}" fill="none" stroke="#b8d2e8" stroke-width="0.5"/>`);
  // Frame in unit coordinates, to skip outlines outside it without touching their points; a frame past
  // the antimeridian draws the outlines again one turn of the globe over.
  const { tx, ty } = view;
  const ux0 = (-MARGIN - tx) / k;
  const ux1 = (width + MARGIN - tx) / k;
  const uy0 = (-MARGIN - ty) / k;
  const uy1 = (height + MARGIN - ty) / k;
  const turns = [0, ...(ux0 < -Math.PI ? [-2 * Math.PI] : []), ...(ux1 > Math.PI ? [2 * Math.PI] : [])];
  let ownPath = '';
  for (const turn of turns) {
    const shifted: View = { ...view, tx: tx + turn * k };
    for (const o of outlines.all) {
      const [bx0, by0, bx1, by1] = o.bbox;
      if (bx1 + turn < ux0 || bx0 + turn > ux1 || by1 < uy0 || by0 > uy1) continue;
      const d = outlinePath(o, shifted);
      if (!d) continue;
      if (o === own) ownPath += d;
      else parts.push(`<path d="${d}" fill="#eeeeea" stroke="#9a9a94" stroke-width="0.5"/>`);
    }
  }
  // The country last, so its thicker outline is not covered by its neighbours'.
  if (ownPath) parts.push(`<path d="${ownPath}" fill="#f4e3b5" stroke="#8a6d2b" stroke-width="1.2"/>`);
  // The place's longitude is inside the frame (unwrapped), so this never lands a turn away.
  const px = ((place.lon * Math.PI) / 180) * k + tx;
  const py = unitY(place.lat) * k + ty;
  parts.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="6" fill="#d7263d" stroke="#fff" stroke-width="2"/>`);
  const label = escapeXml(place.name);
  const anchorRight = px > width * 0.7;
  parts.push(
    `<text x="${(px + (anchorRight ? -10 : 10)).toFixed(1)}" y="${(py - 8).toFixed(1)}" font-family="DejaVu Sans" font-size="15" font-weight="bold" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke" text-anchor="${anchorRight ? 'end' : 'start'}">${label}</text>`,
  );
  const caption = escapeXml(
    `${place.name} — ${[place.admin1 && place.admin1 !== place.name ? place.admin1 : null, place.country].filter(Boolean).join(', ')}  (${place.lat.toFixed(3)}, ${place.lon.toFixed(3)})`,
  );
  parts.push(`<rect y="${height - 26}" width="${width}" height="26" fill="#ffffff" fill-opacity="0.85"/>`);
  parts.push(`<text x="10" y="${height - 9}" font-family="DejaVu Sans" font-size="13" fill="#222">${caption}</text>`);
  parts.push(
    `<text x="${width - 10}" y="${height - 9}" font-family="DejaVu Sans" font-size="10" fill="#666" text-anchor="end">Natural Earth · GeoNames</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/**
 * The map's SVG as resvg is given it: its labels drawn as the font's glyph outlines (read once per
 * process), so resvg loads no font (it loads the 740 KB TTF and shapes the text anew on every render,
 * ~4-5 ms of a ~16 ms map). The map loads only the regular face, in which resvg has always drawn the
 * place's label though the SVG asks for bold: the outlines keep to that face, so the picture is the
 * same. Placed exactly (three labels cost little): not one pixel differs from resvg drawing the text. A
 * name the outlines cannot draw (Arabic script, say) stays text, and resvg shapes it as before.
 */
export function mapSvgForRaster(svg: string): string {
  const regular = dejavuGlyphs('regular');
  return textToOutlines(svg, { regular, bold: regular }, { exact: true });
}

/** resvg's options for a map's SVG (fonts only when some text is left for it to shape). */
export function mapResvgOptions(svg: string): import('@resvg/resvg-js').ResvgRenderOptions {
  return svg.includes('<text')
    ? { font: { fontFiles: [mapFontPath()], loadSystemFonts: false, defaultFontFamily: DEJAVU_FAMILY } }
    : { font: { loadSystemFonts: false } };
}

/** Render the locator map as PNG bytes (no cache: geo-service keeps one). */
export function renderLocatorMap(place: PlaceInfo, options: { width?: number; height?: number } = {}): Uint8Array {
  const svg = mapSvgForRaster(locatorMapSvg(place, options.width ?? 640, options.height ?? 420));
  const resvg = new (resvgModule().Resvg)(svg, mapResvgOptions(svg));
  return pngOf(resvg.render());
}

/**
 * Let the native memory of finished renders go: resvg-js frees its pixmaps (~2 MB for 640×420) in
 * N-API finalizers, which Node runs from the event loop after a collection, never during a run of
 * synchronous work or resolved-promise continuations. A caller rendering maps in a loop that never
 * yields (a benchmark, a burst of commands) otherwise grows by ~2 MB per map. Await this after a render.
 */
export function releaseRenderMemory(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
