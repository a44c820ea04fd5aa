/**
 * The wordings of a counted message, one per CLDR plural category the
 * language uses (`other` is required; a category without its own wording
 * falls back to it). `#` stands for the count, written the locale's way.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * A count message for one locale, e.g.
 * `plural('de', { one: '# ungelesene Nachricht', other: '# ungelesene Nachrichten' })(2)`
 * → "2 ungelesene Nachrichten". The form comes from `Intl.PluralRules`
 * (Arabic tells zero, one, two, few, many and other apart), the number from
 * `Intl.NumberFormat` with the locale's default digits.
 */
/*#__NO_SIDE_EFFECTS__*/
export function plural(tag: string, forms: PluralForms): (count: number) => string {
  // Made on first use, not when a catalog is imported: importing costs nothing, and an unused catalog shakes away.
  let rules: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  return (count) => {
    rules ??= new Intl.PluralRules(tag);
    numbers ??= new Intl.NumberFormat(tag);
    const form = forms[rules.select(count)] ?? forms.other;
    return form.replaceAll('#', numbers.format(count));
  };
}
