// `node --import ./scripts/register-ts.mjs file.ts`: run TypeScript as dist/ is built (see ts-hooks.mjs).
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
