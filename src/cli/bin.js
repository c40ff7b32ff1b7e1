#!/usr/bin/env node
// The `screener` command. Runs the prebuilt bundle of the CLI (build-cli.js,
// made by `npm install`) when it was built from exactly the files there are
// now, which starts in a fraction of the time; otherwise the TypeScript
// itself through tsx, so `npx screener` works right after `npm install` and
// an edit to the code counts at once, bundle or not.
import { pathToFileURL } from 'node:url';
import { BUNDLE, bundleIsFresh } from './bundle.js';

let cli;
if (bundleIsFresh()) cli = await import(pathToFileURL(BUNDLE).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('./main.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));
