/**
 * The demo server (`npm start`, demo/serve.ts) run as `npm start` runs it:
 * a malformed address gets a 404 and the server keeps serving; only the
 * site's public files are served, never the project's own source.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let server: ChildProcess | undefined;
let port = 0;
let output = '';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** GETs a raw path (sent as written, not normalised by a URL parser); the status, or the error's code when the server is gone. */
function get(path: string): Promise<{ status: number | string; body: string }> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => done({ status: error.code ?? 'error', body: '' }));
    req.end();
  });
}

beforeAll(async () => {
  port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`demo server did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`:${port}/`)) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`demo server exited with ${code}:\n${output}`)));
  });
});

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((done) => server!.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
});

describe('demo server (npm start)', () => {
  it('answers a malformed address with 404 and keeps serving the site', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/dist/%E0%A4%A', '/%E0%A4%A/index.html']) {
      expect((await get(path)).status, path).toBe(404);
    }
    const home = await get('/');
    expect(home.status, `the server is still up (its output: ${output})`).toBe(200);
    expect(home.body).toContain('Harbor Light Wellness');
  });

  it('serves the site’s public files and the built widget', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/book.html',
      '/site.css',
      '/site.js',
      '/favicon.svg',
      '/playground.html',
      '/playground/playground.css',
    ]) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it('never serves its own source, the project’s files, or anything outside the site', async () => {
    const hidden = [
      '/serve.ts',
      '/build-playground.ts',
      '/demo/serve.ts',
      '/playground/app.tsx',
      '/playground/worker.ts',
      '/package.json',
      '/package-lock.json',
      '/src/core/engine.ts',
      '/rules/ketamine.yaml',
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/etc/passwd',
      '/dist/../package.json',
      '/dist/%2e%2e/package.json',
      '/dist/..%2fpackage.json',
      '/..%2fdemo%2fserve.ts',
      '/..%5cpackage.json',
      '/.git/HEAD',
    ];
    for (const path of hidden) {
      const { status, body } = await get(path);
      expect(status, path).toBe(404);
      expect(body, path).not.toMatch(/createServer|"devDependencies"|ref: refs/);
    }
  });
});
