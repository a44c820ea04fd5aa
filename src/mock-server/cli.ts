import { parseArgs } from 'node:util';
import type { MockFlavour } from '../adapters/mock-api/index.js';
import { startMockServer } from './startMockServer.js';
import type { MockServerOptions } from './startMockServer.js';

/** Where `runCli` writes and how it learns to stop; injectable for tests. */
export interface CliIo {
  /** Receives the banner and help. Default `process.stdout`. */
  stdout?: { write(text: string): unknown } | undefined;
  /** Receives errors. Default `process.stderr`. */
  stderr?: { write(text: string): unknown } | undefined;
  /** Calls `handler` on a stop signal; returns an unsubscribe. Default: SIGINT and SIGTERM on `process`. */
  onSignal?: ((handler: (signal: string) => void) => () => void) | undefined;
}

const USAGE = `Usage: inboxkit-mock --flavour <waply|whatsapp> [options]

Serves a mock WhatsApp Business or Waply conversations API from an in-memory backend.

Options:
  --flavour <name>      waply or whatsapp (required)
  --port <n>            port to listen on, 0 for any free one (default 4010)
  --host <host>         interface to bind (default 127.0.0.1)
  --seed <n>            seed of the generated data (default 1)
  --size <n>            number of conversations to generate (default 300)
  --latency <ms>        delay added to every call (default 0)
  --failure-rate <r>    share of calls that fail, 0 to 1 (default 0)
  --token <t>           bearer token clients must send (default inboxkit-mock-token)
  --help                show this help
`;

class UsageError extends Error {}

function numberFlag(raw: string | undefined, flag: string, check: (n: number) => boolean, expected: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value) || !check(value)) throw new UsageError(`--${flag} must be ${expected}, got "${raw}".`);
  return value;
}

/** Parses the command line into server options, or `'help'`. Throws `UsageError` on bad flags. */
function parseCli(argv: string[]): MockServerOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        flavour: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        size: { type: 'string' },
        latency: { type: 'string' },
        'failure-rate': { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const flavour = values.flavour;
  if (flavour === undefined) throw new UsageError('--flavour is required: waply or whatsapp.');
  if (flavour !== 'waply' && flavour !== 'whatsapp') throw new UsageError(`--flavour must be waply or whatsapp, got "${flavour}".`);
  const options: MockServerOptions = { flavour: flavour satisfies MockFlavour };
  options.port = numberFlag(values.port, 'port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a whole number from 0 to 65535');
  options.seed = numberFlag(values.seed, 'seed', Number.isInteger, 'a whole number');
  options.size = numberFlag(values.size, 'size', (n) => Number.isInteger(n) && n >= 0, 'a whole number from 0 up');
  options.latencyMs = numberFlag(values.latency, 'latency', (n) => n >= 0, 'a number of milliseconds from 0 up');
  options.failureRate = numberFlag(values['failure-rate'], 'failure-rate', (n) => n >= 0 && n <= 1, 'a number from 0 to 1');
  if (values.host !== undefined) {
    if (values.host.trim() === '') throw new UsageError('--host must not be empty.');
    options.host = values.host;
  }
  if (values.token !== undefined) {
    if (!/^[\x21-\x7e]+$/.test(values.token)) throw new UsageError('--token must be non-empty printable ASCII without spaces.');
    options.token = values.token;
  }
  return options;
}

function processSignals(handler: (signal: string) => void): () => void {
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/**
 * Runs `inboxkit-mock`: starts the server, prints how to reach it, and
 * resolves with the exit code once a stop signal closed it (0), or at once
 * on bad flags (2) or a failed start (1).
 */
export async function runCli(argv: string[], io: CliIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const onSignal = io.onSignal ?? processSignals;

  let options: MockServerOptions | 'help';
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`inboxkit-mock: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    stdout.write(USAGE);
    return 0;
  }

  let server;
  try {
    server = await startMockServer(options);
  } catch (error) {
    stderr.write(`inboxkit-mock: could not start the server: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const { url, baseUrl, token } = server;
  // The demo organisation: who can be assigned (a host's currentUser and directory use these ids).
  let organisation = '';
  try {
    const assignees = (await server.backend.listAssignees?.()) ?? [];
    const rows = assignees.map((a) => `  ${a.type.padEnd(4)}  ${a.id}  ${a.name ?? ''}${a.email ? ` <${a.email}>` : ''}\n`);
    if (rows.length > 0) organisation = `Demo organisation (${options.flavour === 'whatsapp' ? 'users; this API has no teams' : 'users, then teams'}):\n${rows.join('')}`;
  } catch {
    // A backend that cannot list assignees simply has no listing.
  }
  const example =
    options.flavour === 'waply'
      ? `createWaplyAdapter({ baseUrl: '${baseUrl}', apiKey: '${token}' })`
      : `createWhatsAppAdapter({ baseUrl: '${baseUrl}', headers: { Authorization: 'Bearer ${token}' } })`;
  stdout.write(
    `InboxKit mock ${options.flavour === 'waply' ? 'Waply' : 'WhatsApp Business'} API listening on ${url}\n` +
      `  baseUrl: ${baseUrl}\n` +
      `  header:  Authorization: Bearer ${token}\n` +
      `  example: ${example}\n` +
      organisation +
      `Press Ctrl+C to stop.\n`,
  );

  const running = server;
  return new Promise<number>((resolve) => {
    const off = onSignal((signal) => {
      off();
      stdout.write(`Received ${signal}, stopping.\n`);
      running.close().then(
        () => resolve(0),
        () => resolve(1),
      );
    });
  });
}
