#!/usr/bin/env node
// The `dateline` command: runs the TypeScript CLI through tsx's loader, so `npx dateline …` works
// right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
