import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the test server saw it. */
export interface Seen {
  method: string;
  /** Path and query exactly as sent on the wire. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** What the test server answers. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as it is; anything else as JSON. */
  body?: unknown;
  /** Wait before answering. */
  delayMs?: number;
  /** Drop the connection without answering (a network failure). */
  destroy?: boolean;
}

export interface TestServer {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 for adapter tests: it records every request
 * and answers with whatever `respond` returns (a function of the request and
 * how many came before it).
 */
export async function startServer(respond: (req: Seen, index: number) => Reply | Promise<Reply>): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const index = seen.push(entry) - 1;
      void Promise.resolve(respond(entry, index)).then(async (reply) => {
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
        if (reply.destroy) {
          req.socket.destroy();
          return;
        }
        if (res.destroyed) return;
        const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json', ...reply.headers });
        res.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a fixture file's text, byte for byte. */
export async function fixture(name: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8');
}
