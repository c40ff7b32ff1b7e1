/**
 * A tiny static server for the browser tests: `dist/` under `/dist/`, the host
 * pages of `tests/browser/fixtures/` at the root, plus routes a test adds
 * (a rule file that 404s, a page sent with a strict CSP, a response that never
 * comes). It logs every request so a test can assert what the widget fetched.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The built widget (`SCREENER_DIST` points at another build, e.g. one under test elsewhere). */
export const DIST_DIR = resolve(process.env.SCREENER_DIST || join(ROOT, 'dist'));
/** Plain host pages. */
export const FIXTURES_DIR = join(ROOT, 'tests', 'browser', 'fixtures');

/** The policy issue 5 asks the widget to live under without a single violation. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** The widget's script, as a clinic's page loads it. */
export const WIDGET_SCRIPT = '/dist/eligibility-screener.js';

/**
 * The script tag file of a language (widget/build/build.ts, `scriptFor`):
 * the rules' own language (English) is {@link WIDGET_SCRIPT}.
 *
 * @example
 * widgetScript('es') // '/dist/eligibility-screener.es.js'
 */
export function widgetScript(lang = 'en'): string {
  return lang === 'en' ? WIDGET_SCRIPT : `/dist/eligibility-screener.${lang}.js`;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** What a route answers. Without `body`, the static file at the same path is sent. */
export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering (a slow network). */
  delayMs?: number;
  /** Never answer (a request that hangs until the server closes). */
  hang?: boolean;
}

export interface LoggedRequest {
  method: string;
  /** Path and query, e.g. `/dist/eligibility-screener.js`. */
  path: string;
  status: number;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Adds or replaces a route for an exact path (query ignored). */
  route(path: string, route: Route): void;
  /** Every request so far, in arrival order. */
  readonly requests: LoggedRequest[];
  close(): Promise<void>;
}

function staticPath(pathname: string): string | null {
  const decoded = decodeURIComponent(pathname);
  const [base, rel] = decoded.startsWith('/dist/')
    ? [DIST_DIR, decoded.slice('/dist/'.length)]
    : [FIXTURES_DIR, decoded.slice(1) || 'index.html'];
  const file = normalize(join(base, rel));
  // Never serve anything outside the two folders.
  return file.startsWith(base + sep) ? file : null;
}

async function sendStatic(res: ServerResponse, pathname: string, headers: Record<string, string>): Promise<number> {
  const file = staticPath(pathname);
  const body = file ? await readFile(file).catch(() => null) : null;
  if (!file || !body) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end('not found');
    return 404;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
  res.end(body);
  return 200;
}

/**
 * Starts the server on 127.0.0.1 and a free port.
 *
 * @example
 * const server = await startServer();
 * server.route('/csp.html', { headers: { 'content-security-policy': STRICT_CSP } });
 * await page.goto(server.url('/csp.html'));
 * expect(server.requests.map((r) => r.path)).toContain('/dist/eligibility-screener.js');
 * await server.close();
 */
export async function startServer(): Promise<TestServer> {
  // Browsers ask for a favicon on their own; an empty answer keeps a 404 out of the console.
  const routes = new Map<string, Route>([['/favicon.ico', { status: 204, body: '' }]]);
  const requests: LoggedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = routes.get(url.pathname);
    const entry: LoggedRequest = { method: req.method ?? 'GET', path: url.pathname + url.search, status: 0 };
    requests.push(entry);
    if (route?.hang) return;
    if (route?.delayMs) {
      await new Promise<void>((done) => {
        const timer = setTimeout(() => (timers.delete(timer), done()), route.delayMs);
        timers.add(timer);
      });
    }
    if (res.destroyed) return;
    // Tests open fresh contexts; no-store keeps a cached copy from hiding a request.
    const headers = { 'cache-control': 'no-store', ...route?.headers };
    if (route?.body !== undefined) {
      const status = route.status ?? 200;
      res.writeHead(status, { 'content-type': TYPES[extname(url.pathname)] ?? 'text/plain; charset=utf-8', ...headers });
      res.end(route.body);
      entry.status = status;
      return;
    }
    if (route?.status && route.status >= 400) {
      res.writeHead(route.status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      res.end('error');
      entry.status = route.status;
      return;
    }
    entry.status = await sendStatic(res, url.pathname, headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (path) => origin + path,
    route: (path, route) => void routes.set(path, route),
    requests,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
