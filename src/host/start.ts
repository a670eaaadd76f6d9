/**
 * What `npm start` and App Service run: the service bundled into one file by `npm run build`
 * (`index.bundle.js`, scripts/bundle.ts), compiled with the V8 code cache the build wrote beside it
 * and run as a module of this folder (bundleCache.ts). Without a cache that fits, the bundle is
 * compiled from its source, as `node index.bundle.js` would.
 */
import { join } from 'node:path';
import { runBundle } from './bundleCache';

runBundle(join(__dirname, 'index.bundle.js'));
