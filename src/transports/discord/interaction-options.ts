/**
 * discord.js interaction options → the transport-free shape commands read
 * (`{ query: 'Raqqa' }` plus the chosen subcommand), so commands never see discord.js objects.
 */
import { ApplicationCommandOptionType } from 'discord.js';
import type { OptionValue } from '../../core/command.js';

export interface FlatOptions {
  subcommand: string | null;
  options: Record<string, OptionValue>;
}

/**
 * One option as discord.js and Discord's interaction JSON both shape it, so the gateway and HTTP
 * transports flatten options with this one function.
 */
export interface InteractionOptionLike {
  type: number;
  name: string;
  value?: OptionValue | null | undefined;
  options?: readonly InteractionOptionLike[] | undefined;
}

/** Walk subcommand groups and subcommands; channel/user/role options become their ids. */
export function flattenOptions(data: readonly InteractionOptionLike[]): FlatOptions {
  const options: Record<string, OptionValue> = {};
  let subcommand: string | null = null;
  const walk = (list: readonly InteractionOptionLike[]): void => {
    for (const option of list) {
      if (option.type === (ApplicationCommandOptionType.Subcommand as number)) {
        subcommand = option.name;
        walk(option.options ?? []);
      } else if (option.type === (ApplicationCommandOptionType.SubcommandGroup as number)) {
        walk(option.options ?? []);
      } else if (option.value !== undefined && option.value !== null) {
        options[option.name] = option.value;
      }
    }
  };
  walk(data);
  return { subcommand, options };
}
