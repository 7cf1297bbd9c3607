// `npm run package`: a clean ship build of the SharePoint package and the Teams app.
//  1. gulp clean, gulp bundle --ship
//  2. validate manifest/manifest.json offline against the Teams schema in @microsoft/app-manifest
//  3. zip manifest + icons to teams/TeamsSPFxApp.zip (picked up by "Sync to Teams") and
//     sharepoint/solution/involvement-planner-teams.zip (for upload to Teams admin)
//  4. gulp package-solution --ship → sharepoint/solution/involvement-planner.sppkg
//  5. write sharepoint/solution/site-script.json (the lists, for admins who provision by script)
// Between 1 and 2 it checks the byte budget (bundle/budget.mjs): each web part's first chunk in
// dist/ at most 90 KiB gzip -9, or it fails (issue 12; CI runs this after the test suite).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeIcons } from './icons.mjs';
import { checkFirstChunks } from './bundle/budget.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const gulp = join(root, 'node_modules', 'gulp', 'bin', 'gulp.js');
const run = (...args) => execFileSync(process.execPath, [gulp, ...args], { cwd: root, stdio: 'inherit' });

run('clean');
run('bundle', '--ship');

const budget = checkFirstChunks(join(root, 'dist'));
for (const row of budget.rows) console.log(`First chunk ${budget.describe(row)}`);
if (budget.problems.length > 0) {
  console.error('The first chunks are over the byte budget (issue 12; README, "Performance"):');
  for (const p of budget.problems) console.error(`  ${p}`);
  process.exit(1);
}

const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');
const manifest = JSON.parse(readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8'));
const schemaPath = require.resolve(
  `@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`
);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
if (!validate(manifest)) {
  console.error('manifest/manifest.json is not a valid Teams manifest:');
  for (const e of validate.errors ?? []) console.error(`  ${e.instancePath || '(root)'} ${e.message}`);
  process.exit(1);
}
const solution = JSON.parse(readFileSync(join(root, 'config', 'package-solution.json'), 'utf8')).solution;
if (manifest.id !== solution.id) {
  console.error(`manifest.json id ${manifest.id} must equal the solution id ${solution.id} in config/package-solution.json`);
  process.exit(1);
}
console.log(`Teams manifest is valid against schema v${manifest.manifestVersion}.`);

writeIcons(join(root, 'manifest'));
const JSZip = require('jszip');
const zip = new JSZip();
zip.file('manifest.json', JSON.stringify(manifest, null, 2));
zip.file('color.png', readFileSync(join(root, 'manifest', 'color.png')));
zip.file('outline.png', readFileSync(join(root, 'manifest', 'outline.png')));
const zipped = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
mkdirSync(join(root, 'teams'), { recursive: true });
writeFileSync(join(root, 'teams', 'TeamsSPFxApp.zip'), zipped);

run('package-solution', '--ship');
const solutionDir = join(root, 'sharepoint', 'solution');
writeFileSync(join(solutionDir, 'involvement-planner-teams.zip'), zipped);

const { execSync } = await import('node:child_process');
execSync(
  `${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'))} ${JSON.stringify(join(root, 'webparts', 'tools', 'site-script.ts'))} ${JSON.stringify(join(solutionDir, 'site-script.json'))}`,
  { cwd: root, stdio: 'inherit' }
);

const sppkg = join(solutionDir, 'involvement-planner.sppkg');
if (!existsSync(sppkg)) {
  console.error('The .sppkg was not produced.');
  process.exit(1);
}
console.log(
  `Packaged: ${sppkg} (${Math.round(statSync(sppkg).size / 1024)} KB), teams/TeamsSPFxApp.zip, ${join(solutionDir, 'site-script.json')}`
);
