/** Bundle the floor web part; resolves to its first chunk (see build.mjs). */
export function buildFloor(): Promise<Buffer>;
