/**
 * The package as a clinic's developer gets it: `npm pack` of this repository
 * (the dist/ that `npm run build` wrote), installed with `npm install
 * <tarball>` into an empty project in a temp folder. Offline: the package
 * has no runtime dependencies, so nothing is fetched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Installed {
  /** The clinic's project (package.json, node_modules/). */
  project: string;
  /** node_modules/eligibility-screener in it. */
  packageDir: string;
  /** The paths `npm pack` put in the tarball. */
  packed: string[];
  /** Deletes the project (tarball included). */
  remove(): void;
}

/** The environment without what an `npm run` or `npx` around the test set: each npm call here is the developer's own. */
export function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

/**
 * Packs the repository and installs the tarball into a new empty project.
 *
 * @example
 * const { project } = packAndInstall();
 * execFileSync(process.execPath, ['-e', "import('eligibility-screener')"], { cwd: project });
 */
export function packAndInstall(): Installed {
  if (!existsSync(join(ROOT, 'dist', 'eligibility-screener.mjs'))) {
    throw new Error('dist/ is missing: run "npm run build" first (npm test does).');
  }
  const project = mkdtempSync(join(tmpdir(), 'screener-clinic-'));
  const env = npmEnv();
  // --ignore-scripts: pack the dist/ already built (prepack would build it again).
  const report = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  ) as [{ filename: string; files: { path: string }[] }];
  const tarball = join(project, report[0].filename);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'clinic-site', private: true, type: 'module' }, null, 2)}\n`);
  execFileSync('npm', ['install', tarball, '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: project,
    env,
    stdio: 'pipe',
  });
  return {
    project,
    packageDir: join(project, 'node_modules', 'eligibility-screener'),
    packed: report[0].files.map((file) => file.path),
    remove: () => rmSync(project, { recursive: true, force: true }),
  };
}
