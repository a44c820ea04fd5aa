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
  const english = tag === 'en'; // not en-IN and its kin, which group digits their own way
  return (count) => {
    // English whole numbers are common (every unread badge) and simple: building the Intl objects on a page's
    // first render costs more than the rows themselves, so they are made only for what the rule below cannot say.
    if (english && Number.isSafeInteger(count)) {
      return (forms[Math.abs(count) === 1 ? 'one' : 'other'] ?? forms.other).replaceAll('#', groupThousands(count));
    }
    rules ??= new Intl.PluralRules(tag);
    numbers ??= new Intl.NumberFormat(tag);
    const form = forms[rules.select(count)] ?? forms.other;
    return form.replaceAll('#', numbers.format(count));
  };
}

/** A whole number as English writes it: `1234567` -> "1,234,567" (what `Intl.NumberFormat('en')` gives). */
function groupThousands(count: number): string {
  const digits = String(Math.abs(count)).replace(/\B(?=(\d{3})+$)/g, ',');
  return count < 0 ? `-${digits}` : digits;
}
