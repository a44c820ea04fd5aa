/**
 * Small helpers for catalogs that build a sentence from parts (`rowLabel`).
 * Pure and tiny: a catalog that imports them stays tree-shakable.
 */

/** Lower-cases the first letter of a label used mid-sentence ("Escalated" → "escalated"), but not an acronym ("AI handling"). */
/*#__NO_SIDE_EFFECTS__*/
export function lowerFirst(label: string): string {
  const [first = '', second = ''] = Array.from(label);
  if (second && second === second.toLocaleUpperCase() && second !== second.toLocaleLowerCase()) return label;
  return first.toLocaleLowerCase() + label.slice(first.length);
}

/** Ends a sentence with `mark` unless it already ends with a sentence mark of any script (. ! ? … 。 ！ ？ । ؟). */
/*#__NO_SIDE_EFFECTS__*/
export function endSentence(text: string, mark = '.'): string {
  const trimmed = text.trimEnd();
  return /[.!?…。！？।؟]$/u.test(trimmed) ? trimmed : `${trimmed}${mark}`;
}
