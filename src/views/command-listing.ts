import type { CommandJson } from '../core/command.js';
import { OptionType, commandSyntax } from '../core/parse-command-line.js';

/** What `/help` and the shell's `help` list of one command, or of one of its subcommands. */
export interface ListedCommand {
  /** How it is typed: `/digest subscribe channel:<channel> time:<time> [timezone:…] [about:…] [quiet:…]`. */
  syntax: string;
  description: string;
}

/** Every command as it is typed, one entry per subcommand where it has them, in the order given. */
export function commandListing(definitions: Iterable<CommandJson>): ListedCommand[] {
  const listed: ListedCommand[] = [];
  for (const def of definitions) {
    const subs = (def.options ?? []).filter((o) => o.type === OptionType.Subcommand);
    if (subs.length === 0) listed.push({ syntax: commandSyntax(def.name, null, def.options ?? []), description: def.description });
    for (const sub of subs) listed.push({ syntax: commandSyntax(def.name, sub.name, sub.options ?? []), description: sub.description });
  }
  return listed;
}
