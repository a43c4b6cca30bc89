-- Surveys and story calls in several languages (issue 19), as petitions (019): each campaign has
-- its own language and translations, per language, keyed by column name. A survey's nested texts
-- (each version's name and intro, each question's prompt and help, option labels, scale labels)
-- stay in `variants` in the survey's language; their translations are keyed by a stable path of
-- slugs, ids and option values, never by position:
--   {"es": {"title": "…", "follow_up_prompt": "…", "follow_up_consent_text": "…", "follow_up_consent_version": "…",
--           "variants.<slug>.title": "…", "variants.<slug>.questions.<id>.prompt": "…",
--           "variants.<slug>.questions.<id>.options.<value>": "…", "variants.<slug>.questions.<id>.scale.minLabel": "…"}}
-- Answers are stored by option value, so answers given in either language count together.
alter table surveys add column language text not null default 'en' check (language in ('en', 'es'));
alter table surveys add column translations jsonb not null default '{}'::jsonb;
alter table story_campaigns add column language text not null default 'en' check (language in ('en', 'es'));
alter table story_campaigns add column translations jsonb not null default '{}'::jsonb;

-- A follow-up's consent is recorded in the language it was shown in (its text and version are that language's).
alter table survey_follow_ups add column language text not null default 'en' check (language in ('en', 'es'));
