import type { CommandJson, CommandOptionJson, OptionValue } from './command.js';
import { UserError } from './errors.js';
import { unquoteWhole } from './quoted-values.js';

/** Discord's option type numbers (ApplicationCommandOptionType), the ones commands use. */
export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
} as const;

export interface ParsedCommandLine {
  name: string;
  subcommand: string | null;
  options: Record<string, OptionValue>;
}

/**
 * Split on spaces, keeping "quoted phrases" (straight or curly) together, quotes and all, as Discord
 * passes them on: `/search "spot market" -tin` searches for the phrase; around a whole name they only
 * group it (`unquoteOptions`, for every transport; `convert` for numbers, booleans and choices).
 */
export function tokenize(line: string): string[] {
  return [...line.matchAll(/\S*?(?:"[^"]*"|“[^”]*”)|\S+/g)].map((m) => m[0]);
}

/** Only the command name: `/where Raqqa` → `where`. */
export function commandNameOf(line: string): string | null {
  const m = /^\s*\/?([\w-]+)/.exec(line);
  return m?.[1]?.toLowerCase() ?? null;
}

/**
 * Read a typed command line (`/summary about:syria army length:2`, `/where Deir al-Zour`,
 * `/digest subscribe time:08:00`) the way Discord would fill its options: `name:value` pairs,
 * values running on until the next known option; loose words go to the first string option.
 */
export function parseCommandLine(line: string, definitions: ReadonlyMap<string, CommandJson>): ParsedCommandLine {
  const tokens = tokenize(line.trim().replace(/^\//, ''));
  const name = tokens.shift()?.toLowerCase();
  if (!name) throw new UserError('empty', 'Type a command, e.g. /search raqqa. /help lists them.');
  const definition = definitions.get(name);
  if (!definition) {
    throw new UserError('unknown_command', `Unknown command /${name}. Commands: ${[...definitions.keys()].map((n) => `/${n}`).join(', ')}`);
  }

  let optionDefs = definition.options ?? [];
  let subcommand: string | null = null;
  const subcommands = optionDefs.filter((o) => o.type === OptionType.Subcommand);
  if (subcommands.length > 0) {
    const wanted = tokens.shift()?.toLowerCase();
    const chosen = subcommands.find((s) => s.name === wanted);
    if (!chosen) {
      throw new UserError('usage', `/${name} needs one of: ${subcommands.map((s) => s.name).join(', ')}`);
    }
    subcommand = chosen.name;
    optionDefs = chosen.options ?? [];
  }

  const byName = new Map(optionDefs.map((o) => [o.name.toLowerCase(), o]));
  const raw = new Map<string, string[]>();
  const loose: string[] = [];
  let current: string[] = loose;
  for (const token of tokens) {
    const m = /^([\w-]+):(.*)$/s.exec(token);
    const option = m ? byName.get(m[1]!.toLowerCase()) : undefined;
    if (m && option) {
      current = [];
      raw.set(option.name, current);
      if (m[2]) current.push(m[2]);
    } else if (m && looksLikeOption(m[1]!, m[2]!)) {
      // `/quote topic:dollar` would otherwise search for a speaker named "topic:dollar"
      const known = optionDefs.map((o) => `${o.name}:`).join(', ');
      throw new UserError(
        'usage',
        `/${name} has no option ${m[1]}:${known ? ` (its options: ${known})` : ''}. ${usage(name, subcommand, optionDefs)}`,
      );
    } else {
      current.push(token);
    }
  }
  if (loose.length > 0) {
    const target =
      optionDefs.find((o) => o.type === OptionType.String && o.required && !raw.has(o.name)) ??
      optionDefs.find((o) => o.type === OptionType.String && !raw.has(o.name));
    if (!target) throw new UserError('usage', `/${name} does not take "${loose.join(' ')}". ${usage(name, subcommand, optionDefs)}`);
    raw.set(target.name, loose);
  }

  const options: Record<string, OptionValue> = {};
  for (const [optionName, words] of raw) {
    const def = byName.get(optionName.toLowerCase())!;
    options[def.name] = convert(def, words.join(' '), name);
  }
  for (const def of optionDefs) {
    if (def.required && !(def.name in options)) {
      throw new UserError(
        'usage',
        `/${name}${subcommand ? ` ${subcommand}` : ''} needs ${def.name}: (${def.description}). ${usage(name, subcommand, optionDefs)}`,
      );
    }
  }
  return { name, subcommand, options };
}

/**
 * `topic:dollar`: a word of lower-case letters, a colon and a value, as options are typed. Times
 * (`10:30`), ratios, URLs (`http://…`) and a capitalised word before a colon ("Apple: new models") are
 * words to search for, not options.
 */
function looksLikeOption(word: string, value: string): boolean {
  return /^[a-z][a-z_-]{1,31}$/.test(word) && value !== '' && !value.startsWith('/');
}

function convert(def: CommandOptionJson, value: string, command: string): OptionValue {
  const v = def.type === OptionType.String && !def.choices?.length ? value.trim() : unquoteWhole(value.trim());
  if (def.type === OptionType.Integer || def.type === OptionType.Number) {
    const n = Number(v);
    if (v === '' || !Number.isFinite(n) || (def.type === OptionType.Integer && !Number.isInteger(n))) {
      throw new UserError(
        'usage',
        `/${command} ${def.name}: must be ${def.type === OptionType.Integer ? 'a whole number' : 'a number'}, got "${v}"`,
      );
    }
    if ((def.min_value !== undefined && n < def.min_value) || (def.max_value !== undefined && n > def.max_value)) {
      throw new UserError('usage', `/${command} ${def.name}: must be between ${def.min_value ?? '-∞'} and ${def.max_value ?? '∞'}`);
    }
    return n;
  }
  if (def.type === OptionType.Boolean) {
    if (/^(true|yes|on|1)$/i.test(v)) return true;
    if (/^(false|no|off|0)$/i.test(v)) return false;
    throw new UserError('usage', `/${command} ${def.name}: must be true or false`);
  }
  if (def.type === OptionType.Channel) return v.replace(/^<#(\d+)>$/, '$1').replace(/^#/, '');
  if (def.choices && def.choices.length > 0) {
    const choice = def.choices.find((c) => String(c.value).toLowerCase() === v.toLowerCase() || c.name.toLowerCase() === v.toLowerCase());
    if (!choice) throw new UserError('usage', `/${command} ${def.name}: one of ${def.choices.map((c) => c.value).join(', ')}`);
    return choice.value;
  }
  if (def.max_length !== undefined && v.length > def.max_length) {
    throw new UserError('usage', `/${command} ${def.name}: at most ${def.max_length} characters`);
  }
  return v;
}

/** How a command is typed: `/where place:<place>`, `/quote [speaker:…] [about:…] [page:…]`. */
export function commandSyntax(name: string, subcommand: string | null, options: readonly CommandOptionJson[]): string {
  const parts = options.map((o) => (o.required ? `${o.name}:<${o.name}>` : `[${o.name}:…]`));
  return `/${name}${subcommand ? ` ${subcommand}` : ''} ${parts.join(' ')}`.trim();
}

export function usage(name: string, subcommand: string | null, options: readonly CommandOptionJson[]): string {
  return `Usage: ${commandSyntax(name, subcommand, options)}`;
}
