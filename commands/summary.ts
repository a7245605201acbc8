import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply, type ReplyField } from '../src/core/reply.js';
import { collapseWhitespace } from '../src/nlp/sentences.js';
import { isTooShortToSummarize, reductionPercent, scoreSentences, selectSummary } from '../src/nlp/summarize.js';
import type { ScoredSentence } from '../src/nlp/types.js';
import type { Article } from '../src/store/article-store.js';
import type { StoryStore } from '../src/store/story-store.js';
import { formatPublished, truncate } from '../src/views/format.js';

const DEFAULT_LENGTH = 3;
/** Ten sentences keep the reply inside one Discord embed description (4,096 characters). */
const MAX_LENGTH = 10;
const EMBED_TEXT_LIMIT = 4000;

export const data = new SlashCommandBuilder()
  .setName('summary')
  .setDescription('A short extractive summary of a stored story, and how much it cut')
  .addStringOption((o) => o.setName('article').setDescription('A story by headline (or its id)').setAutocomplete(true).setMaxLength(200))
  .addStringOption((o) => o.setName('about').setDescription('Search words: summarise the best-matching story').setMaxLength(200))
  .addIntegerOption((o) =>
    o
      .setName('length')
      .setDescription(`Sentences in the summary (1-${MAX_LENGTH}, default ${DEFAULT_LENGTH})`)
      .setMinValue(1)
      .setMaxValue(MAX_LENGTH),
  );

/** `data` of the reply (`dateline ask "/summary" --json`), a contract of issue 4. */
export interface SummaryData {
  articleId: string;
  sentences: { index: number; text: string }[];
  /** Percent of the body's characters the summary leaves out, 0-100. */
  reduction: number;
}

/** Of these stories, those the caller may be shown (DATELINE_FEED_STORIES=own-server hides other servers' feed stories). */
export type KeepVisible = <T extends { id: string }>(items: readonly T[]) => Promise<T[]>;

const keepAll: KeepVisible = (items) => Promise.resolve([...items]);

/** Candidates asked of the store when some may be hidden from the caller. */
const VISIBLE_CANDIDATES = 25;

/** The story the options point at: `article:` (id or headline), else `about:` (best search hit), else the latest. */
export async function findArticle(
  store: StoryStore,
  options: { article?: string; about?: string },
  keep: KeepVisible = keepAll,
): Promise<Article> {
  const noMatch = (what: string): UserError => new UserError('no_match', `No article matches '${what}'`);
  if (options.article) {
    const wanted = options.article.trim();
    const byId = await store.getById(wanted);
    if (byId && (await keep([byId])).length > 0) return byId;
    // autocomplete sends ids; a typed headline falls back to the suggestions, exact title first
    const suggestions = await keep(await store.suggestHeadlines(wanted, VISIBLE_CANDIDATES));
    const exact = suggestions.find((s) => s.headline.toLowerCase() === wanted.toLowerCase()) ?? suggestions[0];
    const article = exact ? await store.getById(exact.id) : null;
    if (!article) throw noMatch(wanted);
    return article;
  }
  if (options.about) {
    const words = options.about.trim();
    // The best visible story's id is all that is read: no snippets (each one reads and parses a story again).
    const hit = words ? (await keep(await store.search(words, VISIBLE_CANDIDATES, { snippets: 0 })))[0] : undefined;
    const article = hit ? await store.getById(hit.id) : null;
    if (!article) throw noMatch(words);
    return article;
  }
  const newest = (await keep(await store.latest(VISIBLE_CANDIDATES)))[0];
  const article = newest ? await store.getById(newest.id) : null;
  if (!article) throw new UserError('empty_store', 'The store is empty: ingest some news first (dateline ingest PATH).');
  return article;
}

function optionText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

export const execute: Command['execute'] = async ({ options, services, caller }) => {
  const length = typeof options.length === 'number' ? Math.min(MAX_LENGTH, Math.max(1, Math.floor(options.length))) : DEFAULT_LENGTH;
  const article = await findArticle(
    services.store.stories,
    { article: optionText(options.article), about: optionText(options.about) },
    (items) => services.feeds.visibleTo(caller.guildId, items),
  );

  // scores were computed at ingest; an article stored without them is scored now rather than failing
  const stored = (await services.store.stories.getAnalysis(article.id))?.sentences ?? [];
  const sentences: ScoredSentence[] = stored.length > 0 ? stored : scoreSentences(article.body);
  // A summary that would keep every sentence (3 of 3) is the whole story, and says so rather than
  // "reduced by 0%".
  const selected = isTooShortToSummarize(sentences.length) ? [] : selectSummary(sentences, length);
  const tooShort = selected.length === 0 || selected.length >= sentences.length;
  const chosen = tooShort ? [...sentences].sort((a, b) => a.index - b.index) : selected;

  const bodyLength = collapseWhitespace(article.body).length;
  const summaryLength = chosen.map((s) => s.text).join(' ').length;
  const reduction = tooShort ? 0 : reductionPercent(bodyLength, summaryLength);

  const fields: ReplyField[] = [
    { name: 'Source', value: article.source, inline: true },
    { name: 'Published', value: formatPublished(article.published), inline: true },
  ];
  if (article.datelinePlace) fields.push({ name: 'Dateline', value: article.datelinePlace, inline: true });
  fields.push({
    name: 'Reduction',
    value: tooShort
      ? `nothing to cut: the story is only ${sentences.length === 1 ? 'one sentence' : `${sentences.length} sentences`}`
      : `original reduced by ${reduction}%`,
    inline: true,
  });
  fields.push({ name: 'Article', value: article.url ? `id ${article.id} · ${article.url}` : `id ${article.id}` });

  const summaryData: SummaryData = {
    articleId: article.id,
    sentences: chosen.map((s) => ({ index: s.index, text: s.text })),
    reduction,
  };
  const text = chosen.length > 0 ? chosen.map((s) => s.text).join('\n\n') : '(the story has no text)';
  return reply({
    title: truncate(article.headline, 256),
    text: truncate(text, EMBED_TEXT_LIMIT),
    fields,
    ...(article.url ? { url: article.url } : {}),
    footer: tooShort
      ? 'Too short to summarise: this is the whole story.'
      : `Extractive summary: ${chosen.length} of ${sentences.length} sentences, in story order.`,
    data: summaryData,
  });
};

export const autocomplete: NonNullable<Command['autocomplete']> = async ({ focused, services, guildId }) => {
  if (focused.name !== 'article') return [];
  const suggestions = await services.store.stories.suggestHeadlines(focused.value.trim(), 25);
  return (await services.feeds.visibleTo(guildId ?? null, suggestions)).map((s) => ({
    name: truncate(s.headline, 100),
    value: s.id,
  }));
};

export const summary: Command = { data, execute, autocomplete };
