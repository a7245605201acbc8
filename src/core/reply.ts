/**
 * The reply view: what every command returns and every transport renders.
 * Plain data, so the same command output can become a Discord embed, shell text or JSON.
 */
export interface ReplyField {
  name: string;
  value: string;
  inline?: boolean;
}

/** A PNG the transport attaches (Discord) or saves to disk (shell). */
export interface ReplyImage {
  /** File name, e.g. `raqqa.png`. */
  name: string;
  png: Uint8Array;
  /** Alt text / description for the attachment. */
  description?: string;
  /** What the picture is, for the line the shell prints ("[chart saved to …]"); default `map`. */
  label?: string;
}

export interface Reply {
  title?: string;
  /** The main text (embed description). Plain text; transports escape markdown as needed. */
  text: string;
  fields: ReplyField[];
  /** A link for the title (article url) when known. */
  url?: string;
  footer?: string;
  image?: ReplyImage;
  /**
   * A small chart under the facts (the mentions-over-time sparkline of /where and /quote, issue 19):
   * a second picture beside `image`, attached after it.
   */
  chart?: ReplyImage;
  /** Only the caller should see it (Discord ephemeral). */
  ephemeral?: boolean;
  /** True for a user error (unknown place, no match): `dateline ask` exits 1. */
  isError?: boolean;
  /** The command's machine-readable result (`dateline ask --json`'s `data`). */
  data: unknown;
}

/** Build a reply with defaults filled in, so commands only state what they have. */
export function reply(parts: Partial<Reply> & Pick<Reply, 'text'>): Reply {
  return { fields: [], data: null, ...parts };
}
