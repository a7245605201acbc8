/** Types for scripts/build.mjs (plain JavaScript, so `npm start` needs no TypeScript loader to build). */
/** esbuild options for TypeScript → JavaScript, shared by the build and scripts/ts-hooks.mjs. */
export declare const TRANSFORM_OPTIONS: { target: string; supported: Record<string, boolean> };
export declare const packageRoot: string;
export declare function isDistStale(root?: string): boolean;
export declare function buildDist(root?: string): Promise<number>;
