import { SlashCommandBuilder } from '@discordjs/builders';
import type { Command } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { reply, type ReplyField } from '../src/core/reply.js';
import { atMostPerStory, firstOfEach, keepByArticle, visiblePage } from '../src/feeds/visible-page.js';
import type { QuoteHit } from '../src/store/article-store.js';
import { normaliseText } from '../src/store/article-identity.js';
import { isSpeechAct } from '../src/nlp/quotes/speech-act.js';
import { formatDay, truncate } from '../src/views/format.js';
import { speakerSparkline } from '../src/trend/trend-chart.js';
import { releaseRenderMemory } from '../src/geo/locator-map.js';

/** Eight quotes of ~300 characters plus their attributions stay inside one embed (4,096 characters). */
export const QUOTES_PER_PAGE = 8;
/** Quotes of one story at most in the latest quotes (plain `/quote`). */
export const QUOTES_PER_STORY = 3;
const QUOTE_TEXT_LIMIT = 300;
const EMBED_TEXT_LIMIT = 4000;

export const data = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('Who said what: quotations and reported statements from the stored news')
  .addStringOption((o) =>
    o.setName('speaker').setDescription('Who said it (a name, an organisation)').setAutocomplete(true).setMaxLength(100),
  )
  .addStringOption((o) => o.setName('about').setDescription('Search words: quotes from the stories about this').setMaxLength(200))
  .addIntegerOption((o) => o.setName('page').setDescription(`Page of results (${QUOTES_PER_PAGE} a page)`).setMinValue(1).setMaxValue(100));

/** One quote in `data` (`dateline ask "/quote" --json`), a contract of issue 5. */
export interface QuoteData {
  text: string;
  kind: 'direct' | 'reported';
  speaker: string;
  speakerMention: { start: number; end: number } | null;
  /** Issue 15: whom the mention names ("he" → Robert Brusca), with the offsets of that name; null when no one is named. */
  speakerResolved: { name: string; start: number; end: number } | null;
  speakerDescription: string | null;
  verb: string | null;
  articleId: string;
  start: number;
  end: number;
}

function optionText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A mention that is a figure ("70 pct", "Some 79 pct"): the analyzer's speaker is the group it counts, if any. */
const FIGURE = /^(?:(?:some|about|around|nearly|almost|over|only|just|more than|less than)\s+)*\d/i;

/**
 * Who said it as the reply shows it: the resolved name, after the story's own words when they differ
 * ("he — Robert Brusca"); what no name resolves stays "unnamed" ("one U.S. analyst (unnamed)", "he — the
 * spokesman (unnamed)").
 */
export function speakerLabel(q: Pick<QuoteHit, 'speaker' | 'speakerResolved'>, mention: string | null): string {
  const written = mention?.replace(/\s+/g, ' ').trim() || null;
  // ("He — James Baker": a pronoun opening its sentence is capitalised there, not in the middle of a label)
  const local = written && /^(He|She|They|It|We)$/.test(written) ? written.toLowerCase() : written;
  if (q.speakerResolved) {
    const name = q.speakerResolved.name;
    const surname = name.split(' ').pop()!.toLowerCase();
    // (a surname, or a company's short form: "Baker" is James Baker, "Dart" is Dart Group Inc, no "Dart — Dart Group Inc")
    const shortOf = (l: string): boolean => l.includes(surname) || name.toLowerCase().startsWith(`${l} `);
    return local && !shortOf(local.toLowerCase()) ? `${local} — ${name}` : name;
  }
  // ("he — a Cathay spokesman (unnamed)": a pronoun says who it stands for when the story gave someone unnamed; so
  // does a share of a group, "70 pct — those responding (unnamed)", while a bare figure, "46 pct", is no one's name)
  const who = q.speaker.replace(/\s+/g, ' ').trim();
  const figure = local !== null && FIGURE.test(local);
  const standsIn = figure || (local !== null && /^(he|she|they|it|we|i)$/i.test(local));
  if (local && standsIn && who !== 'unknown' && !local.toLowerCase().includes(who.toLowerCase())) return `${local} — ${who} (unnamed)`;
  if (figure && who === 'unknown') return 'unnamed speaker';
  if (local) return `${local} (unnamed)`;
  return q.speaker === 'unknown' ? 'unnamed speaker' : `${q.speaker} (unnamed)`;
}

/**
 * The mention without the appositive the line shows after the speaker anyway: the story's "the
 * strategist, who requested anonymity" is "the strategist", or the line read "the strategist, who
 * requested anonymity (unnamed), who requested anonymity".
 */
export function withoutDescription(mention: string, description: string | null): string {
  const local = mention.replace(/\s+/g, ' ').trim();
  const said = description?.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!said) return local;
  const at = local.toLowerCase().lastIndexOf(said);
  if (at < 0) return local;
  // (and the word that led into it: "analyst Rosemarie Morbelli of" Ingalls and Snyder)
  const before = local
    .slice(0, at)
    .replace(/[\s,;:(\u2013\u2014-]+$/, '')
    .replace(/\s+(?:of|at|with|from|for|in)$/i, '');
  return before || local;
}

/**
 * Words after which a report's opening "that" is a pronoun, not the word that introduces the report: "he
 * said that was a mistake", "that would hurt exports", "that of a year ago".
 */
const THAT_AS_PRONOUN =
  /^that\s+(?:is|was|were|are|would|could|will|can|may|might|must|should|shall|has|had|have|did|does|do|of|that|which)\b/i;

/**
 * A report as the line shows it: without the "that" that introduced it ("Reagan noted that Baker met
 * West German officials" shows "Baker met West German officials", as "Reagan said Baker met …" does).
 * The analyzer keeps the word in the stored span (PolNeAR's content spans often start with it).
 */
export function reportWithoutThat(text: string): string {
  if (!/^that\s+\S/.test(text) || THAT_AS_PRONOUN.test(text)) return text;
  return text.replace(/^that\s+/, '');
}

/** `“We will win,” — Ahmad Abu Khawla, a commander of the military council (said)`, one line per part. */
export function renderQuote(q: QuoteHit, n: number, mention: string | null = null): string {
  const words = q.text.replace(/\s+/g, ' ').trim();
  const body = truncate(q.kind === 'reported' ? reportWithoutThat(words) : words, QUOTE_TEXT_LIMIT);
  const quoted = q.kind === 'direct' ? `“${body}”` : body;
  const who = truncate(speakerLabel(q, mention === null ? null : withoutDescription(mention, q.speakerDescription)), 200);
  const description = q.speakerDescription ? `, ${truncate(q.speakerDescription.replace(/\s+/g, ' '), 200)}` : '';
  // ("Asked", "Said": a verb that opened its sentence is capitalised there, not in the label; "GOP", an acronym, stays)
  const cue = q.verb?.replace(/\s+/g, ' ').replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
  const verb = cue ? ` (${q.kind === 'direct' ? 'quoted' : 'reported'}: ${truncate(cue, 60)})` : '';
  const story = `${truncate(q.headline, 120)} · ${q.source} · ${formatDay(q.published)}`;
  return `${n}. ${quoted}\n— ${who}${description}${verb}\n${story}`;
}

/** The same quotation by the same speaker: their words as a story's identity compares them (re-wrapped, re-punctuated). */
function quoteKey(q: QuoteHit): string {
  return `${normaliseText(q.speakerResolved?.name ?? q.speaker)}\u0000${normaliseText(q.text)}`;
}

export const execute: Command['execute'] = async ({ options, services, caller }) => {
  const speaker = optionText(options.speaker);
  const about = optionText(options.about);
  const page = typeof options.page === 'number' && options.page >= 1 ? Math.floor(options.page) : 1;
  const offset = (page - 1) * QUOTES_PER_PAGE;

  // One extra row tells whether a next page exists. Attributions of belief or plan ("is expected to",
  // "seemed to") are not quotes (speech-act.ts). Quotes from stories another server's feed brought
  // are not this server's to read (DATELINE_FEED_STORIES=own-server), and a quotation the wire filed
  // twice (a story and its repeat) is shown once: pages count the quotes kept.
  const visible = keepByArticle<QuoteHit>((stories) => services.feeds.visibleTo(caller.guildId, stories));
  const once = firstOfEach<QuoteHit>(quoteKey);
  // The latest quotes come from the latest stories, not all from one talkative story. (A speaker's quotes
  // are all theirs; quotes on a topic keep every quote of a matching story, the one about it may be late.)
  const spread = speaker || about ? (items: readonly QuoteHit[]) => [...items] : atMostPerStory<QuoteHit>(QUOTES_PER_STORY);
  // stories quoting the speaker over time (issue 19), counted while the page is read: on a networked store
  // both are several round trips, one after the other they added up
  const chart = speaker ? speakerSparkline(services.store, speaker) : Promise.resolve(null);
  chart.catch(() => undefined); // awaited below, unless the page fails first
  const hits = await visiblePage({
    fetch: (limit, from) =>
      services.store.quotes.findQuotes({ ...(speaker ? { speaker } : {}), ...(about ? { about } : {}), limit, offset: from }),
    keep: async (items) => spread(once(await visible(items.filter(isSpeechAct)))),
    offset,
    count: QUOTES_PER_PAGE + 1,
    minChunk: 2 * (QUOTES_PER_PAGE + 1),
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
    speakerResolved: q.speakerResolved
      ? { name: q.speakerResolved.name, start: q.speakerResolved.start, end: q.speakerResolved.end }
      : null,
    speakerDescription: q.speakerDescription,
    verb: q.verb,
    articleId: q.articleId,
    start: q.start,
    end: q.end,
  }));
  // the speaker as the story wrote it ("he") is read from the story: a page shows at most eight, read at
  // once (on a networked store one after another was a round trip each, eight in a row)
  const mentioned = [...new Set(shown.filter((q) => q.speakerMention).map((q) => q.articleId))];
  const bodies = new Map(
    await Promise.all(mentioned.map(async (id) => [id, (await services.store.stories.getById(id))?.body ?? null] as const)),
  );
  const mentionOf = (q: QuoteHit): string | null =>
    q.speakerMention ? (bodies.get(q.articleId)?.slice(q.speakerMention.start, q.speakerMention.end) ?? null) : null;
  const text = shown.map((q, i) => renderQuote(q, offset + i + 1, mentionOf(q))).join('\n\n');
  const fields: ReplyField[] = [];
  if (speaker) fields.push({ name: 'Speaker', value: speaker, inline: true });
  if (about) fields.push({ name: 'About', value: truncate(about, 100), inline: true });
  const more = hits.length > QUOTES_PER_PAGE;
  const image = await chart;
  if (image) await releaseRenderMemory(); // frees resvg's buffers (see /where)
  const title = speaker ? `Quotes of ${truncate(speaker, 100)}` : about ? `Quotes about ${truncate(about, 100)}` : 'Latest quotes';
  return reply({
    title,
    text: truncate(text, EMBED_TEXT_LIMIT),
    fields,
    footer: `Page ${page}${more ? ` · more: page:${page + 1}` : ''} · quotes and reported speech found automatically`,
    data: { quotes },
    ...(image ? { chart: image } : {}),
  });
};

export const autocomplete: NonNullable<Command['autocomplete']> = async ({ focused, services }) => {
  if (focused.name !== 'speaker') return [];
  return (await services.store.quotes.suggestSpeakers(focused.value.trim(), 25))
    .filter((s) => s !== 'unknown')
    .map((s) => ({ name: truncate(s, 100), value: truncate(s, 100) }));
};

export const quote: Command = { data, execute, autocomplete };
