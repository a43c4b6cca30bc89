-- "Tell your story": submissions, moderation, and a public wall of consented stories.

create table story_campaigns (
  id                          uuid primary key default gen_random_uuid(),
  coalition_id                uuid not null references organizations(id),
  slug                        text not null unique,
  title                       text not null,
  prompt                      text not null,
  consent_publish_text        text not null,
  consent_publish_version     text not null,
  consent_coalition_text      text not null,
  consent_coalition_version   text not null,
  consent_partner_text        text not null,
  consent_partner_version     text not null,
  consent_guardian_text       text not null,
  consent_guardian_version    text not null,
  created_at                  timestamptz not null default now()
);

create table stories (
  id                 uuid primary key default gen_random_uuid(),
  campaign_id        uuid not null references story_campaigns(id),
  partner_id         uuid not null references partners(id),
  -- Only when the author gave an email (and, under 13, a guardian agreed).
  person_id          uuid references people(id),
  title              text not null,
  body               text not null,
  role               text not null check (role in ('student', 'parent', 'educator', 'community')),
  school             text,
  age_band           text not null check (age_band in ('under_13', '13_17', '18_plus')),
  publish_as         text not null check (publish_as in ('internal', 'anonymous', 'first_name')),
  -- Stored only when the author chose to publish with their first name.
  author_first_name  text,
  source             text,
  status             text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
  rejection_reason   text,
  moderated_by       uuid references secret_keys(id),
  submitted_at       timestamptz not null default now(),
  moderated_at       timestamptz,
  published_at       timestamptz,
  withdrawn_at       timestamptz,
  check (publish_as = 'first_name' or author_first_name is null)
);
create index stories_wall on stories (campaign_id, status, published_at desc);

alter table consents add column story_id uuid references stories(id);
alter table consents alter column person_id drop not null;
alter table consents drop constraint consents_scope_check;
alter table consents add constraint consents_scope_check check (scope in ('coalition', 'partner', 'guardian', 'publish'));
