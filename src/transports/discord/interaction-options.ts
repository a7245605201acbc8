/**
 * discord.js interaction options → the transport-free shape commands read
 * (`{ query: 'Raqqa' }` plus the chosen subcommand), so commands never see discord.js objects.
 */
import { ApplicationCommandOptionType, type CommandInteractionOption } from 'discord.js';
import type { OptionValue } from '../../core/command.js';

export interface FlatOptions {
  subcommand: string | null;
  options: Record<string, OptionValue>;
}

/** Walk subcommand groups and subcommands; channel/user/role options become their ids. */
export function flattenOptions(data: readonly CommandInteractionOption[]): FlatOptions {
  const options: Record<string, OptionValue> = {};
  let subcommand: string | null = null;
  const walk = (list: readonly CommandInteractionOption[]): void => {
    for (const option of list) {
      if (option.type === ApplicationCommandOptionType.Subcommand) {
        subcommand = option.name;
        walk(option.options ?? []);
      } else if (option.type === ApplicationCommandOptionType.SubcommandGroup) {
        walk(option.options ?? []);
      } else if (option.value !== undefined && option.value !== null) {
        options[option.name] = option.value;
      }
    }
  };
  walk(data);
  return { subcommand, options };
}
