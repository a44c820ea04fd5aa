import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The source modules a host bundle holds when it imports `names` from the package root (tree-shaken as a host's bundler would). */
async function modulesFor(names: string[]): Promise<string[]> {
  const result = await build({
    stdin: { contents: `import { ${names.join(', ')} } from './src/index.ts'; console.log(${names.join(', ')});`, resolveDir: root, sourcefile: 'host.ts', loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    metafile: true,
    packages: 'external',
    define: { __INBOXKIT_VERSION__: '"test"' },
    logLevel: 'silent',
    outfile: 'host.js',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  // A module tree-shaken to nothing is still listed, with no bytes in the output.
  return Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

const uiStrings = (path: string) => /src\/hooks\/messages\.ts$|src\/locales\//.test(path);

describe('what a headless host bundles', () => {
  it('holds no UI strings: the provider, the hooks and the store leave the English catalog to the components', async () => {
    const modules = await modulesFor(['createInboxStore', 'InboxProvider', 'useConversations', 'useConversation', 'useAssignConversation', 'useResolveConversation', 'useAddNote', 'useAssignees', 'createWaplyAdapter']);
    expect(modules).toContain('src/hooks/InboxProvider.tsx');
    expect(modules).toContain('src/store/createInboxStore.ts');
    expect(modules.filter(uiStrings)).toEqual([]);
  });

  it('holds them as soon as it reads messages or shows a component', async () => {
    expect((await modulesFor(['InboxProvider', 'useInboxMessages'])).filter(uiStrings)).toContain('src/hooks/messages.ts');
    expect((await modulesFor(['InboxProvider', 'ConversationList'])).filter(uiStrings)).toContain('src/hooks/messages.ts');
  });
});
