import { parseArgs } from 'node:util';
import { buildDigest, digestToJson, digestWindowStart } from '../digest/build-digest.js';
import { renderDigest } from '../digest/render-digest.js';
import { isValidTimeZone, zonedToUtc } from '../core/zoned-time.js';
import { renderReplyText } from '../transports/shell/render-text.js';
import { ExitCode, println, type CliIo } from './cli-io.js';
import { openCliApp } from './open-app.js';

const USAGE = 'Usage: dateline digest --at YYYY-MM-DDTHH:MM [--tz ZONE] [--about WORDS] [--json] [--all] [--db PATH]';

/** `1987-03-02T08:00` (local wall time, seconds optional) → its parts; null when malformed. */
export function parseLocalDateTime(
  text: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second };
}

/**
 * `dateline digest --at 1987-03-02T08:00 --tz Europe/London [--about syria] [--json] [--all]`: the digest a
 * first-time subscription would get at that moment (the 24 h before it), straight from the store;
 * `--all` gives every event and every story of the window (the events eval reads it).
 */
export async function runDigest(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      at: { type: 'string' },
      tz: { type: 'string' },
      about: { type: 'string' },
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      db: { type: 'string' },
    },
  });
  if (!values.at) {
    println(io.stderr, USAGE);
    return ExitCode.userError;
  }
  const local = parseLocalDateTime(values.at);
  if (!local) {
    println(io.stderr, `--at must be a local date and time as YYYY-MM-DDTHH:MM (e.g. 1987-03-02T08:00), got "${values.at}".\n${USAGE}`);
    return ExitCode.userError;
  }
  const { app, config } = await openCliApp(io, values.db);
  try {
    const tz = values.tz ?? config.timezone;
    if (!isValidTimeZone(tz)) {
      println(io.stderr, `--tz must be an IANA time zone such as Europe/London or America/New_York, got "${tz}".`);
      return ExitCode.userError;
    }
    const at = zonedToUtc(local, tz);
    const digest = await buildDigest(
      { store: app.services.store, geo: app.services.geo },
      { since: digestWindowStart(at, null), at, tz, about: values.about?.trim() || null, all: values.all ?? false },
    );
    if (values.json) {
      println(io.stdout, JSON.stringify(digestToJson(digest, { all: values.all ?? false })));
    } else {
      const parts = renderDigest(digest, { marker: null });
      println(io.stdout, parts.map((p) => renderReplyText(p)).join('\n\n'));
    }
    return ExitCode.ok;
  } finally {
    await app.close();
  }
}
