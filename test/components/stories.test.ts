import { describe, expect, it } from 'vitest';
import preview from '../../.storybook/preview';
import * as inbox from '../../stories/Inbox.stories';

describe('the Demo story', () => {
  it('opens first in Storybook and is still: no play function changes its data; the scripted tour is its own story', () => {
    const order = (preview.parameters?.options as { storySort: { order: unknown[] } }).storySort.order;
    expect(order.slice(0, 2)).toEqual(['Inbox', ['Demo', '*']]);
    expect(inbox.Demo.play).toBeUndefined();
    expect(inbox.Demo.args?.live ?? inbox.default.args?.live).toBe(false);
    expect(inbox.Walkthrough.play).toBeTypeOf('function');
  });
});
