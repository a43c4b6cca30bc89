-- Training series and member meetings in several languages (issue 19), as petitions (019): the
-- campaign row has its own `language` and `translations` of its text columns, per language, keyed
-- by column name ({"es": {"title": "…", "consent_coalition_text": "…", "consent_coalition_version": "…"}}).
-- Child rows (sessions, breaks, one-week changes) are written in their parent's language and carry
-- their own `translations` the same way: {"es": {"title": "…", "description": "…"}} for a session,
-- {"es": {"reason": "…"}} for a break, {"es": {"note": "…"}} for a week's note. A session's
-- leaders' roles translate by position: {"es": {"leaders.0.role": "Facilitadora"}}.
alter table training_series add column language text not null default 'en' check (language in ('en', 'es'));
alter table training_series add column translations jsonb not null default '{}'::jsonb;
alter table training_sessions add column translations jsonb not null default '{}'::jsonb;
alter table meetings add column language text not null default 'en' check (language in ('en', 'es'));
alter table meetings add column translations jsonb not null default '{}'::jsonb;
alter table meeting_breaks add column translations jsonb not null default '{}'::jsonb;
alter table meeting_changes add column translations jsonb not null default '{}'::jsonb;
