/**
 * `npm start`: serves the demo clinic site (demo/) and the built widget
 * (dist/) on 127.0.0.1, with the strict Content-Security-Policy a careful
 * clinic would send, so the demo shows the widget works under it. Only the
 * site's public files are served (pages, styles, scripts, images): never the
 * demo's own source, dot files, or anything outside the two folders; a
 * malformed address is a 404 like any other.
 *
 *   PORT=8080 npx tsx demo/serve.ts
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** URL prefix → folder. */
const DEMO = join(ROOT, 'demo');
const MOUNTS: [string, string][] = [
  ['/dist/', join(ROOT, 'dist')],
  ['/', DEMO],
];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
/**
 * The clinicians' rule playground only (never a patient page): Mermaid styles
 * the flow diagram with inline `<style>` in its SVG, so `style-src` allows
 * inline styles here; the live widget reads the edited rules from a `blob:`
 * URL of this origin, so `connect-src` allows `blob:`. Scripts stay 'self'.
 */
export const PLAYGROUND_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' blob:";

/** The types of file the site serves: its pages, styles, scripts and images, never the demo's own `.ts`/`.tsx` source. */
const PUBLIC_TYPES = new Set(Object.keys(TYPES));

/**
 * The file for a URL path, or null when it is not one of the site's public
 * files: a malformed `%` escape, a path outside the served folders (`..`,
 * encoded or not, or a backslash), a dot file, or a type the site does not
 * serve (the demo's own `.ts` source). demo/playground/ is the playground's
 * source (built into dist/playground/): only its stylesheet is public.
 */
function fileFor(pathname: string): string | null {
  for (const [prefix, folder] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    let rest: string;
    try {
      rest = decodeURIComponent(pathname.slice(prefix.length)) || 'index.html';
    } catch {
      return null; // `/%E0%A4%A`: not a path anyone can have linked to
    }
    if (rest.includes('\\') || rest.includes('\0') || rest.split('/').some((part) => part.startsWith('.'))) return null;
    const file = normalize(join(folder, rest));
    if (!file.startsWith(folder + sep) || !PUBLIC_TYPES.has(extname(file))) return null;
    return folder === DEMO && file.startsWith(join(DEMO, 'playground') + sep) && extname(file) !== '.css' ? null : file;
  }
  return null;
}

const server = createServer(async (request, response) => {
  let pathname = '';
  try {
    pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  } catch {
    // An address no URL parser accepts is answered like any file that is not there.
  }
  const file = pathname && fileFor(pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  const headers = {
    'content-security-policy': pathname === '/playground.html' ? PLAYGROUND_CSP : CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
  try {
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) throw new Error('not served');
    const body = await readFile(file);
    response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Not found\n');
  }
});

const port = Number(process.env.PORT ?? 5173);
server.listen(port, '127.0.0.1', () => {
  console.log(`Harbor Light Wellness demo: http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
});
