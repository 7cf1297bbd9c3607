// Builds the floor web part (floorWebPart.mjs) with the same webpack settings and minifier as the
// web parts' bundle-size build (../bundle/build.mjs, which repeats `gulp bundle --ship`).
import { fileURLToPath } from 'node:url';
import { buildBundles, gzipBytes } from '../bundle/build.mjs';

/** Bundle the floor; resolves to the entry file's contents. */
export async function buildFloor() {
  const { first } = await buildBundles({ 'floor-web-part': 'webparts/tools/floor/floorWebPart.mjs' });
  return first['floor-web-part'];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = await buildFloor();
  console.log(`floor: ${bytes.length} B raw, ${gzipBytes(bytes)} B gzip`);
}
