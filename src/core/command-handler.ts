import type { Caller, Choice, Command, CommandJson, OptionValue } from './command.js';
import { createCommandRegistry, dispatchAutocomplete, dispatchCommand } from './dispatch.js';
import { isUserError } from './errors.js';
import { parseCommandLine } from './parse-command-line.js';
import { unquoteOptions } from './quoted-values.js';
import { reply, type Reply } from './reply.js';
import type { Services } from './services.js';

/** A command as Discord delivers it: already split into name, subcommand and typed options. */
export interface StructuredCommand {
  name: string;
  subcommand: string | null;
  options: Record<string, OptionValue>;
  caller: Caller;
}

/** A command as typed in the shell, `dateline ask` or a test: `/where place:Raqqa`. */
export interface TypedCommand {
  line: string;
  caller: Caller;
}

export interface AutocompleteRequest {
  name: string;
  subcommand: string | null;
  options: Record<string, OptionValue>;
  focused: { name: string; value: string };
  /** The guild it is typed in (choices offer what that guild may see); absent or null: the operator (shell, `ask`). */
  guildId?: string | null;
}

/**
 * The one path from input to reply every transport calls (Discord, the shell, `dateline ask`,
 * tests): parse a typed line against the same definitions Discord gets, dispatch, and turn a
 * user error (bad option, unknown command, no match) into the reply view; a crash becomes the
 * logged apology. Autocomplete takes the same road.
 */
export interface CommandHandler {
  /** The commands by name, built and checked once (duplicate names and missing exports fail here). */
  readonly registry: ReadonlyMap<string, Command>;
  readonly definitions: ReadonlyMap<string, CommandJson>;
  answer(input: StructuredCommand | TypedCommand): Promise<Reply>;
  complete(request: AutocompleteRequest): Promise<Choice[]>;
}

function isTyped(input: StructuredCommand | TypedCommand): input is TypedCommand {
  return 'line' in input;
}

export function createCommandHandler(commands: readonly Command[], services: Services): CommandHandler {
  const registry = createCommandRegistry(commands);
  const definitions = new Map([...registry.values()].map((c) => [c.data.name, c.data.toJSON()]));
  return {
    registry,
    definitions,
    async answer(input) {
      let command: StructuredCommand;
      try {
        command = isTyped(input) ? { ...parseCommandLine(input.line, definitions), caller: input.caller } : input;
      } catch (error) {
        if (!isUserError(error)) throw error;
        return reply({ text: error.message, isError: true, ephemeral: true, data: error.data ?? { error: error.code } });
      }
      return dispatchCommand(registry, command.name, {
        options: unquoteOptions(command.options),
        subcommand: command.subcommand,
        caller: command.caller,
        services,
      });
    },
    complete: (request) =>
      dispatchAutocomplete(registry, request.name, {
        options: request.options,
        subcommand: request.subcommand,
        focused: request.focused,
        services,
        ...(request.guildId !== undefined ? { guildId: request.guildId } : {}),
      }),
  };
}
