import { daysInMonth, formatInZone, zonedToUtc, type LocalDateTime } from '../core/zoned-time.js';

export type DateResult = { ok: true; published: string; zone: string | null; ms: number } | { ok: false; reason: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Wire copy older than the telegraph is a data error, and so is news from the future. */
const EARLIEST_YEAR = 1800;
const FUTURE_SLACK_MS = 2 * 86400000;

/**
 * Parse a record's date: ISO 8601 (with or without time and offset) or epoch milliseconds.
 * A calendar-impossible date (2017-02-30, month 13) is rejected rather than rolled over.
 * Without an offset, the time is read in `assumeZone` (the source's home zone) or as UTC.
 */
export function parseArticleDate(value: unknown, now: Date, assumeZone: string | null = null): DateResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'date is not a finite number' };
    return checkRange(new Date(value), 'UTC', now);
  }
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'missing date' };
  const m = ISO.exec(value.trim());
  if (!m) return { ok: false, reason: `unreadable date "${value}" (expected ISO 8601, e.g. 2017-09-09T19:03:53Z)` };
  const local: LocalDateTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
  };
  if (local.month < 1 || local.month > 12 || local.day < 1 || local.day > daysInMonth(local.year, local.month)) {
    return { ok: false, reason: `impossible date "${value}"` };
  }
  if (local.hour > 23 || local.minute > 59 || local.second > 59) return { ok: false, reason: `impossible time in "${value}"` };
  const offsetText = m[7];
  if (offsetText) {
    const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
    if (offsetText.toUpperCase() === 'Z') return checkRange(new Date(naive), 'UTC', now);
    const sign = offsetText.startsWith('-') ? -1 : 1;
    const digits = offsetText.slice(1).replace(':', '');
    const minutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
    if (Math.abs(minutes) > 14 * 60) return { ok: false, reason: `impossible UTC offset in "${value}"` };
    const instant = new Date(naive - minutes * 60000);
    const range = checkRange(instant, 'UTC', now);
    if (!range.ok) return range;
    return { ok: true, published: withOffset(instant, minutes), zone: offsetText, ms: instant.getTime() };
  }
  const zone = assumeZone ?? 'UTC';
  return checkRange(zonedToUtc(local, zone), zone, now, assumeZone);
}

function checkRange(instant: Date, zone: string, now: Date, reportedZone: string | null = zone): DateResult {
  if (Number.isNaN(instant.getTime())) return { ok: false, reason: 'invalid date' };
  if (instant.getUTCFullYear() < EARLIEST_YEAR)
    return { ok: false, reason: `impossible date ${instant.toISOString()} (before ${EARLIEST_YEAR})` };
  if (instant.getTime() > now.getTime() + FUTURE_SLACK_MS) return { ok: false, reason: `date ${instant.toISOString()} is in the future` };
  return { ok: true, published: formatInZone(instant, zone), zone: reportedZone, ms: instant.getTime() };
}

function withOffset(instant: Date, minutes: number): string {
  const shifted = new Date(instant.getTime() + minutes * 60000).toISOString().slice(0, 19);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
