/**
 * The version of what a digest build makes of a store's stories: the grouping (grouping/), the
 * routine-series scores (headline-templates.ts) and the shown stories. Anything that keeps a built
 * digest for later (digest-cache.ts) keys it by this, so a kept digest made by other code is never
 * shown: bump it with any change that makes a build show something else for the same store.
 */
export const GROUPING_VERSION = 13;
