/**
 * The language of one of the organizer's texts in a public read (issue 19): `fallbacks` names the
 * texts left in the campaign's own language, and the rest are in `language`. Widgets set it as
 * `lang` on the text, for screen readers and hyphenation.
 */
export const langOf = (texts: { language: string; fallbacks: Record<string, string> }, field: string): string => texts.fallbacks[field] ?? texts.language;
