import { createServer } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Seen } from './httpServer.js';

/** An answer the gate holds until the test releases it. */
export interface Held {
  /** `METHOD /path?query`, as sent. */
  line: string;
  request: Seen;
  /** Which request this was (0 = first to arrive). */
  index: number;
}

export type Matcher = string | ((held: Held) => boolean);

export interface GatedServer {
  url: string;
  /** Every request, in the order it arrived. */
  seen: Seen[];
  /** Answers waiting, oldest first. */
  readonly held: readonly Held[];
  /** Resolves once `count` requests in all have arrived (their answers are then held). */
  arrived(count: number): Promise<void>;
  /**
   * Sends the oldest held answer that matches (a `METHOD /path` prefix or a
   * predicate), waiting for one to arrive if none has yet. Resolves when it is
   * written.
   */
  release(match?: Matcher): Promise<Held>;
  /** Sends the oldest held answer. */
  next(): Promise<Held>;
  /** Stops holding: what is held goes now, in order, and later answers go at once. */
  open(): Promise<void>;
  /** Starts holding again. */
  hold(): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that runs each request through `handler`
 * as it arrives (so the backend sees requests in arrival order, as a real one
 * does) and holds every answer until the test releases it, in any order it
 * chooses. `handler` is a web-style handler, e.g. `createMockHandler(...)`.
 */
export async function startGatedServer(handler: (request: Request) => Response | Promise<Response>, { gated = true } = {}): Promise<GatedServer> {
  const seen: Seen[] = [];
  const held: Array<Held & { send: () => Promise<void> }> = [];
  const waiters = new Set<() => void>();
  let holding = gated;
  // Requests whose answer the handler has computed (held or sent).
  let processed = 0;
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      if (ready()) return resolve();
      const waiter = () => {
        if (!ready()) return;
        waiters.delete(waiter);
        resolve();
      };
      waiters.add(waiter);
    });

  const write = (res: ServerResponse, status: number, headers: Headers, body: string) =>
    new Promise<void>((resolve) => {
      if (res.destroyed || res.writableEnded) return resolve();
      const plain: Record<string, string> = {};
      headers.forEach((value, name) => {
        if (name !== 'content-length' && name !== 'content-encoding') plain[name] = value;
      });
      res.writeHead(status, plain);
      res.end(body, () => resolve());
    });

  let base = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: Seen = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body };
      const index = seen.push(request) - 1;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const web = new Request(`${base}${request.url}`, { method: request.method, headers, ...(body !== '' && { body }) });
      void Promise.resolve(handler(web)).then(async (response) => {
        const text = await response.text();
        const send = () => write(res, response.status, response.headers, text);
        processed++;
        if (!holding) await send();
        else held.push({ line: `${request.method} ${request.url}`, request, index, send });
        wake();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const matches = (h: Held, match: Matcher | undefined) => (match === undefined ? true : typeof match === 'string' ? h.line.startsWith(match) : match(h));

  async function release(match?: Matcher): Promise<Held> {
    await until(() => held.some((h) => matches(h, match)));
    const at = held.findIndex((h) => matches(h, match));
    const [entry] = held.splice(at, 1);
    await entry!.send();
    return entry!;
  }

  return {
    url: base,
    seen,
    held,
    arrived: (count) => until(() => processed >= count),
    release,
    next: () => release(),
    async open() {
      holding = false;
      for (const entry of held.splice(0)) await entry.send();
    },
    hold() {
      holding = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A conversation on the Waply wire, for scripted answers. */
export function waplyConversation(id: string, fields: { status?: 'open' | 'resolved'; updatedAt?: string; assignee?: { type: 'user' | 'team'; id: string; name?: string } | null } = {}) {
  return {
    id,
    contact_id: `contact_${id}`,
    channel: 'whatsapp',
    status: fields.status ?? 'open',
    assigned_to: fields.assignee ?? null,
    messages: [],
    created_at: '2026-05-01T09:00:00.000Z',
    updated_at: fields.updatedAt ?? '2026-05-01T10:00:00.000Z',
  };
}

/** A JSON answer. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
