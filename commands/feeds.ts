import { SlashCommandBuilder } from '@discordjs/builders';
import { ChannelType, InteractionContextType, PermissionFlagsBits } from 'discord-api-types/v10';
import { channelInCallerGuild, type Command, type CommandContext } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply, type Reply } from '../src/core/reply.js';
import type { FeedPollResult } from '../src/feeds/feed-service.js';
import type { Feed } from '../src/store/feed-store.js';
import { channelLabel, feedStatusLine } from '../src/feeds/feed-status.js';
import { plural, truncate } from '../src/views/format.js';

const MAX_LISTED = 25; // Discord's field limit per embed.

export const data = new SlashCommandBuilder()
  .setName('feeds')
  .setDescription('RSS/Atom feeds that keep the news current (Manage Server)')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Poll a feed; optionally post its new stories to a channel')
      .addStringOption((o) => o.setName('url').setDescription('The feed address (RSS or Atom)').setRequired(true).setMaxLength(500))
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Post a short note for each new story here (off by default)')
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      )
      .addIntegerOption((o) => o.setName('interval').setDescription('Minutes between polls (default 15)').setMinValue(5).setMaxValue(1440)),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Stop polling a feed, or only stop posting it to one channel')
      .addStringOption((o) => o.setName('url').setDescription('The feed address').setRequired(true).setMaxLength(500).setAutocomplete(true))
      .addChannelOption((o) =>
        o
          .setName('channel')
          .setDescription('Only stop the posts to this channel')
          .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
      ),
  )
  .addSubcommand((s) => s.setName('list').setDescription('Every feed with its health: last success, last error, stories added'));

function requireManager(ctx: CommandContext): void {
  // Discord hides the command from others (default permissions); this guards every other transport too.
  if (!ctx.caller.canManageGuild) throw new UserError('forbidden', 'Only members with Manage Server can change feeds.');
}

function feedJson(feed: Feed): Record<string, unknown> {
  return {
    url: feed.url,
    title: feed.title,
    intervalMinutes: feed.intervalMinutes,
    origin: feed.origin,
    operator: isOperatorFeed(feed),
    channels: feed.channels,
    health: feed.health,
  };
}

/** The operator's feed (DATELINE_FEEDS) as a server sees it: listed for everyone, removed only by the operator. */
function isOperatorFeed(feed: Feed): boolean {
  return feed.origin === 'config';
}

/** A channel option must name a channel of the server the command came from. */
async function requireOwnChannel(ctx: CommandContext, channelId: string): Promise<void> {
  if (!(await channelInCallerGuild(ctx.caller, channelId))) {
    throw new UserError('foreign_channel', `${channelLabel(channelId)} is not a channel of this server.`, { error: 'foreign_channel' });
  }
}

function pollSummary(poll: FeedPollResult): string {
  if (poll.outcome === 'failed')
    return `The first poll failed: ${poll.tally.errors[0]?.reason ?? 'unknown error'}. It will be retried, less often while it keeps failing.`;
  if (poll.outcome === 'not-modified') return 'Nothing new since the last poll.';
  const { added, duplicate, rejected } = poll.tally;
  const extra = rejected > 0 ? ` ${plural(rejected, 'item')} rejected (see /feeds list).` : '';
  return `${plural(added, 'new story', 'new stories')} stored, ${duplicate} already known.${extra}`;
}

async function add(ctx: CommandContext): Promise<Reply> {
  const url = String(ctx.options.url ?? '');
  const channelId = typeof ctx.options.channel === 'string' && ctx.options.channel ? ctx.options.channel : null;
  const interval = typeof ctx.options.interval === 'number' ? ctx.options.interval : undefined;
  if (channelId) await requireOwnChannel(ctx, channelId);
  const { created, feed, poll } = await ctx.services.feeds.add({
    url,
    guildId: ctx.caller.guildId,
    addedBy: ctx.caller.userId,
    channel: channelId ? { guildId: ctx.caller.guildId, channelId } : null,
    ...(interval !== undefined ? { intervalMinutes: interval } : {}),
  });
  const name = feed.title ?? feed.url;
  const posting = channelId ? ` New stories will be posted to ${channelLabel(channelId)} from the next poll on.` : '';
  return reply({
    title: truncate(`${created ? 'Feed added' : 'Feed updated'}: ${name}`, 240),
    text: `${pollSummary(poll)} Polled every ${feed.intervalMinutes} min.${posting}`,
    url: feed.url,
    data: {
      created,
      feed: feedJson(feed),
      poll: {
        outcome: poll.outcome,
        added: poll.tally.added,
        duplicate: poll.tally.duplicate,
        rejected: poll.tally.rejected,
        errors: poll.tally.errors,
      },
    },
  });
}

async function remove(ctx: CommandContext): Promise<Reply> {
  const url = String(ctx.options.url ?? '').trim();
  const guildId = ctx.caller.guildId;
  // Another server's feed is not even acknowledged: it is as unknown as a URL nobody added.
  const feed = await ctx.services.feeds.get(url, guildId);
  if (!feed) throw new UserError('unknown_feed', `No feed ${truncate(url, 200)} is polled. /feeds list shows them.`, { removed: false });
  const channelId = typeof ctx.options.channel === 'string' && ctx.options.channel ? ctx.options.channel : null;
  if (channelId) {
    await requireOwnChannel(ctx, channelId);
    if (!feed.channels.some((c) => c.channelId === channelId) || !(await ctx.services.feeds.removeChannel(feed.url, channelId))) {
      throw new UserError('unknown_channel', `${feed.title ?? feed.url} does not post to ${channelLabel(channelId)}.`, { removed: false });
    }
    return reply({
      text: `${feed.title ?? feed.url} no longer posts to ${channelLabel(channelId)}; it is still polled.`,
      data: { removed: 'channel', url: feed.url, channelId },
    });
  }
  if (guildId !== null) {
    const own = feed.owners.includes(guildId);
    if (!own) {
      throw new UserError(
        'operator_feed',
        `${feed.title ?? feed.url} is the operator's feed (DATELINE_FEEDS): only the bot's operator can remove it. You can stop its posts here with the channel option.`,
        { removed: false, error: 'operator_feed' },
      );
    }
    await ctx.services.feeds.remove(feed.url, guildId);
    const still = isOperatorFeed(feed) ? ' The operator still polls it for every server.' : '';
    return reply({
      text: `Stopped polling ${feed.title ?? feed.url} for this server. Its stories stay in the store.${still}`,
      data: { removed: 'feed', url: feed.url },
    });
  }
  await ctx.services.feeds.remove(feed.url);
  const note = isOperatorFeed(feed) ? ' It is listed in DATELINE_FEEDS: remove it there too, or it comes back at the next start.' : '';
  return reply({
    text: `Stopped polling ${feed.title ?? feed.url}. Its stories stay in the store.${note}`,
    data: { removed: 'feed', url: feed.url },
  });
}

async function list(ctx: CommandContext): Promise<Reply> {
  const feeds = await ctx.services.feeds.list(ctx.caller.guildId);
  if (feeds.length === 0) {
    return reply({ title: 'Feeds', text: 'No feeds yet. Add one with /feeds add url:https://example.com/rss.xml', data: { feeds: [] } });
  }
  const failing = feeds.filter((f) => f.health.consecutiveFailures > 0).length;
  const shown = feeds.slice(0, MAX_LISTED);
  return reply({
    title: 'Feeds',
    text: `${plural(feeds.length, 'feed')}${failing ? `, ${failing} failing` : ', all healthy'}.${feeds.length > shown.length ? ` Showing the first ${shown.length}.` : ''}`,
    fields: shown.map((f) => ({
      name: truncate(`${f.title ?? f.url}${isOperatorFeed(f) ? ' (operator feed)' : ''}`, 240),
      value: truncate(`${f.url}\n${feedStatusLine(f)}`, 1000),
    })),
    data: { feeds: feeds.map(feedJson) },
  });
}

export const execute: Command['execute'] = async (ctx) => {
  requireManager(ctx);
  switch (ctx.subcommand) {
    case 'add':
      return add(ctx);
    case 'remove':
      return remove(ctx);
    case 'list':
      return list(ctx);
    default:
      throw new UserError('usage', '/feeds needs one of: add, remove, list');
  }
};

export const autocomplete: NonNullable<Command['autocomplete']> = async ({ focused, services, guildId }) => {
  const typed = focused.value.trim().toLowerCase();
  return (
    (await services.feeds.list(guildId ?? null))
      // A choice value is at most 100 characters: longer URLs must be typed out.
      .filter(
        (f) => f.url.length <= 100 && (!typed || f.url.toLowerCase().includes(typed) || (f.title ?? '').toLowerCase().includes(typed)),
      )
      .slice(0, 25)
      .map((f) => ({ name: truncate(`${f.title ?? f.url} (${f.url})`, 100), value: f.url }))
  );
};

/** The first poll of a new feed can take a while (slow hosts, big feeds): Discord defers. */
export const feeds: Command = { data, execute, autocomplete, slow: true };
