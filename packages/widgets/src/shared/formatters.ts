/**
 * Intl formatters, built once per locale and options and reused: building one costs far more than
 * formatting with it (a petition render formats seven numbers; a calendar month, dozens of times).
 */
const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = made.get(key) as T | undefined;
  if (!format) made.set(key, (format = make()));
  return format;
}

export const numberFormat = (locale?: string): Intl.NumberFormat => cached(`n${locale}`, () => new Intl.NumberFormat(locale));

export const dateTimeFormat = (locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached(`d${locale}${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
