/**
 * Whether `npm start` serves HTTP interactions, and on which port: `--http [--port N]`, or
 * DATELINE_HTTP_PORT set. Kept apart from the transport so the shell starts without loading discord.js.
 */
import { ConfigError, type Config } from '../../config.js';

export const DEFAULT_HTTP_PORT = 8080;

/** The port to serve interactions on (`--port`, else DATELINE_HTTP_PORT, else 8080), or null for the gateway / shell. */
export function httpPortFromArgs(values: { http?: unknown; port?: unknown }, config: Config): number | null {
  const flagPort = typeof values.port === 'string' ? Number(values.port) : null;
  const problems: string[] = [];
  if (flagPort !== null && !(values.port !== '' && Number.isInteger(flagPort) && flagPort >= 0 && flagPort <= 65535)) {
    problems.push(`--port: must be a TCP port (0-65535), got "${String(values.port)}"`);
  }
  const enabled = values.http === true || config.http.port !== null;
  if (enabled && !config.http.publicKey)
    problems.push('DISCORD_PUBLIC_KEY: required to serve HTTP interactions (Developer Portal → General Information → Public Key)');
  if (problems.length > 0) throw new ConfigError(problems);
  if (!enabled) return null;
  return flagPort ?? config.http.port ?? DEFAULT_HTTP_PORT;
}
