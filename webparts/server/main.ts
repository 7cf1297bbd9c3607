/**
 * `npm run workbench`: the local workbench. Starts the SharePoint + Teams stand-in on
 * 127.0.0.1 (WORKBENCH_PORT, default 4321) with data in an SQLite file (WORKBENCH_DATA,
 * default .workbench-data/workbench.sqlite — delete it to reset), seeds sample data on first
 * run, and serves one preview page per web part with hot reload (Vite).
 */
import { resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createVite, type ViteDevServer } from 'vite';
import { startWorkbench } from './app';
import { faultsFromEnv } from './faults';
import { seedWorkbench } from './seed';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const port = Number(process.env.WORKBENCH_PORT ?? 4321);
  const dataFile = resolve(root, process.env.WORKBENCH_DATA ?? '.workbench-data/workbench.sqlite');
  const preview: { vite?: ViteDevServer } = {};
  const wb = await startWorkbench({
    dataFile,
    port,
    faults: faultsFromEnv(process.env.WORKBENCH_FAULTS),
    threshold: process.env.WORKBENCH_THRESHOLD ? Number(process.env.WORKBENCH_THRESHOLD) : undefined,
    fallback: (req: IncomingMessage, res: ServerResponse, next: () => void) => {
      if (preview.vite) preview.vite.middlewares(req, res, next);
      else next();
    }
  });
  if (!wb.store.getMeta('seeded')) {
    console.log('First run: setting up the lists and adding sample data…');
    await seedWorkbench(wb.siteUrl);
    wb.store.setMeta('seeded', new Date().toISOString());
  }
  const vite = await createVite({
    configFile: false,
    root: resolve(__dirname, '..', 'preview'),
    appType: 'mpa',
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: { server: wb.server }, fs: { allow: [root] } },
    // Pre-bundle every dependency up front: a dependency found later makes Vite reload the page,
    // which would throw away what someone is typing.
    optimizeDeps: {
      entries: ['*.html'],
      include: [
        'react',
        'react-dom',
        '@fluentui/react-components',
        'adaptivecards',
        'docx',
        'zod',
        '@pnp/sp',
        '@pnp/sp/webs',
        '@pnp/sp/lists',
        '@pnp/sp/items',
        '@pnp/sp/fields',
        '@pnp/sp/site-users/web',
        '@pnp/sp/site-groups/web',
        '@pnp/queryable',
        '@pnp/core'
      ]
    }
  });
  preview.vite = vite;
  console.log(`Involvement Planner workbench (sample data: ${dataFile})`);
  console.log(`  Planner (project leads):        ${wb.baseUrl}/planner.html`);
  console.log(`  Teams personal app (simulated): ${wb.baseUrl}/personal.html`);
  console.log(`  Dashboard (involvement team):   ${wb.baseUrl}/dashboard.html`);
  console.log(`  Teams channel (posted cards):   ${wb.baseUrl}/channel.html`);
  console.log(`  SharePoint stand-in:            ${wb.siteUrl}/_api/web`);
  console.log(`  Graph stand-in:                 ${wb.graphUrl}/me`);
  console.log('Press Ctrl-C to stop.');
  const stop = async (): Promise<void> => {
    console.log('\nStopping the workbench…');
    await vite.close();
    await wb.close();
    process.exit(0);
  };
  process.on('SIGINT', () => {
    void stop();
  });
  process.on('SIGTERM', () => {
    void stop();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
