// The same-origin proxy the browser's adapter points at: it forwards the inbox's requests to Waply
// with the API key, and nothing else (see the README's "What a proxy must forward").
import { waplyUpstream } from '../../../waply';

const ROUTES: Array<[method: string, path: RegExp]> = [
  ['GET', /^conversations$/],
  ['GET', /^conversations\/[^/]+$/],
  ['POST', /^conversations\/[^/]+\/(assign|resolve|notes)$/],
];
const PREFIX = '/api/waply/';

async function forward(request: Request): Promise<Response> {
  const url = new URL(request.url);
  // The raw path, so ids stay URL-encoded as the adapter sent them.
  const path = url.pathname.slice(PREFIX.length);
  if (!url.pathname.startsWith(PREFIX) || !ROUTES.some(([method, pattern]) => method === request.method && pattern.test(path))) {
    return Response.json({ error: { code: 'not_found', message: 'Not a Waply inbox route.' } }, { status: 404 });
  }
  const { baseUrl, apiKey } = waplyUpstream();
  const headers = new Headers({ Authorization: `Bearer ${apiKey}`, Accept: 'application/json' });
  const contentType = request.headers.get('content-type');
  if (contentType) headers.set('Content-Type', contentType);
  let upstream: Response;
  try {
    upstream = await fetch(`${baseUrl}/${path}${url.search}`, {
      method: request.method,
      headers,
      body: request.method === 'POST' ? await request.text() : undefined,
      signal: request.signal,
      cache: 'no-store',
    });
  } catch {
    // Waply unreachable: a gateway error, which the inbox shows with a retry.
    return Response.json({ error: { code: 'bad_gateway', message: 'Waply could not be reached.' } }, { status: 502 });
  }
  // Status, body and what the adapter reads (the type, Retry-After on 429); never the upstream's cookies.
  const out = new Headers({ 'Cache-Control': 'no-store' });
  for (const name of ['content-type', 'retry-after']) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: out });
}

export { forward as GET, forward as POST };
