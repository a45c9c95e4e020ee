/**
 * Keyflare's default transport (src/main/core/cloudflare/http-fetch.ts) against real loopback
 * servers: what leaves, what comes back, and every way a reply can go wrong. The broken-body
 * cases through the whole sync (cut off, 50 MB, trickled) are in test/core/sync/broken-bodies.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHttpFetch,
  type HttpFetch,
  type HttpFetchOptions,
} from '../../../src/main/core/cloudflare/http-fetch';

const TLS_DIR = path.resolve(__dirname, '../../fixtures/tls');

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Server {
  url: string;
  seen: Seen[];
  /** Connections opened to it so far. */
  connections: () => number;
  /** Connections open right now. */
  open: () => number;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function serve(
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => void,
  tls = false,
): Promise<Server> {
  const seen: Seen[] = [];
  let connections = 0;
  let open = 0;
  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      handle(req, res);
    });
  };
  const server = tls
    ? https.createServer(
        {
          key: fs.readFileSync(path.join(TLS_DIR, 'untrusted-key.pem')),
          cert: fs.readFileSync(path.join(TLS_DIR, 'untrusted-cert.pem')),
        },
        onRequest,
      )
    : http.createServer(onRequest);
  server.on(tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    connections += 1;
    open += 1;
    socket.on('close', () => {
      open -= 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    server.close();
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    seen,
    connections: () => connections,
    open: () => open,
  };
}

function transport(options: HttpFetchOptions = {}): HttpFetch {
  const made = createHttpFetch(options);
  cleanups.push(() => made.close());
  return made;
}

const json = (res: http.ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json', 'x-one': 'a' });
  res.end(JSON.stringify(body));
};

describe("Keyflare's HTTP transport", () => {
  it('sends the method, headers and body it is given, and nothing it is not', async () => {
    const server = await serve((_req, res) => json(res, 201, { ok: true }));
    const reply = await transport().fetch(`${server.url}/client/v4/user/tokens?page=2`, {
      method: 'POST',
      headers: { authorization: 'Bearer abc', 'content-type': 'application/json' },
      body: '{"name":"ci"}',
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('x-one')).toBe('a');
    await expect(reply.json()).resolves.toEqual({ ok: true });
    expect(server.seen).toHaveLength(1);
    const [request] = server.seen;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/client/v4/user/tokens?page=2',
      body: '{"name":"ci"}',
    });
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer abc',
      'content-type': 'application/json',
    });
    // Only what it was given, plus what HTTP/1.1 itself needs.
    expect(Object.keys(request?.headers ?? {}).sort()).toEqual(
      ['authorization', 'connection', 'content-length', 'content-type', 'host'].sort(),
    );
  });

  it('keeps one connection for requests that follow each other, and closes it when told (the core’s close)', async () => {
    const server = await serve((_req, res) => json(res, 200, { n: 1 }));
    const client = transport();
    for (let i = 0; i < 3; i += 1) await (await client.fetch(`${server.url}/a`)).text();
    expect(server.seen).toHaveLength(3);
    expect(server.connections()).toBe(1);
    client.close();
    await expect.poll(server.open).toBe(0);
  });

  it('closes a connection left idle past its keep-alive, but never cuts a slow reply', async () => {
    const server = await serve((req, res) => {
      setTimeout(() => json(res, 200, { slow: true }), req.url === '/slow' ? 400 : 0);
    });
    const client = transport({ keepAliveMs: 150 });
    // Answered after 400 ms, well past the 150 ms an idle connection is kept.
    await expect((await client.fetch(`${server.url}/slow`)).json()).resolves.toEqual({ slow: true });
    expect(server.open()).toBe(1);
    await expect.poll(server.open, { timeout: 2000 }).toBe(0);
    await (await client.fetch(`${server.url}/again`)).text();
    expect(server.connections()).toBe(2);
  });

  it('gives a reply with no body (204) a null body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const reply = await transport().fetch(`${server.url}/x`, { method: 'DELETE' });
    expect(reply.status).toBe(204);
    expect(reply.body).toBeNull();
  });

  it('never follows a redirect: the request fails, and the other address is never asked', async () => {
    const elsewhere = await serve((_req, res) => json(res, 200, {}));
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/steal` });
      res.end();
    });
    const failure = await transport()
      .fetch(`${server.url}/user`, { headers: { authorization: 'Bearer abc' }, redirect: 'error' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(String((failure as TypeError).cause)).toContain('refused a redirect (HTTP 302)');
    expect(elsewhere.seen).toHaveLength(0);
    // A redirect whose body is still coming is cut off, and only the request fails.
    const streaming = await serve((_req, res) => {
      res.writeHead(301, { location: `${elsewhere.url}/steal`, 'content-length': '100000' });
      res.write('x'.repeat(1000));
    });
    await expect(transport().fetch(`${streaming.url}/user`)).rejects.toThrow('fetch failed');
    await expect.poll(streaming.open).toBe(0);
    // Asked for by name, the 3xx itself is the answer.
    const manual = await transport().fetch(`${server.url}/user`, { redirect: 'manual' });
    expect([manual.status, manual.headers.get('location')]).toEqual([302, `${elsewhere.url}/steal`]);
  });

  it('says why it could not connect, in the cause the error mapping reads', async () => {
    const server = await serve(() => undefined);
    const port = new URL(server.url).port;
    cleanups.splice(0).forEach((cleanup) => cleanup()); // nothing listens there any more
    const failure = await transport()
      .fetch(`http://127.0.0.1:${port}/user`)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toBe('fetch failed');
    expect(((failure as TypeError).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('refuses a server whose certificate it cannot verify, before sending anything', async () => {
    const server = await serve((_req, res) => json(res, 200, {}), true);
    const failure = await transport()
      .fetch(`${server.url}/user`, { headers: { authorization: 'Bearer abc' } })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect(((failure as TypeError).cause as NodeJS.ErrnoException).code).toMatch(/SELF_SIGNED|CERT/u);
    expect(server.seen).toHaveLength(0);
  });

  it('reaches an https server whose certificate the machine trusts', async () => {
    const server = await serve((_req, res) => json(res, 200, { tls: true }), true);
    // Trust is read when Node starts: a process of its own that trusts the test certificate.
    const script = [
      `const { createHttpFetch } = await import(${JSON.stringify(path.resolve(__dirname, '../../../src/main/core/cloudflare/http-fetch.ts'))});`,
      `const t = createHttpFetch();`,
      `const r = await t.fetch(${JSON.stringify(`${server.url}/user`)});`,
      `process.stdout.write(r.status + ' ' + (await r.text()));`,
      `t.close();`,
    ].join('\n');
    // Not spawnSync: this process's server must answer meanwhile.
    const run = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(TLS_DIR, 'untrusted-cert.pem') },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('200 {"tls":true}');
  });

  it('stops at once when its signal aborts, before or during the body, with the signal’s reason', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const client = transport();
    const before = new AbortController();
    before.abort(new Error('cancelled before'));
    await expect(client.fetch(`${server.url}/a`, { signal: before.signal })).rejects.toThrow(
      'cancelled before',
    );
    expect(server.seen).toHaveLength(0);

    const during = new AbortController();
    const reply = await client.fetch(`${server.url}/b`, { signal: during.signal });
    const reading = reply.text();
    during.abort(new Error('cancelled mid-body'));
    await expect(reading).rejects.toThrow('cancelled mid-body');
    await expect.poll(server.open).toBe(0);
  });

  it('fails the body, not the process, when the connection closes mid-body', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"cut":');
      setTimeout(() => req.socket.destroy(), 20);
    });
    const reply = await transport().fetch(`${server.url}/a`);
    const failure = await reply.text().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toBe('terminated');
  });

  it('reads a body only as fast as it is read (a large body nobody reads stays on the wire)', async () => {
    const chunk = Buffer.alloc(64 * 1024, 120);
    let written = 0;
    let drained: (() => void) | null = null;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const pump = (): void => {
        while (written < 64 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            drained?.();
            return;
          }
        }
        res.end();
      };
      pump();
    });
    const stalled = new Promise<void>((resolve) => {
      drained = resolve;
    });
    const reply = await transport().fetch(`${server.url}/big`);
    const reader = reply.body?.getReader();
    await reader?.read();
    await stalled;
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Socket buffers hold a few MB at most; the 64 MB did not come over.
    expect(written).toBeLessThan(16 * 1024 * 1024);
    await reader?.cancel();
    await expect.poll(server.open).toBe(0);
  });

  it('refuses what it does not send: other schemes, Request objects, stream bodies', async () => {
    const client = transport();
    await expect(client.fetch('file:///etc/passwd')).rejects.toThrow('does not send requests to file: URLs');
    await expect(client.fetch(new Request('http://127.0.0.1:1/'))).rejects.toThrow('not Request objects');
    await expect(
      client.fetch('http://127.0.0.1:1/', { method: 'POST', body: new URLSearchParams({ a: '1' }) }),
    ).rejects.toThrow('as text or bytes only');
  });
});
