import { SlashCommandBuilder } from '@discordjs/builders';
import type { Choice, Command } from '../src/core/command.js';
import type { Services } from '../src/core/services.js';
import { releaseRenderMemory } from '../src/geo/locator-map.js';
import { UserError } from '../src/core/errors.js';
import { reply, type ReplyField } from '../src/core/reply.js';
import type { DayRange } from '../src/store/article-store.js';
import {
  dayToIso,
  describePeriod,
  GRANULARITIES,
  isoToDay,
  isGranularity,
  periodCount,
  type Granularity,
} from '../src/trend/granularity.js';
import { buildTrend, describeSeries, trendSpan, type TermKind, type TrendData } from '../src/trend/series.js';
import { cachedTrendChart, slugOf } from '../src/trend/trend-chart.js';
import { countTerm, resolveTerm, type ResolvedTerm } from '../src/trend/trend-terms.js';
import { truncate } from '../src/views/format.js';

/** Terms in one chart: the main one and up to two compared (issue 19). */
export const MAX_TERMS = 3;
/** Beyond this a chart is a smear of points (by:day over 30 years): ask for a coarser one. */
export const MAX_POINTS_DRAWN = 2000;
const KINDS: readonly TermKind[] = ['about', 'place', 'speaker'];

export const data = new SlashCommandBuilder()
  .setName('trend')
  .setDescription('How often a subject, place or speaker is in the news, as a chart of stories over time')
  .addStringOption((o) => o.setName('about').setDescription('Search words: stories matching them').setMaxLength(200))
  .addStringOption((o) =>
    o.setName('place').setDescription('A place in any common spelling (Raqqa, Deir ez-Zor)').setMaxLength(100).setAutocomplete(true),
  )
  .addStringOption((o) =>
    o.setName('speaker').setDescription('Who is quoted (a name, an organisation)').setMaxLength(100).setAutocomplete(true),
  )
  .addStringOption((o) =>
    o.setName('compare').setDescription('Up to 2 more of the same kind, comma-separated (Mosul, Aleppo)').setMaxLength(200),
  )
  .addStringOption((o) => o.setName('from').setDescription('First date: 2017, 2017-10 or 2017-10-17').setMaxLength(10))
  .addStringOption((o) => o.setName('to').setDescription('Last date: 2017, 2017-10 or 2017-10-17').setMaxLength(10))
  .addStringOption((o) =>
    o
      .setName('by')
      .setDescription('Stories per day, week, month or year (default: chosen from the span)')
      .addChoices(...GRANULARITIES.map((g) => ({ name: g, value: g }))),
  );

function optionText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * `2017` / `2017-10` / `2017-10-17` as a UTC day: the first day of the period for `from:`, the last
 * for `to:` (so `from:2017 to:2017` is the whole year).
 */
export function parseDateBound(text: string, end: 'from' | 'to'): number {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text.trim());
  const bad = (): UserError =>
    new UserError('bad_date', `${end}: "${truncate(text, 20)}" is not a date: write 2017, 2017-10 or 2017-10-17.`);
  if (!m) throw bad();
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) throw bad();
  let ms: number;
  if (month === null) ms = end === 'from' ? Date.UTC(year, 0, 1) : Date.UTC(year + 1, 0, 1) - 1;
  else if (day === null) ms = end === 'from' ? Date.UTC(year, month - 1, 1) : Date.UTC(year, month, 1) - 1;
  else {
    ms = Date.UTC(year, month - 1, day);
    if (new Date(ms).getUTCDate() !== day) throw bad(); // 2017-02-30
  }
  return Math.floor(ms / 86_400_000);
}

/** What the user asked, checked: one kind of term, at most three, a span that runs forward. */
export interface TrendRequest {
  kind: TermKind;
  names: string[];
  from: number | null;
  to: number | null;
  by: Granularity | null;
}

export function parseTrendRequest(options: Readonly<Record<string, unknown>>): TrendRequest {
  const given = KINDS.filter((k) => optionText(options[k]) !== undefined);
  if (given.length !== 1) {
    const what = given.length === 0 ? 'Nothing to chart' : `Only one of ${given.map((k) => `${k}:`).join(', ')} at a time`;
    throw new UserError(
      'bad_terms',
      `${what}: give about:<words>, place:<name> or speaker:<name>, and compare: for up to 2 more of the same kind.`,
    );
  }
  const kind = given[0]!;
  const compare = (optionText(options.compare) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const names = [optionText(options[kind])!, ...compare];
  if (names.length > MAX_TERMS) {
    throw new UserError(
      'too_many_terms',
      `compare: takes at most ${MAX_TERMS - 1} more terms (${MAX_TERMS} in a chart); it was given ${compare.length}: ${truncate(compare.join(', '), 200)}.`,
    );
  }
  const fromText = optionText(options.from);
  const toText = optionText(options.to);
  const from = fromText ? parseDateBound(fromText, 'from') : null;
  const to = toText ? parseDateBound(toText, 'to') : null;
  if (from !== null && to !== null && from > to) throw new UserError('bad_span', `from: ${dayToIso(from)} is after to: ${dayToIso(to)}.`);
  const byText = optionText(options.by);
  if (byText !== undefined && !isGranularity(byText))
    throw new UserError('bad_by', `by: is one of ${GRANULARITIES.join(', ')}, not "${truncate(byText, 20)}".`);
  return { kind, names, from, to, by: byText ?? null };
}

const VERB: Record<TermKind, string> = { place: 'mentioning', speaker: 'quoting', about: 'matching' };

function spanText(from: number | null, to: number | null): string {
  if (from !== null && to !== null) return `between ${dayToIso(from)} and ${dayToIso(to)}`;
  if (from !== null) return `since ${dayToIso(from)}`;
  if (to !== null) return `up to ${dayToIso(to)}`;
  return 'at any date';
}

/** `2017-10-17` → `17 October 2017`. */
function formatIsoDay(iso: string): string {
  return describePeriod(dayToIso(isoToDay(iso)), 'day');
}

function joinTerms(terms: readonly string[]): string {
  return terms.length <= 1 ? (terms[0] ?? '') : `${terms.slice(0, -1).join(', ')} and ${terms.at(-1)}`;
}

/** Notes on how terms were read: the speakers a name matched, places counted with their namesake divisions. */
function termNotes(terms: readonly ResolvedTerm[]): string[] {
  const notes: string[] = [];
  for (const t of terms) {
    if (t.kind === 'speaker' && t.speakers.length > 1)
      notes.push(`"${t.term}" counts ${t.speakers.length} speakers: ${truncate(t.speakers.join(', '), 300)}.`);
  }
  const merged = terms.filter((t) => t.kind === 'place' && t.ids.length > 1).map((t) => t.term);
  if (merged.length > 0)
    notes.push(
      `${joinTerms(merged)} also ${merged.length === 1 ? 'counts' : 'count'} the division or seat of the same name, as /where does.`,
    );
  return notes;
}

/** What /trend counts before it draws: the request, its terms as resolved, and the series. */
export interface CountedTrend {
  request: TrendRequest;
  resolved: ResolvedTerm[];
  capped: boolean;
  trend: TrendData;
}

/**
 * The counts of a /trend request, from the tables kept at ingest (the bench times this alone: issue 19
 * asks p99 < 20 ms at 1M stories). Throws the user errors: bad request, unknown term, nothing found.
 */
export async function countTrend(
  options: Readonly<Record<string, unknown>>,
  services: Pick<Services, 'store' | 'geo'>,
): Promise<CountedTrend> {
  const { store, geo } = services;
  const request = parseTrendRequest(options);
  const resolved: ResolvedTerm[] = [];
  for (const name of request.names) resolved.push(await resolveTerm(request.kind, name, geo, store));
  const range: DayRange | null =
    request.from === null && request.to === null ? null : { from: request.from ?? -100_000, to: request.to ?? 100_000 };
  const counted = await Promise.all(resolved.map((t) => countTerm(store, t, range)));
  const asked = { ...(request.from !== null ? { from: request.from } : {}), ...(request.to !== null ? { to: request.to } : {}) };
  const span = trendSpan(counted, asked);
  const total = counted.reduce((sum, c) => sum + c.days.reduce((s, d) => s + d.count, 0), 0);
  const terms = resolved.map((t) => t.term);
  if (!span || total === 0) {
    const what =
      request.kind === 'about'
        ? `matches ${terms.map((t) => `"${t}"`).join(' or ')}`
        : `${request.kind === 'place' ? 'mentions' : 'quotes'} ${joinTerms(terms)}`;
    throw new UserError('no_match', `No stored story ${what} ${spanText(request.from, request.to)}.`, {
      series: [],
      by: request.by,
      from: request.from === null ? null : dayToIso(request.from),
      to: request.to === null ? null : dayToIso(request.to),
    });
  }
  const points = periodCount(span.from, span.to, request.by ?? 'day');
  if (request.by && points > MAX_POINTS_DRAWN) {
    throw new UserError(
      'too_many_points',
      `by:${request.by} from ${dayToIso(span.from)} to ${dayToIso(span.to)} is ${points.toLocaleString('en-US')} points (at most ${MAX_POINTS_DRAWN.toLocaleString('en-US')}): choose a coarser by: or a shorter span.`,
    );
  }

  return { request, resolved, capped: counted.some((c) => c.capped), trend: buildTrend(counted, span, request.by) };
}

export const execute: Command['execute'] = async ({ options, services }) => {
  const { request, resolved, capped, trend } = await countTrend(options, services);
  const terms = resolved.map((t) => t.term);
  const lines = trend.series.map((s) => describeSeries(s, trend.by));
  lines.push(...termNotes(resolved));
  if (capped) lines.push('A very common search: only its newest matching stories are counted; narrow it with from: and to:.');

  const kindWord = request.kind === 'about' ? `"${joinTerms(terms)}"` : joinTerms(terms);
  const chartText = {
    title: `Stories per ${trend.by} ${VERB[request.kind]} ${kindWord}`,
    subtitle: `${formatIsoDay(trend.from)} to ${formatIsoDay(trend.to)} · stories in the Dateline store`,
  };
  const chart = cachedTrendChart(trend, chartText, 'full');
  // One turn of the event loop frees resvg's native buffers (see /where).
  await releaseRenderMemory();

  const fields: ReplyField[] = [
    { name: 'Span', value: `${trend.from} to ${trend.to}`, inline: true },
    { name: 'Per', value: trend.by, inline: true },
  ];
  return reply({
    title: `Trend: ${truncate(terms.join(', '), 200)}`,
    text: lines.join('\n'),
    fields,
    // Places and speakers are counted in tables kept at ingest; a search, in the full-text index now.
    footer: `Stories per period, ${request.kind === 'about' ? 'matching the search' : 'counted at ingest'} · chart: Apache ECharts`,
    image: { name: `trend-${slugOf(terms)}.png`, png: chart.png, description: chartText.title, label: 'chart' },
    data: trend,
  });
};

export const autocomplete: NonNullable<Command['autocomplete']> = ({ focused, services }) => suggest(focused, services);

async function suggest(focused: { name: string; value: string }, services: Services): Promise<Choice[]> {
  if (focused.name === 'speaker') {
    return (await services.store.quotes.suggestSpeakers(focused.value.trim(), 25))
      .filter((s) => s !== 'unknown')
      .map((s) => ({ name: truncate(s, 100), value: truncate(s, 100) }));
  }
  if (focused.name === 'place') {
    return services.geo.suggest(focused.value, 25).map((p) => {
      const value = p.kind === 'country' || !p.country ? p.name : `${p.name}, ${p.country}`;
      return {
        name: truncate(`${p.name} (${p.kindLabel}${p.country && p.kind !== 'country' ? `, ${p.country}` : ''})`, 100),
        value: value.slice(0, 100),
      };
    });
  }
  return [];
}

// The first chart of a process loads the charting library (~0.3-1 s): defer in Discord.
export const trend: Command = { data, execute, autocomplete, slow: true };
