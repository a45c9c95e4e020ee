/**
 * The node:http adapter: a server request and response as a SimRequest and a ResponseSink.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResponseSink, SimRequest } from './transport';

export function nodeRequest(req: IncomingMessage, origin: string): SimRequest {
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url: new URL(req.url ?? '/', origin),
    headers: req.headers,
    remoteAddress: req.socket.remoteAddress ?? '127.0.0.1',
    readBody: (limit) =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let tooLarge = false;
        req.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) tooLarge = true;
          else chunks.push(chunk);
        });
        req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
        req.on('error', reject);
      }),
  };
}

export function nodeSink(req: IncomingMessage, res: ServerResponse): ResponseSink {
  return {
    get destroyed() {
      return res.destroyed;
    },
    get headersSent() {
      return res.headersSent;
    },
    get writableEnded() {
      return res.writableEnded;
    },
    writeHead: (status, headers) => {
      res.writeHead(status, headers);
    },
    write: async (chunk) => {
      if (res.destroyed) return false;
      if (!res.write(chunk)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
      return !res.destroyed;
    },
    end: (chunk) => {
      if (chunk === undefined) res.end();
      else res.end(chunk);
    },
    // Through the socket: the bytes already written go out first, then the connection drops.
    destroy: () => {
      if (res.headersSent) res.write('', () => req.socket.destroy());
      else req.socket.destroy();
    },
    onClose: (listener) => {
      let called = false;
      const once = (): void => {
        if (called) return;
        called = true;
        listener();
      };
      res.on('close', once);
      res.on('error', once);
    },
  };
}
