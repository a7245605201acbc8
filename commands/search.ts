import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply } from '../src/core/reply.js';
import { formatDay, plural, truncate } from '../src/views/format.js';

const MAX_RESULTS = 10;

export const data = new SlashCommandBuilder()
  .setName('search')
  .setDescription('Search the stored news (best matches first)')
  .addStringOption((o) => o.setName('query').setDescription('Words to look for').setRequired(true).setMaxLength(200))
  .addIntegerOption((o) =>
    o.setName('count').setDescription(`How many results (1-${MAX_RESULTS}, default 5)`).setMinValue(1).setMaxValue(MAX_RESULTS),
  );

export const execute: Command['execute'] = async ({ options, services, caller }) => {
  const query = String(options.query ?? '').trim();
  const count = typeof options.count === 'number' ? options.count : 5;
  // Stories only other servers' feeds brought may be theirs (DATELINE_FEED_STORIES=own-server): fetch spare hits,
  // with their snippets only when some of the first may be left out (a snippet reads and parses the story again).
  const snippets = services.feeds.hidesStoriesFrom(caller.guildId) ? count * 3 : count;
  const hits = (await services.feeds.visibleTo(caller.guildId, await services.store.stories.search(query, count * 3, { snippets }))).slice(
    0,
    count,
  );
  if (hits.length === 0) {
    // A search that holds quotes of its own ("spot market" -tin) is set in curly ones.
    const shown = query.includes('"') ? `“${query}”` : `"${query}"`;
    throw new UserError('no_match', `No story matches ${shown}.`, { results: [] });
  }
  // A word in a good share of the news ("oil" on an energy wire) is not ranked by: the newest matches come
  // first then, those with every word in the headline before the others (rank 0 on both backends), and
  // the reply says so rather than call them the best.
  const newest = hits.every((h) => h.rank === 0);
  const which = newest
    ? `${hits.length === 1 ? 'The newest match' : `The ${hits.length} newest matches`}, headlines with every word first (a word of the search is too common to rank by)`
    : hits.length === 1
      ? 'The best match'
      : `The ${hits.length} best matches`;
  return reply({
    title: `Search: ${truncate(query, 200)}`,
    text: `${which} in ${plural(await services.store.stories.count(), 'story', 'stories')}.`,
    fields: hits.map((hit) => ({
      name: truncate(hit.headline, 240),
      value: truncate(`${formatDay(hit.published)} · ${hit.source} · id ${hit.id}\n${hit.snippet}`, 1000),
    })),
    data: { results: hits.map((h) => ({ id: h.id, title: h.headline, date: h.published, source: h.source })) },
  });
};

export const search: Command = { data, execute };
