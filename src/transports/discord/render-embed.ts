/**
 * Reply view → Discord message: embeds, attachments and allowed mentions, fitted inside every
 * Discord limit so a long article is cut (at a sentence, with an ellipsis) instead of being
 * rejected with 400 "Invalid Form Body". Pure: no client, no network.
 */
import { escapeMarkdown, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Reply } from '../../core/reply.js';
import { DISCORD_LIMITS as L } from './limits.js';

/** A file to upload with the message; the embed refers to it as `attachment://name`. */
export interface RenderedFile {
  name: string;
  data: Buffer;
  description?: string;
}

/** Nobody is ever pinged: article text may hold `@everyone` or `<@id>`. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false } as const;

export interface RenderedMessage {
  /** Plain text, only for short error messages; everything else goes in embeds. */
  content?: string;
  embeds: APIEmbed[];
  files: RenderedFile[];
  allowedMentions: typeof NO_MENTIONS;
  ephemeral: boolean;
}

export const COLOR_DEFAULT = 0x2b6cb0;
export const COLOR_ERROR = 0xc0392b;
/** An embed field must not be empty: Discord rejects "", so use a zero-width space. */
const EMPTY = '\u200b';
const ELLIPSIS = ' …';
/** When the 6,000 budget is tight, keep at least this much description before dropping fields. */
const MIN_DESCRIPTION = 600;
/** Room kept in the footer for "N more fields not shown". */
const NOTE_RESERVE = 40;

/** Escape Discord markdown in plain text (articles are not markdown: `*` and `_` are literal). */
export function escapeDiscordMarkdown(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  // Block quotes at a line start are not covered by escapeMarkdown.
  return escaped.replace(/^(\s*)>/gm, '$1\\>');
}

/** Drop a dangling half of a surrogate pair or escape backslash left by a cut. */
function cleanCut(text: string): string {
  let out = text;
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  // An odd number of trailing backslashes would escape the ellipsis.
  const trailing = /\\+$/.exec(out)?.[0].length ?? 0;
  if (trailing % 2 === 1) out = out.slice(0, -1);
  return out;
}

/**
 * Fit text into `max` characters: unchanged when it fits; otherwise cut at the last sentence end
 * that keeps at least half the room (else at a word, else anywhere) and mark the cut with an ellipsis.
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return cleanCut(text.slice(0, max));
  const budget = max - ELLIPSIS.length;
  const head = text.slice(0, budget + 1);
  // Sentence end: . ! ? (optionally followed by closing quotes/brackets) and then whitespace.
  let sentenceEnd = -1;
  for (const m of head.matchAll(/[.!?…]["'”’»)\]]*(?=\s)/g)) {
    const end = m.index + m[0].length;
    if (end <= budget) sentenceEnd = end;
  }
  if (sentenceEnd >= budget / 2) return cleanCut(head.slice(0, sentenceEnd)) + ELLIPSIS;
  const space = head.lastIndexOf(' ', budget);
  if (space >= budget / 2) return cleanCut(head.slice(0, space).trimEnd()) + ELLIPSIS;
  return cleanCut(head.slice(0, budget)) + ELLIPSIS;
}

/** Escape then fit: the limit applies to what Discord receives, escapes included. */
function fitEscaped(text: string, max: number): string {
  // Escaping never shortens text, so raw text past `max` can never fit: don't escape it (speed on long bodies).
  return fitText(escapeDiscordMarkdown(text.length > max ? text.slice(0, max + 1) : text), max);
}

function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^_+/, '') || 'image';
  return /\.png$/i.test(cleaned) ? cleaned : `${cleaned}.png`;
}

function isHttpUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Characters an embed counts toward the 6,000 total. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Render one reply. The result always satisfies Discord's limits (tested against them). */
export function renderReply(reply: Reply): RenderedMessage {
  const ephemeral = reply.ephemeral === true;
  const hasStructure = Boolean(reply.title) || reply.fields.length > 0 || reply.image !== undefined || reply.chart !== undefined;

  // A short error ("No article matches …", "error id …") reads best as a plain message.
  if (reply.isError && !hasStructure) {
    const content = fitEscaped(reply.text || 'Something went wrong.', L.content);
    return { content, embeds: [], files: [], allowedMentions: NO_MENTIONS, ephemeral };
  }

  // 1. Fit each piece on its own.
  const title = reply.title ? fitEscaped(reply.title, L.title) : undefined;
  const footerText = reply.footer ? fitEscaped(reply.footer, L.footer - NOTE_RESERVE) : undefined;
  let fields: APIEmbedField[] = reply.fields.map((f) => ({
    name: fitEscaped(f.name, L.fieldName) || EMPTY,
    value: fitEscaped(f.value, L.fieldValue) || EMPTY,
    ...(f.inline ? { inline: true } : {}),
  }));

  // 2. Fields beyond what 10 embeds hold, or beyond the 6,000 total, are dropped (and counted in the footer).
  const fixed = (title?.length ?? 0) + (footerText?.length ?? 0) + NOTE_RESERVE;
  const wanted = escapeDiscordMarkdown(reply.text.slice(0, MIN_DESCRIPTION + 1)).length;
  const descriptionFloor = Math.min(wanted, MIN_DESCRIPTION);
  const maxFields = L.fieldsPerEmbed * L.embedsPerMessage;
  let fieldsTotal = 0;
  let kept = 0;
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    if (kept >= maxFields || fixed + fieldsTotal + size + descriptionFloor > L.embedTotal) break;
    fieldsTotal += size;
    kept += 1;
  }
  const dropped = fields.length - kept;
  fields = fields.slice(0, kept);

  // 3. The description gets what is left of the 6,000.
  const descriptionBudget = Math.min(L.description, L.embedTotal - fixed - fieldsTotal);
  const description = reply.text ? fitEscaped(reply.text, descriptionBudget) : '';

  const note = dropped > 0 ? `${dropped} more not shown` : '';
  const footer = [footerText, note].filter(Boolean).join(' · ');

  // 4. Lay out: the first embed carries title, link, description and image; fields spill 25 per embed.
  const color = reply.isError ? COLOR_ERROR : COLOR_DEFAULT;
  const first: APIEmbed = { color };
  if (title) first.title = title;
  if (title && isHttpUrl(reply.url)) first.url = reply.url;
  if (description) first.description = description;
  const embeds: APIEmbed[] = [first];
  for (let i = 0; i < fields.length; i += L.fieldsPerEmbed) {
    const chunk = fields.slice(i, i + L.fieldsPerEmbed);
    if (i === 0) first.fields = chunk;
    else embeds.push({ color, fields: chunk });
  }
  if (footer) embeds[embeds.length - 1]!.footer = { text: footer };

  const files: RenderedFile[] = [];
  if (reply.image) {
    const name = safeFileName(reply.image.name);
    files.push({
      name,
      data: Buffer.from(reply.image.png),
      ...(reply.image.description ? { description: fitText(reply.image.description, 1024) } : {}),
    });
    first.image = { url: `attachment://${name}` };
  }
  // The small chart goes under everything else, in an embed of its own (one image per embed),
  // unless fields already fill every embed a message may have.
  if (reply.chart && embeds.length < L.embedsPerMessage) {
    const name = safeFileName(reply.chart.name);
    if (!files.some((f) => f.name === name)) {
      files.push({
        name,
        data: Buffer.from(reply.chart.png),
        ...(reply.chart.description ? { description: fitText(reply.chart.description, 1024) } : {}),
      });
      embeds.push({ color, image: { url: `attachment://${name}` } });
    }
  }

  // An embed needs at least one visible part.
  if (!first.title && !first.description && !first.fields && !first.image && !first.footer) first.description = EMPTY;

  return { embeds, files, allowedMentions: NO_MENTIONS, ephemeral };
}

/**
 * The rendered message as Discord's REST/interaction JSON (`payload_json` when files go with it):
 * what the HTTP transport answers and what REST posts carry, from the same `renderReply`.
 * discord.js builds the equivalent itself from `RenderedMessage` for the gateway transport.
 */
export interface MessagePayload {
  body: {
    content?: string;
    embeds: APIEmbed[];
    allowed_mentions: { parse: never[]; replied_user: false };
    attachments?: { id: number; filename: string; description?: string }[];
    flags?: number;
  };
  files: RenderedFile[];
}

/** Discord's EPHEMERAL message flag (1 << 6). */
export const EPHEMERAL_FLAG = 64;

/** `RenderedMessage` → REST JSON; `withFlags: false` for an edit, which cannot change ephemerality. */
export function toMessagePayload(rendered: RenderedMessage, { withFlags = true } = {}): MessagePayload {
  const body: MessagePayload['body'] = { embeds: rendered.embeds, allowed_mentions: { parse: [], replied_user: false } };
  if (rendered.content !== undefined) body.content = rendered.content;
  if (rendered.files.length > 0) {
    // Attachment ids are the indexes of the `files[n]` parts of the multipart body.
    body.attachments = rendered.files.map((f, id) => ({ id, filename: f.name, ...(f.description ? { description: f.description } : {}) }));
  }
  if (withFlags && rendered.ephemeral) body.flags = EPHEMERAL_FLAG;
  return { body, files: rendered.files };
}

/** Autocomplete choices fitted to Discord's limits (at most 25; names and values ≤ 100 characters). */
export function renderChoices(choices: readonly { name: string; value: string }[]): { name: string; value: string }[] {
  return choices
    .filter((c) => c.name.length > 0)
    .slice(0, L.autocompleteChoices)
    .map((c) => ({ name: c.name.slice(0, L.choiceName), value: c.value.slice(0, L.choiceValue) }));
}

/** Undo escapeDiscordMarkdown, so a marker is found as it was written. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\*_~`|>#\-[\]().+!])/g, '$1');
}

/** The parts of a posted embed that hold text (discord.js `Embed` and API JSON alike). */
export interface EmbedText {
  title?: string | null;
  description?: string | null;
  fields?: readonly { name: string; value: string }[] | null;
  footer?: { text: string } | null;
}

/** A posted message's text as it was written (escapes removed): what the digest ledger searches for its marker. */
export function messageSearchText(content: string | null | undefined, embeds: readonly EmbedText[]): string {
  return [
    content,
    ...embeds.flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]),
  ]
    .filter((t): t is string => typeof t === 'string' && t.length > 0)
    .map(unescapeMarkdown)
    .join('\n');
}
