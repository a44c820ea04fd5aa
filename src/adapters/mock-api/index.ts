export { createMockHandler, DEFAULT_MOCK_TOKEN } from './handler.js';
export type { MockFlavour, MockHandler, MockHandlerOptions } from './handler.js';
