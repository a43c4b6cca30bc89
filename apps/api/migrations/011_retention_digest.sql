-- Retention and the organizer digest: how long a coalition keeps a person's data after their last
-- action, which staff get a daily digest email, and a scheduler so each daily job runs once a day
-- however many API replicas there are.

-- Months a person's data is kept after their last action (Proca purges at 24).
alter table organizations add column retention_months integer not null default 24 check (retention_months between 1 and 120);
-- The daily digest to staff: off until an organizer turns it on and lists who gets it.
alter table organizations add column digest_enabled boolean not null default false;
alter table organizations add column digest_recipients text[] not null default '{}';
alter table organizations add column digest_locale text not null default 'en' check (digest_locale in ('en', 'es'));

-- One row per daily job. A replica runs a job only after claiming it (next_run_at has come and no
-- live lease), in one UPDATE; when done it moves next_run_at to the next day. A replica that dies
-- mid-job leaves a lease that expires, and another one takes the job up.
create table scheduled_jobs (
  name         text primary key,
  next_run_at  timestamptz not null,
  lease_until  timestamptz,
  lease_token  uuid,
  last_run_at  timestamptz,
  last_error   text
);

-- Erasing a person (on request or past retention) finds their rows by person.
create index signatures_person on signatures (person_id);
create index training_registrations_person on training_registrations (person_id);
create index meeting_attendees_person on meeting_attendees (person_id);
create index stories_person on stories (person_id) where person_id is not null;

-- Staff messages (the digest) go to an address, not to a person: person_id stays null.
create index messages_failed on messages (coalition_id, send_at) where status = 'failed';
