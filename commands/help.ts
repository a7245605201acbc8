import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/core/command.js';
import { reply } from '../src/core/reply.js';
import { commandListing } from '../src/views/command-listing.js';
import { truncate } from '../src/views/format.js';

/** An embed's description holds 4,096 characters; the listing of today's commands takes about 1,900. */
const TEXT_LIMIT = 4000;

export const data = new SlashCommandBuilder()
  .setName('help')
  .setDescription('What Dateline can do: every command, how to type it and what it does');

/**
 * `/help` over the bot's own commands, itself included. Given the list rather than importing it:
 * commands/index.ts makes the list, this command among them.
 */
export function helpFor(commands: () => readonly Command[]): Command {
  return {
    data,
    execute: () => {
      const listed = commandListing(commands().map((c) => c.data.toJSON()));
      return Promise.resolve(
        reply({
          title: 'Dateline commands',
          text: truncate(listed.map((c) => `${c.syntax} — ${c.description}`).join('\n'), TEXT_LIMIT),
          footer: 'Options in [brackets] may be left out; Tab (in the shell) or Discord completes names, places and speakers.',
          ephemeral: true,
          data: { commands: listed },
        }),
      );
    },
  };
}
