// Texts an admin read gives back in several languages (issue 19) in the console's one-language
// forms for training series and meetings: the form edits the campaign language's words, and a
// plain string sent back keeps the saved translations (the API replaces them only when sent one
// text per language).

/** A saved text's words in the campaign's language (a plain string is in it). */
export const wordsOf = (saved: string | Record<string, string>, language: string | undefined): string => (typeof saved === "string" ? saved : (saved[language ?? "en"] ?? ""));

/** Both consent texts in the campaign's language, as the form's consent fields take them. */
export function consentWords(
  consent: { coalition: { text: string | Record<string, string>; version: string }; partner: { text: string | Record<string, string>; version: string } },
  language: string | undefined,
): { coalition: { text: string; version: string }; partner: { text: string; version: string } } {
  return {
    coalition: { text: wordsOf(consent.coalition.text, language), version: consent.coalition.version },
    partner: { text: wordsOf(consent.partner.text, language), version: consent.partner.version },
  };
}
