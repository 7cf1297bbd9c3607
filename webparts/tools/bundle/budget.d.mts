/** Most gzip -9 bytes a web part's first chunk may have (90 KiB). */
export const FIRST_CHUNK_BUDGET: number;
/** The web parts' bundle names. */
export const WEB_PART_BUNDLES: readonly string[];
/** One web part's first chunk, measured. */
export interface FirstChunk {
  name: string;
  file: string;
  raw: number;
  gzip: number;
}
/** Measure each web part's first chunk in `dir` against the budget (see budget.mjs). */
export function checkFirstChunks(
  dir: string,
  budget?: number
): { rows: FirstChunk[]; problems: string[]; describe(row: FirstChunk): string };
