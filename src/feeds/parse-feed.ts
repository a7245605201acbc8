import type { XMLParser } from 'fast-xml-parser';
import { lazyModule } from '../core/lazy-module.js';

const fxp = lazyModule<typeof import('fast-xml-parser')>('fast-xml-parser');

/** One entry of a feed, still as the feed wrote it: the mapping to an article happens in feed-items.ts. */
export interface FeedItem {
  /** 1-based position in the document: the "line" of error reports. */
  index: number;
  title: string | null;
  /** The item's link as written (may be relative), else a permalink guid, else null. */
  link: string | null;
  guid: string | null;
  /** The date as written (RFC 822 or ISO 8601), else null. */
  date: string | null;
  /** Full content (content:encoded, Atom content) before the summary (description, Atom summary). */
  content: string | null;
  summary: string | null;
  /** Whether content/summary are HTML (RSS always; Atom when type="html"/"xhtml") or plain text. */
  contentIsHtml: boolean;
  summaryIsHtml: boolean;
  author: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  link: string | null;
  items: FeedItem[];
}

export type FeedParseResult = { ok: true; feed: ParsedFeed } | { ok: false; reason: string };

type XmlNode = Record<string, unknown>;

const ARRAY_TAGS = new Set(['item', 'entry', 'link']);
const baseOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Keep every value a string: "2024" titles and "0123" guids must not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // XML entities only; HTML entities (&nbsp;) are left for the HTML stripper, which knows them all.
  processEntities: true,
  htmlEntities: false,
  isArray: (name: string) => ARRAY_TAGS.has(name),
};
let parsers: { plain: XMLParser; rawAtom: XMLParser } | null = null;
const xmlParsers = () =>
  (parsers ??= {
    plain: new (fxp().XMLParser)(baseOptions),
    // Atom type="xhtml" content is markup inside the XML: read it raw, else mixed text and tags lose their order.
    rawAtom: new (fxp().XMLParser)({ ...baseOptions, stopNodes: ['feed.entry.content', 'feed.entry.summary'] }),
  });

const HTML_PAGE = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i;

/**
 * Parse RSS 2.0 (and RSS 1.0/RDF) or Atom 1.0. fast-xml-parser validates first, so malformed XML is
 * refused with its line, and an HTML page served in place of a feed is named as such.
 */
export function parseFeed(xml: string): FeedParseResult {
  const text = xml.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, reason: 'empty response (no feed)' };
  if (HTML_PAGE.test(text)) return { ok: false, reason: 'HTML page, not a feed (the URL serves a web page: use its RSS or Atom link)' };
  const valid = fxp().XMLValidator.validate(text);
  if (valid !== true) return { ok: false, reason: `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
  let doc: XmlNode;
  try {
    doc = xmlParsers().plain.parse(text) as XmlNode;
  } catch (error) {
    return { ok: false, reason: `malformed XML: ${(error as Error).message}` };
  }
  const rss = asNode(doc.rss);
  if (rss) return { ok: true, feed: readRss(asNode(rss.channel) ?? {}, 'rss', asArray(asNode(rss.channel)?.item)) };
  const rdf = asNode(doc['rdf:RDF']);
  if (rdf) return { ok: true, feed: readRss(asNode(rdf.channel) ?? {}, 'rdf', asArray(rdf.item)) };
  const atom = asNode(doc.feed);
  if (atom) {
    const raw = /type\s*=\s*["']xhtml["']/.test(text) ? asNode((xmlParsers().rawAtom.parse(text) as XmlNode).feed) : null;
    return { ok: true, feed: readAtom(atom, raw) };
  }
  if (asNode(doc.html)) return { ok: false, reason: 'HTML page, not a feed (the URL serves a web page: use its RSS or Atom link)' };
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  return { ok: false, reason: `not an RSS or Atom feed (root element <${root ?? 'none'}>)` };
}

function readRss(channel: XmlNode, format: 'rss' | 'rdf', items: unknown[]): ParsedFeed {
  return {
    format,
    title: nonEmpty(textOf(channel.title)),
    link: nonEmpty(textOf(channel.link)),
    items: items.map((value, i) => {
      const item = asNode(value) ?? {};
      const guidNode = first(item.guid);
      const guid = nonEmpty(textOf(guidNode));
      // RSS 2.0: isPermaLink defaults to true; many feeds still put opaque ids there, so check it is a URL.
      const guidIsLink = guid !== null && asNode(guidNode)?.['@_isPermaLink'] !== 'false' && /^https?:\/\//i.test(guid);
      const link =
        nonEmpty(textOf(item.link)) ??
        atomHref(item['atom:link']) ??
        (guidIsLink ? guid : null) ??
        nonEmpty(attr(asNode(value), '@_rdf:about'));
      return {
        index: i + 1,
        title: nonEmpty(textOf(item.title)),
        link,
        guid,
        date: nonEmpty(textOf(item.pubDate)) ?? nonEmpty(textOf(item['dc:date'])) ?? nonEmpty(textOf(item['a10:updated'])),
        content: nonEmpty(textOf(item['content:encoded'])),
        summary: nonEmpty(textOf(item.description)),
        contentIsHtml: true,
        summaryIsHtml: true,
        author: nonEmpty(textOf(item['dc:creator'])) ?? nonEmpty(textOf(item.author)),
      };
    }),
  };
}

function readAtom(feed: XmlNode, raw: XmlNode | null): ParsedFeed {
  const rawEntries = raw ? asArray(raw.entry) : [];
  return {
    format: 'atom',
    title: nonEmpty(textOf(feed.title)),
    link: atomHref(feed.link),
    items: asArray(feed.entry).map((value, i) => {
      const entry = asNode(value) ?? {};
      const rawEntry = asNode(rawEntries[i]);
      const content = atomText(entry.content, rawEntry?.content);
      const summary = atomText(entry.summary, rawEntry?.summary);
      return {
        index: i + 1,
        title: nonEmpty(textOf(entry.title)),
        link: atomHref(entry.link),
        guid: nonEmpty(textOf(entry.id)),
        // `published` is when the story first appeared; `updated` is required by Atom, so it is the fallback.
        date: nonEmpty(textOf(entry.published)) ?? nonEmpty(textOf(entry.updated)) ?? nonEmpty(textOf(entry['dc:date'])),
        content: content.text,
        summary: summary.text,
        contentIsHtml: content.isHtml,
        summaryIsHtml: summary.isHtml,
        author: nonEmpty(textOf(asNode(first(entry.author))?.name)),
      };
    }),
  };
}

/** Atom text constructs: type="text" (default), "html" (escaped markup) or "xhtml" (inline markup). */
function atomText(node: unknown, rawNode: unknown): { text: string | null; isHtml: boolean } {
  const type = attr(asNode(first(node)), '@_type')?.toLowerCase() ?? 'text';
  if (type === 'xhtml') return { text: nonEmpty(textOf(rawNode)) ?? nonEmpty(textOf(node)), isHtml: true };
  return { text: nonEmpty(textOf(node)), isHtml: type === 'html' || type === 'text/html' };
}

/** The href of the first `rel="alternate"` (or rel-less) link: the story's page. */
function atomHref(value: unknown): string | null {
  const links = asArray(value)
    .map(asNode)
    .filter((l): l is XmlNode => l !== null);
  const page =
    links.find((l) => (attr(l, '@_rel') ?? 'alternate') === 'alternate' && attr(l, '@_href')) ?? links.find((l) => attr(l, '@_href'));
  return nonEmpty(page ? attr(page, '@_href') : null);
}

function asNode(value: unknown): XmlNode | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : null;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function attr(node: XmlNode | null, name: string): string | null {
  const v = node?.[name];
  return typeof v === 'string' ? v : null;
}

/** The text of an element: a string, `#text` beside attributes, or (for nested markup) every text leaf in order. */
function textOf(value: unknown): string {
  const v = first(value);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const node = asNode(v);
  if (!node) return '';
  if (typeof node['#text'] === 'string') return node['#text'];
  return Object.entries(node)
    .filter(([k]) => !k.startsWith('@_'))
    .flatMap(([, child]) => asArray(child).map(textOf))
    .filter(Boolean)
    .join(' ');
}

function nonEmpty(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}
