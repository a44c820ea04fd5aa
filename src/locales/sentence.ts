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

/**
 * The end of an id, short enough to tell contacts apart in a fallback name: its last six letters and digits
 * once a word that only says what the id is ("contact", "customer", "user", "con") is dropped from either end:
 * `con_01HXYZ` → "01HXYZ", `c_42-contact` → "c42", `contact_…-abcdefabcdef` → "abcdef".
 */
/*#__NO_SIDE_EFFECTS__*/
export function shortId(id: string): string {
  const parts = id.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const label = /^(contacts?|customers?|users?|con|cust|id)$/i;
  while (parts.length > 1 && label.test(parts[parts.length - 1]!)) parts.pop();
  while (parts.length > 1 && label.test(parts[0]!)) parts.shift();
  const kept = parts.join('');
  return Array.from(kept || id).slice(-6).join('');
}
