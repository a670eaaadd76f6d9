/**
 * `npm run package`: builds appPackage/build/appPackage.zip, the Teams app package to upload.
 * Reads the variables from the environment (and `.env`), fills the placeholders of appPackage/,
 * validates the result offline and writes the zip only when it is valid; otherwise names the
 * problem and exits with 1.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { config } from 'dotenv';
import {
  AppPackageError,
  appPackageDir,
  fillAppPackage,
  projectRoot,
  readAppPackageSources,
  resolvePackageSettings,
  zipAppPackage,
} from './appPackage';
import { validateAppPackage } from './appPackageValidation';

async function main(): Promise<void> {
  const root = projectRoot();
  config({ path: join(root, '.env'), quiet: true });
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const settings = resolvePackageSettings(process.env, version);

  const dir = appPackageDir(root);
  const filled = fillAppPackage(readAppPackageSources(dir), settings.values);
  const problems = await validateAppPackage(filled);
  if (problems.length > 0) {
    throw new AppPackageError(`the package does not pass the Teams schema:\n  ${problems.join('\n  ')}`);
  }

  const out = join(dir, 'build', 'appPackage.zip');
  mkdirSync(join(dir, 'build'), { recursive: true });
  writeFileSync(out, await zipAppPackage(filled));

  const { values } = settings;
  console.log(`Teams app package: ${relative(process.cwd(), out)}`);
  console.log(`  manifest ${filled.manifest.manifestVersion}, app ${values.TEAMS_APP_ID} version ${values.APP_VERSION}, bot ${values.BOT_ID}`);
  console.log(`  files: manifest.json, ${[...Object.keys(filled.localizations), ...Object.keys(filled.icons)].join(', ')}`);
  for (const line of settings.defaulted) {
    console.log(`  ${line}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof AppPackageError) {
    console.error(`Cannot build the Teams app package: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  throw error;
});
