/**
 * The end-to-end errors of `eval:places` on one file, by category, for tuning on the dev split:
 * `npx tsx scripts/places-errors.ts ../shared/eval/places/dev.ndjson [--list CATEGORY]`.
 * Categories: a gold name missed with no gazetteer entry of that spelling (`miss-nogaz`), missed
 * though the gazetteer has it (`miss-rejected`), found but resolved wrong (`wrong`), found with
 * no place (`unresolved`), and spans found where the gold has none (`false-pos`).
 */
import { readFileSync } from 'node:fs';
import { loadGazetteer } from '../src/geo/geo-service.js';
import { createGeoService } from '../src/geo/geo-service.js';
import { goldRegion, isRightEndToEnd, nameCandidates, type GoldDoc } from '../src/eval/eval-places.js';

const file = process.argv[2];
if (!file) throw new Error('usage: places-errors FILE [--list CATEGORY]');
const li = process.argv.indexOf('--list');
const list = li >= 0 ? process.argv[li + 1] : undefined;
const docs = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldDoc);
const gaz = await loadGazetteer();
const geo = createGeoService(gaz);
let tp = 0;
let fp = 0;
const rows: { cat: string; doc: string; name: string; detail: string; ctx: string }[] = [];
const around = (text: string, s: number, e: number): string =>
  (text.slice(Math.max(0, s - 40), s) + '[' + text.slice(s, e) + ']' + text.slice(e, e + 40)).replace(/\s+/g, ' ');
for (const doc of docs) {
  const stored = geo.findPlaces(doc.text);
  for (const g of doc.toponyms) {
    const m = stored.find((x) => x.start < g.end && g.start < x.end);
    const gold = `${g.fcode ?? ''} ${g.country ?? ''}/${g.admin1 ?? ''} ${g.wikipedia?.replace(/^.*\//, '') ?? ''} (${g.lat?.toFixed(2)},${g.lon?.toFixed(2)})`;
    if (!m) {
      const c = nameCandidates(gaz, g.name);
      rows.push({
        cat: c.length ? 'miss-rejected' : 'miss-nogaz',
        doc: doc.id,
        name: g.name,
        detail: gold,
        ctx: around(doc.text, g.start, g.end),
      });
      continue;
    }
    if (m.lat === null) {
      rows.push({ cat: 'unresolved', doc: doc.id, name: g.name, detail: gold, ctx: around(doc.text, g.start, g.end) });
      continue;
    }
    const r = isRightEndToEnd(gaz, g, goldRegion(gaz, g), m);
    if (!r.right) {
      const i = gaz.indexOfId(m.geonameId ?? 0);
      const got =
        i >= 0 ? `${gaz.name(i)} ${gaz.kind(i)} ${gaz.country(i)} pop=${gaz.pop[i]} (${m.lat?.toFixed(2)},${m.lon?.toFixed(2)})` : '?';
      rows.push({
        cat: g.lat === null ? 'wrong-nocoord' : 'wrong',
        doc: doc.id,
        name: g.name,
        detail: `gold ${gold} got ${got} span=${m.name}`,
        ctx: around(doc.text, g.start, g.end),
      });
    }
  }
  for (const m of stored) {
    if (doc.toponyms.some((g) => m.start < g.end && g.start < m.end)) {
      tp++;
      continue;
    }
    fp++;
    const i = gaz.indexOfId(m.geonameId ?? 0);
    rows.push({
      cat: 'false-pos',
      doc: doc.id,
      name: m.name,
      detail: i >= 0 ? `${gaz.kind(i)} ${gaz.country(i)} pop=${gaz.pop[i]}` : '',
      ctx: around(doc.text, m.start, m.end),
    });
  }
}
const counts = new Map<string, number>();
for (const r of rows) counts.set(r.cat, (counts.get(r.cat) ?? 0) + 1);
const gold = docs.reduce((a, d) => a + d.toponyms.length, 0);
const missed = ['miss-nogaz', 'miss-rejected', 'wrong', 'wrong-nocoord', 'unresolved'].reduce((a, k) => a + (counts.get(k) ?? 0), 0);
const found = fp + tp;
const missedGold = (counts.get('miss-nogaz') ?? 0) + (counts.get('miss-rejected') ?? 0);
const p = found ? tp / found : 0;
const r = 1 - missedGold / gold;
console.log(
  [...counts].map(([k, v]) => `${k}=${v}`).join(' '),
  `e2e=${(1 - missed / gold).toFixed(4)} p=${p.toFixed(4)} r=${r.toFixed(4)} f1=${((2 * p * r) / (p + r)).toFixed(4)}`,
);
if (list) for (const r of rows.filter((x) => x.cat === list)) console.log(`${r.doc}\t${r.name}\t${r.detail}\t${r.ctx}`);
