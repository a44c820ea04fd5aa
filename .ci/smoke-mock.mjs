// Starts the built `inboxkit-mock` CLI as a user would, makes one real
// request to it, and stops it with SIGTERM: proves the published bin works.
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['bin/inboxkit-mock.js', '--flavour', 'waply', '--port', '0', '--seed', '7'], { stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
const fail = (message) => {
  console.error(`smoke: ${message}\n${output}`);
  child.kill('SIGKILL');
  process.exit(1);
};
const timer = setTimeout(() => fail('the mock server did not start within 15 s'), 15_000);
child.stdout.on('data', async (chunk) => {
  output += chunk;
  const match = output.match(/http:\/\/127\.0\.0\.1:\d+/);
  if (!match || child.started) return;
  child.started = true;
  clearTimeout(timer);
  try {
    const response = await fetch(`${match[0]}/v1/conversations?status=all&limit=5`, { headers: { Authorization: 'Bearer inboxkit-mock-token' } });
    const body = await response.json();
    if (response.status !== 200 || !Array.isArray(body.data) || body.data.length !== 5) fail(`unexpected answer ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    console.log(`smoke: GET /v1/conversations answered ${body.data.length} of ${body.total} conversations`);
  } catch (error) {
    fail(error.message);
  }
  child.kill('SIGTERM');
});
child.on('exit', (code, signal) => {
  if (!child.started) fail(`the mock server exited early (code ${code}, signal ${signal})`);
  if (code !== 0) fail(`the mock server did not stop cleanly on SIGTERM (code ${code}, signal ${signal})`);
  console.log('smoke: stopped cleanly on SIGTERM');
});
