#!/usr/bin/env node
// The `screener` command. Runs the prebuilt bundle of the CLI (build-cli.js,
// made by `npm install`) when it was built from exactly the files there are
// now, which starts in a fraction of the time; otherwise the TypeScript
// itself through tsx, so `npx screener` works right after `npm install` and
// an edit to the code counts at once, bundle or not.
// The bundle starts from V8's code compiled by an earlier run of the same command, when there is some.
import { bundleIsFresh, loadBundle } from './bundle.js';

const argv = process.argv.slice(2);
let cli;
let keepCode = () => {};
if (bundleIsFresh()) {
  const bundle = loadBundle(argv[0] ?? '');
  cli = bundle.exports;
  keepCode = bundle.keepCode;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('./main.ts');
}
process.exitCode = await cli.main(argv);
keepCode();
