/**
 * Time-zone arithmetic on top of Intl, so no tz database package is needed: Node ships ICU.
 */

// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Offset of `zone` from UTC at instant `date`, in minutes (Asia/Shanghai → 480). */
export function zoneOffsetMinutes(zone: string, date: Date): number {
  if (zone === 'UTC') return 0;
  const parts = formatterFor(zone).formatToParts(date);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The instant at which the wall clock in `zone` shows `local`. In a DST gap the later
 * offset is used; in an overlap, the earlier instant.
 */
export function zonedToUtc(local: LocalDateTime, zone: string): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  let guess = naive - zoneOffsetMinutes(zone, new Date(naive)) * 60000;
  // Two refinements settle the offset on both sides of a transition.
  for (let i = 0; i < 2; i++) guess = naive - zoneOffsetMinutes(zone, new Date(guess)) * 60000;
  const earlier = guess - 3600000;
  if (naive - zoneOffsetMinutes(zone, new Date(earlier)) * 60000 === earlier) return new Date(earlier);
  return new Date(guess);
}

/** The wall-clock reading of `date` in `zone`. */
export function utcToZoned(date: Date, zone: string): LocalDateTime {
  const shifted = new Date(date.getTime() + zoneOffsetMinutes(zone, date) * 60000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** `2017-09-09T19:03:53+08:00`: the instant as the zone's wall clock shows it, with the offset. */
export function formatInZone(date: Date, zone: string): string {
  const l = utcToZoned(date, zone);
  const offset = formatOffset(zoneOffsetMinutes(zone, date));
  return `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}${offset}`;
}

/** `YYYY-MM-DD` of the instant in the zone: the "local date" digests are keyed by. */
export function localDateKey(date: Date, zone: string): string {
  const l = utcToZoned(date, zone);
  return `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}`;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
