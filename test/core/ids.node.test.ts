import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Rolldown } from 'vite';
import type * as Ids from '../../src/core/ids.js';

// The id check as it ships: built and minified the way the library and a host's bundler build it.
// A check that works only by catching a throw from a call whose result is unused (encodeURIComponent)
// is dropped there, as such calls count as free of side effects; the source alone would not show it.

/** A check that takes any value, as the built function does. */
type Check = (id: unknown) => void;

async function builtIds(): Promise<{ assertValidId: Check }> {
  const entry = fileURLToPath(new URL('../../src/core/ids.ts', import.meta.url));
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry, formats: ['es'] } },
  })) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput;
  const [chunk] = (Array.isArray(output) ? output[0]! : output).output;
  const built: typeof Ids = await import(`data:text/javascript,${encodeURIComponent(chunk.code)}`);
  return built;
}

describe('assertValidId, built and minified', () => {
  it('refuses a lone surrogate as invalid_id, and takes a whole emoji', async () => {
    const { assertValidId } = await builtIds();
    for (const id of ['conv_\uD83D', '\uDC00user', 'a\uDE00\uD83Db']) {
      let thrown: unknown;
      try {
        assertValidId(id);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(id)).toMatchObject({ name: 'InboxError', code: 'invalid_id', message: expect.stringContaining('lone surrogate') });
    }
    expect(() => assertValidId('conv_\uD83D\uDE00')).not.toThrow();
    expect(() => assertValidId('..')).toThrow(/cannot be "\.\."/);
  });
});
