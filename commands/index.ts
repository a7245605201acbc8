import type { Command } from '../src/core/command.js';
import { digest } from './digest.js';
import { feeds } from './feeds.js';
import { helpFor } from './help.js';
import { latest } from './latest.js';
import { quote } from './quote.js';
import { search } from './search.js';
import { summary } from './summary.js';
import { trend } from './trend.js';
import { where } from './where.js';

/**
 * Every slash command, listed by hand: a command exists when it is imported here, and
 * `createCommandRegistry` fails start-up on a duplicate or malformed one.
 */
export const commands: readonly Command[] = [summary, quote, where, search, latest, digest, feeds, trend, helpFor(() => commands)];
