-- Surveys: anonymous answers, optional follow-up contacts kept apart from them.

create table surveys (
  id                        uuid primary key default gen_random_uuid(),
  coalition_id              uuid not null references organizations(id),
  slug                      text not null unique,
  title                     text not null,
  -- Variants and their questions, validated by @coalition-kit/schema on the way in.
  variants                  jsonb not null,
  public_results            boolean not null default false,
  min_group_size            integer not null default 5 check (min_group_size >= 1),
  follow_up_prompt          text,
  follow_up_consent_text    text,
  follow_up_consent_version text,
  created_at                timestamptz not null default now()
);

-- No IP, no email, no person, no cookie; the time is kept only to the day.
create table survey_responses (
  id            uuid primary key default gen_random_uuid(),
  survey_id     uuid not null references surveys(id),
  variant       text not null,
  partner_id    uuid not null references partners(id),
  answers       jsonb not null,
  submitted_on  date not null default current_date
);
create index survey_responses_survey_variant on survey_responses (survey_id, variant);

-- Contact details from people who asked to be contacted. Deliberately no link to their answers.
create table survey_follow_ups (
  id               uuid primary key default gen_random_uuid(),
  survey_id        uuid not null references surveys(id),
  first_name       text,
  email            text not null,
  consent_text     text not null,
  consent_version  text not null,
  submitted_on     date not null default current_date
);
