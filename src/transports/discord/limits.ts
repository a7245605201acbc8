/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 * A message over any of them is rejected with 400 "Invalid Form Body", so the renderer fits every
 * reply inside them before sending.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fieldsPerEmbed: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer and author name over ALL embeds of one message. */
  embedTotal: 6000,
  attachmentsPerMessage: 10,
  /** Autocomplete: at most 25 choices, each name and string value 1–100 characters. */
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** An interaction must be answered (or deferred) within 3 s; we defer well before that. */
export const INTERACTION_ACK_DEADLINE_MS = 3000;
