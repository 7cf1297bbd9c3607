// Writes the site script that provisions the planner's lists (see README, "Provision by script").
import { writeFileSync } from 'node:fs';
import { buildSiteScript } from '../../src/data/sharepoint/siteScript';

const out = process.argv[2];
if (!out) throw new Error('Usage: tsx webparts/tools/site-script.ts <output.json>');
writeFileSync(out, `${JSON.stringify(buildSiteScript(), null, 2)}\n`);
console.log(`Site script written to ${out}`);
