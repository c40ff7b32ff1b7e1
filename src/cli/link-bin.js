// Links the `screener` CLI into node_modules/.bin so `npx screener` and editor
// tooling find it in this repository right after `npm install` (npm links the
// bins of dependencies, not of the project itself).
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = join(root, 'src', 'cli', 'bin.js');
const link = join(root, 'node_modules', '.bin', 'screener');
try {
  mkdirSync(dirname(link), { recursive: true });
  rmSync(link, { force: true });
  symlinkSync(relative(dirname(link), target), link);
  chmodSync(target, 0o755);
} catch (error) {
  console.warn(`screener: could not link the CLI into node_modules/.bin (${error.message}); use "node src/cli/bin.js".`);
}
