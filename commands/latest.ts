import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply } from '../src/core/reply.js';
import { formatPublished, plural, truncate } from '../src/views/format.js';

const MAX_RESULTS = 10;

export const data = new SlashCommandBuilder()
  .setName('latest')
  .setDescription('The newest stories in the store')
  .addIntegerOption((o) =>
    o.setName('count').setDescription(`How many (1-${MAX_RESULTS}, default 5)`).setMinValue(1).setMaxValue(MAX_RESULTS),
  );

export const execute: Command['execute'] = async ({ options, services, caller }) => {
  const count = typeof options.count === 'number' ? options.count : 5;
  // More than asked when some may be other servers' feed stories (DATELINE_FEED_STORIES=own-server), as /search does.
  const stories = (await services.feeds.visibleTo(caller.guildId, await services.store.stories.latest(count * 3))).slice(0, count);
  const total = await services.store.stories.count();
  if (stories.length === 0)
    throw new UserError('empty_store', 'The store is empty: ingest some news first (dateline ingest PATH).', { results: [] });
  return reply({
    title: 'Latest stories',
    text:
      stories.length === 1
        ? `The newest of ${plural(total, 'story', 'stories')}.`
        : `${stories.length} newest of ${plural(total, 'story', 'stories')}.`,
    fields: stories.map((s) => ({
      name: truncate(s.headline, 240),
      value: truncate(`${formatPublished(s.published)} · ${s.source}${s.datelinePlace ? ` · ${s.datelinePlace}` : ''} · id ${s.id}`, 1000),
    })),
    data: { results: stories.map((s) => ({ id: s.id, title: s.headline, date: s.published, source: s.source })) },
  });
};

export const latest: Command = { data, execute };
