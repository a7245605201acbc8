import { SlashCommandBuilder } from '@discordjs/builders';
import { ChannelType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { distance } from 'fastest-levenshtein';
import { channelInCallerGuild, type Caller, type Choice, type Command, type CommandContext } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply, type Reply } from '../src/core/reply.js';
import { isValidTimeZone } from '../src/core/zoned-time.js';
import { buildDigest, digestToJson, digestWindowStart } from '../src/digest/build-digest.js';
import { formatDigestMoment, renderDigest } from '../src/digest/render-digest.js';
import { storeVisibleTo } from '../src/digest/visible-store.js';
import { TIME_FORM, formatDigestTime, nextOccurrence, parseDigestTime } from '../src/digest/schedule-time.js';
import type { Subscription } from '../src/store/subscription-store.js';

export const data = new SlashCommandBuilder()
  .setName('digest')
  .setDescription('Daily news digests posted to a channel')
  // Configuring a server's channels: Manage Server only, and never in DMs.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('subscribe')
      .setDescription('Post a digest to a channel every day at a local time')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Where to post')
          .setRequired(true)
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addStringOption((o) => o.setName('time').setDescription('Local time, HH:MM (24-hour), e.g. 08:00').setRequired(true).setMaxLength(5))
      .addStringOption((o) =>
        o
          .setName('timezone')
          .setDescription("IANA time zone, e.g. Europe/London (default: the bot's)")
          .setAutocomplete(true)
          .setMaxLength(64),
      )
      .addStringOption((o) => o.setName('about').setDescription('Only stories about this place or topic').setMaxLength(100))
      .addBooleanOption((o) => o.setName('quiet').setDescription('Post nothing on a day without stories (default: a short note)')),
  )
  .addSubcommand((s) =>
    s
      .setName('unsubscribe')
      .setDescription('Stop the daily digest in a channel')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('The channel')
          .setRequired(true)
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      ),
  )
  .addSubcommand((s) => s.setName('list').setDescription("This server's digest subscriptions and their state"))
  .addSubcommand((s) =>
    s
      .setName('preview')
      .setDescription('What would be posted now (only you see it)')
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('A subscribed channel (default: this one)')
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      ),
  );

const ZONE_EXAMPLES = 'such as Europe/London, America/New_York or Asia/Shanghai';

function allZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** The canonical spelling of a zone (`europe/london` → `Europe/London`), or a UserError naming the form. */
export function resolveTimeZone(text: string): string {
  const zone = text.trim();
  if (zone && isValidTimeZone(zone)) {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    // Prefer the spelling users see in lists when only case differs.
    return allZones().find((z) => z.toLowerCase() === zone.toLowerCase()) ?? canonical;
  }
  const close = allZones()
    .map((z) => ({ z, d: distance(z.toLowerCase(), zone.toLowerCase()) }))
    .filter((c) => c.d <= 3)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((c) => c.z);
  const hint = close.length > 0 ? ` Did you mean ${close.join(', ')}?` : '';
  throw new UserError('bad_timezone', `Unknown time zone "${zone}": give an IANA zone name ${ZONE_EXAMPLES}.${hint}`, {
    error: 'bad_timezone',
    suggestions: close,
  });
}

function requireManager(caller: Caller): void {
  if (!caller.canManageGuild) throw new UserError('forbidden', 'Only members with the Manage Server permission can change digests.');
}

/** A channel named in an option must be in the server the command came from (it could name another server's). */
async function requireOwnChannel(ctx: CommandContext, channelId: string): Promise<void> {
  if (!(await channelInCallerGuild(ctx.caller, channelId))) {
    throw new UserError('foreign_channel', `${channelLabel(channelId)} is not a channel of this server.`, { error: 'foreign_channel' });
  }
}

function channelLabel(channelId: string): string {
  return /^\d{17,20}$/.test(channelId) ? `<#${channelId}>` : `#${channelId}`;
}

async function describeSubscription(sub: Subscription, ctx: CommandContext): Promise<string> {
  const now = ctx.services.clock.now();
  const time = parseDigestTime(sub.time);
  const lines = [`${sub.time} ${sub.timezone}${sub.about ? ` · about ${sub.about}` : ''}${sub.quiet ? ' · quiet' : ''}`];
  if (sub.pausedAt) {
    lines.push(
      `PAUSED since ${formatDigestMoment(new Date(sub.pausedAt), sub.timezone)}: ${sub.pauseReason ?? 'posting failed'}. Subscribe again to resume.`,
    );
  } else if (time) {
    lines.push(`Next: ${formatDigestMoment(nextOccurrence(now, time, sub.timezone).at, sub.timezone)}`);
  }
  const last = await ctx.services.subscriptions.lastDelivery(sub.id);
  if (last) {
    const when = formatDigestMoment(new Date(last.finishedAt ?? last.scheduledAt), sub.timezone);
    const state =
      last.status === 'delivered'
        ? `posted ${when}${last.late ? ' (late)' : ''}`
        : last.status === 'skipped'
          ? `nothing to post ${when} (quiet)`
          : last.status === 'retry'
            ? `attempt ${last.attempts} failed (${last.lastError ?? 'error'}); retrying ${last.nextAttemptAt ? formatDigestMoment(new Date(last.nextAttemptAt), sub.timezone) : 'soon'}`
            : last.status === 'failed'
              ? `failed after ${last.attempts} attempts: ${last.lastError ?? 'error'}`
              : 'posting now';
    lines.push(`Last (${last.localDate}): ${state}`);
  }
  return lines.join('\n');
}

function subscriptionJson(sub: Subscription): Record<string, unknown> {
  return {
    id: sub.id,
    channelId: sub.channelId,
    guildId: sub.guildId,
    time: sub.time,
    timezone: sub.timezone,
    about: sub.about,
    quiet: sub.quiet,
    paused: sub.pausedAt !== null,
    pauseReason: sub.pauseReason,
  };
}

async function subscribe(ctx: CommandContext): Promise<Reply> {
  requireManager(ctx.caller);
  const channelId = String(ctx.options.channel ?? '').trim();
  if (!channelId) throw new UserError('usage', 'Name the channel to post in: /digest subscribe channel:#news time:08:00');
  const timeText = String(ctx.options.time ?? '');
  const time = parseDigestTime(timeText);
  if (!time) throw new UserError('bad_time', `Time must be ${TIME_FORM}; got "${timeText}".`, { error: 'bad_time' });
  const zoneText =
    typeof ctx.options.timezone === 'string' && ctx.options.timezone.trim() ? ctx.options.timezone : ctx.services.defaultTimeZone;
  const timezone = resolveTimeZone(zoneText);
  const about = typeof ctx.options.about === 'string' && ctx.options.about.trim() ? ctx.options.about.trim() : null;
  await requireOwnChannel(ctx, channelId);
  const limit = ctx.services.tenancy?.maxSubscriptionsPerGuild;
  if (limit !== undefined && ctx.caller.guildId !== null) {
    const subs = await ctx.services.subscriptions.list(ctx.caller.guildId);
    if (!subs.some((sub) => sub.channelId === channelId) && subs.length >= limit) {
      throw new UserError(
        'subscription_limit',
        `This server already has ${subs.length} digest subscriptions, the most it may have (${limit}). Unsubscribe a channel first.`,
        { error: 'subscription_limit', limit },
      );
    }
  }
  const now = ctx.services.clock.now();
  const { subscription, replaced } = await ctx.services.subscriptions.subscribe(
    {
      guildId: ctx.caller.guildId,
      channelId,
      time: formatDigestTime(time),
      timezone,
      about,
      quiet: ctx.options.quiet === true,
      createdBy: ctx.caller.userId,
    },
    now,
  );
  const next = nextOccurrence(now, time, timezone);
  return reply({
    title: replaced ? 'Digest updated' : 'Digest subscribed',
    text:
      `${channelLabel(channelId)} gets the news every day at ${subscription.time} (${timezone})${about ? `, about ${about}` : ''}. ` +
      `First: ${formatDigestMoment(next.at, timezone)}.`,
    data: { subscription: subscriptionJson(subscription), next: next.at.toISOString(), replaced },
  });
}

async function unsubscribe(ctx: CommandContext): Promise<Reply> {
  requireManager(ctx.caller);
  const channelId = String(ctx.options.channel ?? '').trim();
  const existing = await ctx.services.subscriptions.byChannel(channelId);
  if (!existing || (ctx.caller.guildId !== null && existing.guildId !== ctx.caller.guildId)) {
    throw new UserError('not_subscribed', `${channelLabel(channelId)} has no daily digest.`, { error: 'not_subscribed' });
  }
  await ctx.services.subscriptions.unsubscribe(channelId, ctx.services.clock.now());
  return reply({
    title: 'Digest stopped',
    text: `${channelLabel(channelId)} will no longer get the daily digest.`,
    data: { unsubscribed: channelId },
  });
}

async function list(ctx: CommandContext): Promise<Reply> {
  requireManager(ctx.caller);
  const subs = await ctx.services.subscriptions.list(ctx.caller.guildId);
  if (subs.length === 0) {
    return reply({
      title: 'Digests',
      text: 'No channel here gets a daily digest. Start one with /digest subscribe channel: time:',
      ephemeral: true,
      data: { subscriptions: [] },
    });
  }
  const paused = subs.filter((s) => s.pausedAt).length;
  return reply({
    title: 'Digests',
    text: `${subs.length} ${subs.length === 1 ? 'channel gets' : 'channels get'} a daily digest${paused ? `; ${paused} paused after failures` : ''}.`,
    fields: await Promise.all(
      subs.slice(0, 25).map(async (s) => ({ name: channelLabel(s.channelId), value: await describeSubscription(s, ctx) })),
    ),
    ephemeral: true,
    data: { subscriptions: subs.map(subscriptionJson) },
  });
}

async function preview(ctx: CommandContext): Promise<Reply> {
  const channelId =
    typeof ctx.options.channel === 'string' && ctx.options.channel.trim() ? ctx.options.channel.trim() : ctx.caller.channelId;
  // Another server's channel would show its subscription's filter: refused like any foreign channel.
  await requireOwnChannel(ctx, channelId);
  const found = await ctx.services.subscriptions.byChannel(channelId);
  const sub = found && (ctx.caller.guildId === null || found.guildId === ctx.caller.guildId) ? found : null;
  const now = ctx.services.clock.now();
  const tz = sub?.timezone ?? ctx.services.defaultTimeZone;
  const previous = sub ? await ctx.services.subscriptions.lastFinished(sub.id) : null;
  const store = storeVisibleTo(ctx.services.store, ctx.caller.guildId, (guildId, items) => ctx.services.feeds.visibleTo(guildId, items));
  const digest = await buildDigest(
    { store, geo: ctx.services.geo },
    { since: digestWindowStart(now, previous ? new Date(previous.at) : null), at: now, tz, about: sub?.about ?? null },
  );
  const parts = renderDigest(digest, { marker: null, heading: 'Digest preview' });
  const first = parts[0]!;
  const note = sub ? '' : `\n(${channelLabel(channelId)} has no subscription: this is the last 24 h in ${tz}.)`;
  const more =
    parts.length > 1 ? `\n(The real digest continues over ${parts.length - 1} more ${parts.length === 2 ? 'message' : 'messages'}.)` : '';
  return { ...first, text: `${first.text}${note}${more}`.trim(), ephemeral: true, data: digestToJson(digest) };
}

export const execute: Command['execute'] = async (ctx) => {
  switch (ctx.subcommand) {
    case 'subscribe':
      return subscribe(ctx);
    case 'unsubscribe':
      return unsubscribe(ctx);
    case 'list':
      return list(ctx);
    case 'preview':
      return preview(ctx);
    default:
      throw new UserError('usage', '/digest needs one of: subscribe, unsubscribe, list, preview');
  }
};

/** Time zones as the user types them ("london" finds Europe/London). */
export const autocomplete: NonNullable<Command['autocomplete']> = ({ focused }) => {
  if (focused.name !== 'timezone') return Promise.resolve([]);
  const typed = focused.value.trim().toLowerCase().replace(/\s+/g, '_');
  const zones = allZones();
  const hits = typed
    ? zones.filter((z) => z.toLowerCase().includes(typed))
    : ['UTC', 'Europe/London', 'America/New_York', 'Asia/Shanghai', 'Asia/Damascus'];
  return Promise.resolve(hits.slice(0, 25).map((z): Choice => ({ name: z, value: z })));
};

export const digest: Command = { data, execute, autocomplete };
