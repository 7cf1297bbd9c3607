// The first-chunk byte budget (issue 12): each web part's first chunk, as `gulp bundle --ship`
// writes it to dist/, at most 90 KiB gzip -9 (KiB = 1,024 B). `npm run package` (which CI runs
// after the test suite) checks the bundles it has just built and fails past the budget, so the
// budget is asserted on the very bytes that ship without building them twice.
// No import.meta here: jest (test/budget/bytes.test.tsx) loads this through its CommonJS transform.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Most gzip -9 bytes a web part's first chunk may have. */
export const FIRST_CHUNK_BUDGET = 90 * 1024;

/** The web parts' bundles (config/config.json), as gulp names their files: `<name>_<hash>.js`. */
export const WEB_PART_BUNDLES = ['involvement-planner-web-part', 'involvement-dashboard-web-part'];

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

/**
 * Measure each web part's first chunk in `dir` against the budget. Resolves to one row per web
 * part and the problems (a chunk over budget, or missing, or found twice): none means within budget.
 */
export function checkFirstChunks(dir, budget = FIRST_CHUNK_BUDGET) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const rows = [];
  const problems = [];
  for (const name of WEB_PART_BUNDLES) {
    const matches = files.filter((f) => f === `${name}.js` || new RegExp(`^${name}_[0-9a-f]+\\.js$`).test(f));
    if (matches.length !== 1) {
      problems.push(
        matches.length === 0
          ? `${name}: no first chunk in ${dir} (run gulp bundle --ship first)`
          : `${name}: ${matches.length} first chunks in ${dir} (${matches.join(', ')}); clean dist/ and build again`
      );
      continue;
    }
    const bytes = readFileSync(join(dir, matches[0]));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    rows.push({ name, file: matches[0], raw: bytes.length, gzip });
    if (gzip > budget)
      problems.push(`${name}: first chunk ${kib(gzip)} gzip -9 (${gzip} B), over the ${kib(budget)} budget by ${gzip - budget} B`);
  }
  return { rows, problems, describe: (r) => `${r.name}: ${kib(r.gzip)} gzip -9 (${kib(r.raw)} raw), budget ${kib(budget)}` };
}
