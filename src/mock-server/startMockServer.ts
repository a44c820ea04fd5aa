import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createMemoryAdapter } from '../adapters/memory/index.js';
import { createMockHandler, DEFAULT_MOCK_TOKEN } from '../adapters/mock-api/index.js';
import type { MockFlavour, MockHandler } from '../adapters/mock-api/index.js';
import type { ConversationsAdapter } from '../core/types.js';

/** Options of `startMockServer`. */
export interface MockServerOptions {
  /** Which REST API to serve, `'whatsapp'` or `'waply'`. Required. */
  flavour: MockFlavour;
  /** Port to listen on; `0` picks a free one. Default `4010`. */
  port?: number | undefined;
  /** Interface to bind. Default `'127.0.0.1'`. */
  host?: string | undefined;
  /** Seed of the generated data. Default: the memory adapter's. */
  seed?: number | undefined;
  /** How many conversations to generate. Default: the memory adapter's. */
  size?: number | undefined;
  /** Delay added to every backend call, in ms. Default: the memory adapter's (none). */
  latencyMs?: number | undefined;
  /** Share of backend calls that fail, 0 to 1. Default: the memory adapter's (none). */
  failureRate?: number | undefined;
  /** The bearer token clients must send. Default `'inboxkit-mock-token'`. */
  token?: string | undefined;
  /** Serve this backend instead of a fresh `createMemoryAdapter({ seed, size, latencyMs, failureRate, profile: flavour })`. */
  backend?: ConversationsAdapter | undefined;
}

/** A running mock server. */
export interface MockServer {
  /** Where the server listens, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** What to pass as the adapter's `baseUrl` (Waply's includes `/v1`). */
  baseUrl: string;
  /** The bearer token it accepts. */
  token: string;
  /** The backend it serves; mutate it to script a scenario. */
  backend: ConversationsAdapter;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  // The body is streamed, not buffered: the handler checks auth first and reads at most its cap.
  const body = method === 'GET' || method === 'HEAD' ? null : (Readable.toWeb(req) as ReadableStream<Uint8Array>);
  // Concatenate rather than resolve: a path like `//x` must not become a host.
  return new Request(`${origin}${req.url ?? '/'}`, { method, headers, body, signal, ...(body && { duplex: 'half' }) } as RequestInit);
}

async function serve(handler: MockHandler, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  let response: Response;
  try {
    response = await handler(toRequest(req, origin, controller.signal));
  } catch {
    response = new Response('{"error":"Internal server error"}', { status: 500, headers: { 'Content-Type': 'application/json' } });
  }
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  // A body left unread (refused, or past the cap) is not drained: the connection closes after the answer.
  if (!req.readableEnded) res.setHeader('Connection', 'close');
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Starts the mock REST API for one flavour on a real HTTP server. */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const { flavour, port = 4010, host = '127.0.0.1' } = options;
  const token = options.token ?? DEFAULT_MOCK_TOKEN;
  const backend =
    options.backend ??
    createMemoryAdapter({ seed: options.seed, size: options.size, latencyMs: options.latencyMs, failureRate: options.failureRate, profile: flavour });
  const handler = createMockHandler({ flavour, backend, token });

  let origin = '';
  const server = createServer((req, res) => {
    serve(handler, origin, req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostname}:${address.port}`;

  return {
    url: origin,
    baseUrl: flavour === 'waply' ? `${origin}/v1` : origin,
    token,
    backend,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
