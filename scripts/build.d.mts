/** Types for scripts/build.mjs (plain JavaScript, so `npm start` needs no TypeScript loader to build). */
export declare const packageRoot: string;
export declare function isDistStale(root?: string): boolean;
export declare function buildDist(root?: string): Promise<number>;
