#!/usr/bin/env node
// The `dateline` command: runs the CLI from dist/ (rebuilt when the sources are newer), so
// `npx dateline …` works right after `npm install` and starts without a TypeScript loader.
import { runEntry } from '../scripts/run-entry.mjs';

await runEntry('src/cli');
