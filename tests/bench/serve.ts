/**
 * A tiny static server on 127.0.0.1 for the timing pages: files are held in
 * memory and sent uncompressed with a content type and no caching, so every
 * fresh browser context loads everything from scratch.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** A running server; call `close()` when done. */
export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `files` (URL path → content) on a free port of 127.0.0.1.
 *
 * @example
 * const server = await serveFiles({ '/index.html': '<p>hi</p>' });
 * // fetch(`${server.origin}/index.html`)
 * await server.close();
 */
export async function serveFiles(files: Readonly<Record<string, string | Buffer>>): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const body = files[path];
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
