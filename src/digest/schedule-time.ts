import { localDateKey, utcToZoned, zoneOffsetMinutes } from '../core/zoned-time.js';

/** A subscription's wall-clock time of day. */
export interface DigestTime {
  hour: number;
  minute: number;
}

export const TIME_FORM = 'HH:MM on a 24-hour clock, e.g. 08:00 or 18:30';

/** `8:05`, `08:05` → {8, 5}; anything else → null (the caller names the expected form). */
export function parseDigestTime(text: string): DigestTime | null {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

export function formatDigestTime(t: DigestTime): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

/** `1987-03-02` + n days, by the calendar (no zone involved). */
export function addDays(localDate: string, days: number): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant a digest is due on `localDate` at `time` in `zone`, following RFC 5545 (iCalendar):
 * a wall time that occurs twice (autumn fall-back) means the first occurrence; one that does not
 * exist (spring-forward gap) is read with the offset from before the gap, so 01:30 on the day
 * London skips 01:00-02:00 is due at 02:30 BST, and 02:30 in New York at 03:30 EDT.
 */
export function scheduledInstant(localDate: string, time: DigestTime, zone: string): Date {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, time.hour, time.minute, 0);
  const before = zoneOffsetMinutes(zone, new Date(naive - DAY_MS));
  const after = zoneOffsetMinutes(zone, new Date(naive + DAY_MS));
  const at = zoneOffsetMinutes(zone, new Date(naive));
  const matches = [...new Set([before, at, after])]
    .map((offset) => naive - offset * 60_000)
    .filter((instant) => {
      const wall = utcToZoned(new Date(instant), zone);
      return wall.hour === time.hour && wall.minute === time.minute && localDateKey(new Date(instant), zone) === localDate;
    })
    .sort((a, b) => a - b);
  if (matches.length > 0) return new Date(matches[0]!);
  // The gap: a transition lies within a day of the wall time, so `before` is the pre-gap offset.
  return new Date(naive - before * 60_000);
}

export interface Occurrence {
  /** The local date the digest belongs to: the ledger key. */
  localDate: string;
  /** When it is due. */
  at: Date;
}

/**
 * The latest occurrence due at or before `now`: today's when its time has come, else yesterday's.
 * Yesterday's matters after downtime across midnight (a 23:55 digest missed until 00:10).
 */
export function latestOccurrence(now: Date, time: DigestTime, zone: string): Occurrence {
  const today = localDateKey(now, zone);
  const todayAt = scheduledInstant(today, time, zone);
  if (todayAt.getTime() <= now.getTime()) return { localDate: today, at: todayAt };
  const yesterday = addDays(today, -1);
  return { localDate: yesterday, at: scheduledInstant(yesterday, time, zone) };
}

/** The next occurrence strictly after `now`, for `/digest list`. */
export function nextOccurrence(now: Date, time: DigestTime, zone: string): Occurrence {
  const today = localDateKey(now, zone);
  for (let i = 0; i < 3; i++) {
    const localDate = addDays(today, i);
    const at = scheduledInstant(localDate, time, zone);
    if (at.getTime() > now.getTime()) return { localDate, at };
  }
  const localDate = addDays(today, 3);
  return { localDate, at: scheduledInstant(localDate, time, zone) };
}
