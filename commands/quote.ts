import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply, type ReplyField } from '../src/core/reply.js';
import type { QuoteHit } from '../src/store/article-store.js';
import { formatDay, truncate } from '../src/views/format.js';

/** Eight quotes of ~300 characters plus their attributions stay inside one embed (4,096 characters). */
export const QUOTES_PER_PAGE = 8;
const QUOTE_TEXT_LIMIT = 300;
const EMBED_TEXT_LIMIT = 4000;

export const data = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('Who said what: quotations and reported statements from the stored news')
  .addStringOption((o) => o.setName('speaker').setDescription('Who said it (a name, an organisation)').setAutocomplete(true).setMaxLength(100))
  .addStringOption((o) => o.setName('about').setDescription('Search words: quotes from the stories about this').setMaxLength(200))
  .addIntegerOption((o) => o.setName('page').setDescription(`Page of results (${QUOTES_PER_PAGE} a page)`).setMinValue(1).setMaxValue(100));

/** One quote in `data` (`dateline ask "/quote" --json`), a contract of issue 5. */
export interface QuoteData {
  text: string;
  kind: 'direct' | 'reported';
  speaker: string;
  speakerMention: { start: number; end: number } | null;
  speakerDescription: string | null;
  verb: string | null;
  articleId: string;
  start: number;
  end: number;
}

function optionText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** `“We will win,” — Ahmad Abu Khawla, a commander of the military council (said)`, one line per part. */
export function renderQuote(q: QuoteHit, n: number): string {
  const body = truncate(q.text.replace(/\s+/g, ' ').trim(), QUOTE_TEXT_LIMIT);
  const quoted = q.kind === 'direct' ? `“${body}”` : body;
  const who = q.speaker === 'unknown' ? 'unknown speaker' : q.speaker;
  const description = q.speakerDescription ? `, ${q.speakerDescription}` : '';
  const verb = q.verb ? ` (${q.kind === 'direct' ? 'quoted' : 'reported'}: ${q.verb})` : '';
  const story = `${truncate(q.headline, 120)} · ${q.source} · ${formatDay(q.published)}`;
  return `${n}. ${quoted}\n— ${who}${description}${verb}\n${story}`;
}

export const execute: Command['execute'] = async ({ options, services }) => {
  const speaker = optionText(options.speaker);
  const about = optionText(options.about);
  const page = typeof options.page === 'number' && options.page >= 1 ? Math.floor(options.page) : 1;
  const offset = (page - 1) * QUOTES_PER_PAGE;

  // one extra row tells whether a next page exists
  const hits = await services.store.quotes.findQuotes({
    ...(speaker ? { speaker } : {}),
    ...(about ? { about } : {}),
    limit: QUOTES_PER_PAGE + 1,
    offset,
  });
  const shown = hits.slice(0, QUOTES_PER_PAGE);
  if (shown.length === 0) {
    const what = [speaker ? `speaker '${speaker}'` : '', about ? `'${about}'` : ''].filter(Boolean).join(' about ');
    if (page > 1) throw new UserError('no_match', `No quotes on page ${page}${what ? ` for ${what}` : ''}.`);
    throw new UserError('no_match', what ? `No quotes match ${what}.` : 'No quotes stored yet: ingest some news first.');
  }

  const quotes: QuoteData[] = shown.map((q) => ({
    text: q.text,
    kind: q.kind,
    speaker: q.speaker,
    speakerMention: q.speakerMention ? { start: q.speakerMention.start, end: q.speakerMention.end } : null,
    speakerDescription: q.speakerDescription,
    verb: q.verb,
    articleId: q.articleId,
    start: q.start,
    end: q.end,
  }));
  const text = shown.map((q, i) => renderQuote(q, offset + i + 1)).join('\n\n');
  const fields: ReplyField[] = [];
  if (speaker) fields.push({ name: 'Speaker', value: speaker, inline: true });
  if (about) fields.push({ name: 'About', value: truncate(about, 100), inline: true });
  const more = hits.length > QUOTES_PER_PAGE;
  const title = speaker ? `Quotes of ${truncate(speaker, 100)}` : about ? `Quotes about ${truncate(about, 100)}` : 'Latest quotes';
  return reply({
    title,
    text: truncate(text, EMBED_TEXT_LIMIT),
    fields,
    footer: `Page ${page}${more ? ` · more: page:${page + 1}` : ''} · quotes and reported speech found automatically`,
    data: { quotes },
  });
};

export const autocomplete: NonNullable<Command['autocomplete']> = async ({ focused, services }) => {
  if (focused.name !== 'speaker') return [];
  return (await services.store.quotes.suggestSpeakers(focused.value.trim(), 25))
    .filter((s) => s !== 'unknown')
    .map((s) => ({ name: truncate(s, 100), value: truncate(s, 100) }));
};

export const quote: Command = { data, execute, autocomplete };
