/**
 * The interaction JSON Discord posts to the Interactions Endpoint URL, read into what the shared
 * dispatcher needs. Only the fields Dateline uses are checked; Discord adds fields freely.
 */
import { z } from 'zod';
import { NO_SERVER, type Caller } from '../../core/command.js';
import type { InteractionOptionLike } from '../discord/interaction-options.js';

/** Interaction types (https://discord.com/developers/docs/interactions/receiving-and-responding). */
export const InteractionType = { Ping: 1, ApplicationCommand: 2, Autocomplete: 4 } as const;
/** Callback types of the response. */
export const CallbackType = { Pong: 1, Message: 4, DeferredMessage: 5, AutocompleteResult: 8 } as const;

/** Manage Server (1 << 5) or Administrator (1 << 3), as discord.js's `has(ManageGuild)` reads them. */
const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;

const optionSchema: z.ZodType<InteractionOptionLike & { focused?: boolean | undefined }> = z.lazy(() =>
  z.object({
    type: z.number().int(),
    name: z.string(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    focused: z.boolean().optional(),
    options: z.array(optionSchema).optional(),
  }),
);

const userSchema = z.object({ id: z.string(), username: z.string() });

const interactionSchema = z.object({
  id: z.string(),
  application_id: z.string(),
  type: z.number().int(),
  token: z.string().optional(),
  data: z.object({ name: z.string(), options: z.array(optionSchema).optional() }).optional(),
  guild_id: z.string().optional(),
  channel_id: z.string().optional(),
  channel: z.object({ id: z.string() }).optional(),
  member: z.object({ user: userSchema, permissions: z.string().regex(/^\d+$/).optional() }).optional(),
  user: userSchema.optional(),
});

export type RawInteraction = z.infer<typeof interactionSchema>;

/** A chat-input command or an autocomplete, ready to dispatch. */
export interface CommandInteraction {
  kind: 'command' | 'autocomplete';
  id: string;
  applicationId: string;
  token: string;
  name: string;
  options: readonly (InteractionOptionLike & { focused?: boolean | undefined })[];
  caller: Caller;
  inGuild: boolean;
}

/** An interaction ready to dispatch, or why it is not. */
export type ParsedInteraction =
  { kind: 'ping' } | CommandInteraction | { kind: 'unsupported'; type: number } | { kind: 'invalid'; problem: string };

export function parseInteraction(json: unknown): ParsedInteraction {
  const parsed = interactionSchema.safeParse(json);
  if (!parsed.success) return { kind: 'invalid', problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const i = parsed.data;
  if (i.type === InteractionType.Ping) return { kind: 'ping' };
  if (i.type !== InteractionType.ApplicationCommand && i.type !== InteractionType.Autocomplete)
    return { kind: 'unsupported', type: i.type };
  const user = i.member?.user ?? i.user;
  const channelId = i.channel_id ?? i.channel?.id;
  if (!i.data || !i.token || !user || !channelId)
    return { kind: 'invalid', problem: 'a command interaction needs data, token, a user and a channel' };
  const inGuild = i.guild_id !== undefined;
  const permissions = BigInt(i.member?.permissions ?? '0');
  return {
    kind: i.type === InteractionType.ApplicationCommand ? 'command' : 'autocomplete',
    id: i.id,
    applicationId: i.application_id,
    token: i.token,
    name: i.data.name,
    options: i.data.options ?? [],
    inGuild,
    caller: {
      userId: user.id,
      userName: user.username,
      channelId,
      guildId: i.guild_id ?? NO_SERVER,
      canManageGuild: inGuild && (permissions & (MANAGE_GUILD | ADMINISTRATOR)) !== 0n,
    },
  };
}

/** The option being typed in an autocomplete (Discord marks it `focused`), at any depth. */
export function focusedOption(
  options: readonly (InteractionOptionLike & { focused?: boolean | undefined })[],
): { name: string; value: string } | null {
  for (const option of options) {
    if (option.focused) return { name: option.name, value: String(option.value ?? '') };
    const inner = focusedOption(option.options ?? []);
    if (inner) return inner;
  }
  return null;
}
