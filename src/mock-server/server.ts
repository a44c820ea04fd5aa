/**
 * `inboxkit/mock-server`: the mock REST APIs behind a real `node:http`
 * server, and the `inboxkit-mock` command line. Node only.
 */
export { startMockServer } from './startMockServer.js';
export type { MockServer, MockServerOptions } from './startMockServer.js';
export { runCli } from './cli.js';
export type { CliIo } from './cli.js';
export { DEFAULT_MOCK_TOKEN } from '../adapters/mock-api/index.js';
export type { MockFlavour } from '../adapters/mock-api/index.js';
