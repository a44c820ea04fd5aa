import type { Preview } from '@storybook/react-vite';
import '../src/styles/index.css';
import './preview.css';

const preview: Preview = {
  parameters: {
    layout: 'fullscreen',
    // Every story is also an accessibility test: any axe violation fails it.
    a11y: { test: 'error' },
    controls: { expanded: true },
    // The full demo inbox opens first.
    options: { storySort: { order: ['Inbox', ['Demo', '*'], '*'] } },
  },
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['auto', 'light', 'dark'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr' },
  decorators: [
    (Story, context) => {
      const theme = (context.args as { theme?: string }).theme ?? context.globals.theme;
      const dir = (context.args as { dir?: string }).dir ?? context.globals.dir;
      return (
        <div className="story-frame" data-theme={theme === 'auto' ? undefined : theme} dir={dir}>
          <Story />
        </div>
      );
    },
  ],
};

export default preview;
