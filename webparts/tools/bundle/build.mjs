// The bundle-size build: what `gulp bundle --ship` does for one entry, repeated without gulp so a
// test can run it. The SharePoint Framework's webpack configuration (@microsoft/spfx-heft-plugins)
// sets webpack 5 to production with used-exports and side-effects pruning, `fullySpecified: false`
// for .js, React, React DOM and @microsoft/sp-* as externals, and @rushstack's module minifier
// (terser, 3 passes); this uses the same webpack and minifier with those settings. TypeScript is
// compiled by @swc/core (swcLoader.cjs) instead of tsc. Deterministic: the same sources give the
// same bytes.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..', '..');
const spfx = createRequire(createRequire(join(root, 'package.json')).resolve('@microsoft/spfx-heft-plugins'));
const webpack = spfx('webpack');
const { ModuleMinifierPlugin } = spfx('@rushstack/webpack5-module-minifier-plugin');
const { LocalMinifier } = spfx('@rushstack/module-minifier');

/** The web parts' entries (config/config.json bundles), by bundle name. */
export const WEB_PART_ENTRIES = {
  'involvement-planner-web-part': 'src/webparts/involvementPlanner/InvolvementPlannerWebPart.ts',
  'involvement-dashboard-web-part': 'src/webparts/involvementDashboard/InvolvementDashboardWebPart.ts'
};

/** gzip -9, as the budgets are stated. */
export const gzipBytes = (bytes) => gzipSync(bytes, { level: 9 }).length;

/**
 * Bundle `entries` ({ name: path from the repository root }) as the ship build does. Resolves to
 * { first: { name: Buffer }, lazy: [{ name, bytes: Buffer }] }: each entry's first chunk, and
 * every chunk loaded on demand.
 */
export async function buildBundles(entries) {
  const out = mkdtempSync(join(tmpdir(), 'ip-bundle-'));
  try {
    const compiler = webpack({
      mode: 'production',
      context: root,
      entry: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(root, path)])),
      output: { path: out, filename: '[name].js', chunkFilename: 'chunk.[name].js', libraryTarget: 'amd' },
      module: {
        rules: [
          { test: /\.m?js$/, resolve: { fullySpecified: false } },
          { test: /\.tsx?$/, exclude: /node_modules/, use: join(here, 'swcLoader.cjs') }
        ]
      },
      resolve: { modules: ['node_modules'], extensions: ['.ts', '.tsx', '.wasm', '.mjs', '.js', '.json'] },
      externals: ['react', 'react-dom', /^@microsoft\/sp-/],
      devtool: false,
      optimization: {
        moduleIds: 'deterministic',
        chunkIds: 'deterministic',
        usedExports: true,
        sideEffects: true,
        minimize: true,
        minimizer: [
          new ModuleMinifierPlugin({
            minifier: new LocalMinifier({
              terserOptions: { compress: { passes: 3 }, mangle: true, output: { comments: false, wrap_func_args: false } }
            }),
            sourceMap: false
          })
        ]
      },
      plugins: [new webpack.DefinePlugin({ DEBUG: false, 'process.env': { NODE_ENV: '"production"' } })],
      performance: { hints: false },
      stats: 'errors-only'
    });
    const stats = await new Promise((resolve, reject) => compiler.run((error, result) => (error ? reject(error) : resolve(result))));
    await new Promise((resolve) => compiler.close(resolve));
    if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
    const files = readdirSync(out).filter((f) => f.endsWith('.js'));
    const first = {};
    const lazy = [];
    for (const f of files) {
      const bytes = readFileSync(join(out, f));
      const name = f.replace(/\.js$/, '');
      if (name in entries) first[name] = bytes;
      else lazy.push({ name: name.replace(/^chunk\./, ''), bytes });
    }
    return { first, lazy: lazy.sort((a, b) => b.bytes.length - a.bytes.length) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
