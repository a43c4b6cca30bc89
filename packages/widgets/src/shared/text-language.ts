/** Which language the API says an organizer's texts are in (issue 19): `language`, unless `fallbacks` names another for a field. */
export interface TextLanguages {
  language: string;
  fallbacks: Record<string, string>;
}

/** The language of one text of a public read (its field's path, e.g. "title" or "consent.publish"), for its `lang` attribute. */
export const langOf = (texts: TextLanguages, field: string): string => texts.fallbacks?.[field] ?? texts.language;
