// Stages what App Service runs, for `atk deploy` (m365agents.yml): the compiled service from dist/
// and the files `npm ci --omit=dev` needs to install the production dependencies next to it.
// The development tools in node_modules (TypeScript, jest, the Playground, Azurite …) stay behind.
//
//   node infra/deploy/stageApp.mjs [output folder, default .deploy/app]
//
// Run `npm run build` first. Plain Node (no dependencies), so it runs the same in any shell.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = resolve(root, process.argv[2] ?? join('.deploy', 'app'));

// Everything the build wrote except the development tools it also compiles (tsconfig.build.json).
const developmentOnly = ['scripts', 'bench'];
const installFiles = ['package.json', 'package-lock.json', '.npmrc'];

if (!out.startsWith(root + sep)) {
  console.error(`stageApp: the output folder must be inside the project, not ${out}.`);
  process.exit(1);
}
const missing = ['dist', ...installFiles].filter((path) => !existsSync(join(root, path)));
if (missing.length > 0) {
  console.error(`stageApp: missing ${missing.join(', ')}; run \`npm run build\` first.`);
  process.exit(1);
}

const runtimeFolders = readdirSync(join(root, 'dist'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !developmentOnly.includes(entry.name))
  .map((entry) => `dist/${entry.name}`);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const path of [...runtimeFolders, ...installFiles]) {
  cpSync(join(root, path), join(out, path), {
    recursive: true,
    // Source maps stay out of the package: smaller, and nothing in production reads them.
    filter: (source) => !source.endsWith('.map'),
  });
}

// App Service starts the service with appCommandLine in infra/azure.bicep: its file must be staged.
const bicep = readFileSync(join(root, 'infra', 'azure.bicep'), 'utf8');
const entry = /appCommandLine:\s*'node\s+([^' ]+\.js)'/.exec(bicep)?.[1];
if (!entry || !existsSync(join(out, entry))) {
  console.error(`stageApp: the start file named by appCommandLine in infra/azure.bicep (${entry ?? 'none'}) is not in the staged app.`);
  process.exit(1);
}
console.log(`Staged ${runtimeFolders.join(', ')} and ${installFiles.join(', ')} in ${out}; App Service runs ${entry}`);
