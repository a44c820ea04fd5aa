import type { ReactNode } from 'react';

// Stands for value i in the catalog's sentence (a private-use mark, which no catalog writes), so each value can be its own element.
const slot = (i: number) => `\uE000${i}\uE000`;

/**
 * A catalog sentence with each value it takes (a name, a time, a duration) in its own `<bdi>`,
 * so a value in another script, or one that starts with a digit, never reorders the words
 * around it. The element holding it should have `dir="auto"`: its direction then comes from the
 * catalog's own words (dir=auto skips `bdi`), whatever the page's direction.
 */
export function isolatedSentence(sentence: (...values: string[]) => string, values: readonly string[], className?: string): ReactNode[] {
  return sentence(...values.map((_, i) => slot(i)))
    .split(/\uE000(\d+)\uE000/)
    .map((part, i) =>
      i % 2 ? (
        <bdi key={i} className={className}>
          {values[Number(part)]}
        </bdi>
      ) : (
        part
      ),
    );
}
