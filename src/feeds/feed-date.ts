import { parseArticleDate, type DateResult } from '../ingest/parse-date.js';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** RFC 822 zone names (and the few extra ones feeds use) as offsets from UTC in minutes. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
};

// `Sat, 09 Sep 2017 19:03:53 +0800`, `9 Sep 17 19:03 GMT`, `Sat, 9 Sept 2017 19:03:53 EDT`
const RFC822 =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,4})\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,5})?$/i;

/**
 * A feed date: RSS 2.0 uses RFC 822 (`pubDate`), Atom and Dublin Core use ISO 8601. Both end as the
 * store's ISO-with-offset; the same range checks as every other source apply (no 1700s, no future).
 */
export function parseFeedDate(raw: string, now: Date): DateResult {
  const value = raw.trim().replace(/\s+/g, ' ');
  const m = RFC822.exec(value);
  if (!m) return parseArticleDate(value, now);
  const month = MONTHS[m[2]!.toLowerCase()];
  if (!month) return { ok: false, reason: `unreadable date "${raw}" (unknown month)` };
  let year = Number(m[3]);
  // RFC 822 two-digit years: RFC 2822 §4.3 reads 00-49 as 20xx and 50-99 as 19xx.
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const zone = m[7] ?? 'GMT';
  let offset: string;
  if (/^[+-]\d{4}$/.test(zone)) {
    offset = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  } else {
    const minutes = ZONES[zone.toLowerCase()];
    // RFC 822 military zones and unknown names: "-0000" means "zone unknown", so read as UTC.
    const known = minutes ?? 0;
    const sign = known < 0 ? '-' : '+';
    const abs = Math.abs(known);
    offset = known === 0 ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }
  const pad = (n: string | number): string => String(n).padStart(2, '0');
  const iso = `${year}-${pad(month)}-${pad(m[1]!)}T${pad(m[4]!)}:${m[5]}:${m[6] ?? '00'}${offset}`;
  const result = parseArticleDate(iso, now);
  return result.ok ? result : { ok: false, reason: result.reason.replace(iso, raw) };
}
