import { describe, expect, it } from 'vitest';
import { runCli } from 'inboxkit/mock-server';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  let stop: ((signal: string) => void) | undefined;
  let unsubscribed = false;
  return {
    out,
    err,
    io: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      onSignal: (handler: (signal: string) => void) => {
        stop = handler;
        return () => {
          unsubscribed = true;
        };
      },
    },
    signal: (name: string) => stop?.(name),
    get unsubscribed() {
      return unsubscribed;
    },
  };
}

async function waitFor<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('timed out');
}

describe('runCli', () => {
  it('starts, prints the URL, baseUrl, header and an example, and stops on SIGINT', async () => {
    const cli = fakeIo();
    const exit = runCli(['--flavour', 'waply', '--port', '0', '--size', '5', '--token', 'dev-token'], cli.io);
    const banner = await waitFor(() => cli.out.join('').match(/listening on (http:\/\/127\.0\.0\.1:\d+)/)?.[1]);
    const text = cli.out.join('');
    expect(text).toContain(`baseUrl: ${banner}/v1`);
    expect(text).toContain('Authorization: Bearer dev-token');
    expect(text).toContain(`createWaplyAdapter({ baseUrl: '${banner}/v1', apiKey: 'dev-token' })`);
    // The demo organisation, as the README lists it: users, then teams.
    expect(text).toContain('Demo organisation (users, then teams):');
    expect(text).toContain('user  user_01AVR05JBADNPSBECWHNYFV74W  Alice Support <alice@example.com>');
    expect(text).toContain('team  team_01ZN0PNW93D7VTEVQZYWA35CQC  Billing');

    const res = await fetch(`${banner}/v1/conversations?status=all`, { headers: { Authorization: 'Bearer dev-token' } });
    expect((await res.json()).total).toBe(5);

    cli.signal('SIGINT');
    expect(await exit).toBe(0);
    expect(cli.unsubscribed).toBe(true);
    await expect(fetch(`${banner}/v1/conversations`)).rejects.toThrow();
  });

  it('prints a WhatsApp example with the Bearer header, and stops on SIGTERM', async () => {
    const cli = fakeIo();
    const exit = runCli(['--flavour=whatsapp', '--port=0', '--seed', '3'], cli.io);
    const url = await waitFor(() => cli.out.join('').match(/listening on (http:\/\/\S+)/)?.[1]);
    expect(cli.out.join('')).toContain(`createWhatsAppAdapter({ baseUrl: '${url}', headers: { Authorization: 'Bearer inboxkit-mock-token' } })`);
    expect(cli.out.join('')).toContain('Demo organisation (users; this API has no teams):');
    expect(cli.out.join('')).toContain('user  user_01GWZ5FNSR4R3SGAPKXH0WQ956  Olena Kovalenko <olena.kovalenko@example.com>');
    expect(cli.out.join('')).not.toContain('team_');
    cli.signal('SIGTERM');
    expect(await exit).toBe(0);
  });

  it.each([
    [[], /--flavour is required/],
    [['--flavour', 'slack'], /--flavour must be waply or whatsapp/],
    [['--flavour', 'waply', '--port', 'abc'], /--port must be a whole number/],
    [['--flavour', 'waply', '--port', '70000'], /--port/],
    [['--flavour', 'waply', '--failure-rate', '2'], /--failure-rate must be a number from 0 to 1/],
    [['--flavour', 'waply', '--latency', '-5'], /--latency/],
    [['--flavour', 'waply', '--size', '1.5'], /--size/],
    [['--flavour', 'waply', '--bogus'], /bogus/],
    [['--flavour', 'waply', '--port'], /port/],
    [['--flavour', 'waply', 'extra'], /extra/],
  ])('%j exits 2 with a message and the usage', async (argv, message) => {
    const cli = fakeIo();
    expect(await runCli(argv, cli.io)).toBe(2);
    const err = cli.err.join('');
    expect(err).toMatch(message);
    expect(err).toContain('Usage: inboxkit-mock');
    expect(cli.out).toEqual([]);
  });

  it('--help prints the usage and exits 0', async () => {
    const cli = fakeIo();
    expect(await runCli(['--help'], cli.io)).toBe(0);
    expect(cli.out.join('')).toContain('--failure-rate');
  });

  it('exits 1 when the port is taken', async () => {
    const first = fakeIo();
    const running = runCli(['--flavour', 'waply', '--port', '0', '--size', '1'], first.io);
    const url = await waitFor(() => first.out.join('').match(/listening on http:\/\/127\.0\.0\.1:(\d+)/)?.[1]);
    const second = fakeIo();
    expect(await runCli(['--flavour', 'waply', '--port', url], second.io)).toBe(1);
    expect(second.err.join('')).toMatch(/could not start/);
    first.signal('SIGINT');
    expect(await running).toBe(0);
  });
});
