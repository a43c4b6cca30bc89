-- Email: each organization's sending identity, a message queue written in the action's own
-- transaction (one row per person, kind and occurrence), and unsubscribes from reminders.

alter table organizations add column email_from_name text;
alter table organizations add column email_from_address text;
alter table organizations add column email_reply_to text;
alter table organizations add column brand_color text;

-- Minutes before a session when reminders go out; an empty list turns reminders off.
alter table training_series add column reminder_minutes integer[] not null default '{1440,60}';
-- Bumped on every change of time, place or status, so calendar apps take the update (ICS SEQUENCE).
alter table training_sessions add column sequence integer not null default 0;

-- The language each person used, so later messages (a promotion, a notice) speak it too.
alter table training_registrations add column locale text not null default 'en';
alter table meeting_attendees add column locale text not null default 'en';
alter table stories add column locale text not null default 'en';

create table messages (
  id               uuid primary key default gen_random_uuid(),
  coalition_id     uuid not null references organizations(id),
  partner_id       uuid references partners(id),
  -- Null once the person is erased: the log line stays, its content goes.
  person_id        uuid references people(id) on delete set null,
  kind             text not null,
  -- One message per person, kind and occurrence, whichever replica or retry writes it.
  dedupe_key       text not null unique,
  registration_id  uuid references training_registrations(id) on delete set null,
  attendee_id      uuid references meeting_attendees(id) on delete set null,
  story_id         uuid references stories(id) on delete set null,
  occurrence_date  date,
  -- The scope an unsubscribe applies to ("series:<id>" or "meeting:<id>"), for reminders.
  scope            text,
  locale           text not null default 'en',
  -- Where the API was reached, for the links in the message (else the worker's public URL).
  base_url         text,
  to_address       text,
  send_at          timestamptz not null,
  status           text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed', 'cancelled')),
  attempts         integer not null default 0,
  lease_until      timestamptz,
  last_error       text,
  smtp_message_id  text,
  subject          text,
  sent_at          timestamptz,
  created_at       timestamptz not null default now()
);
create index messages_due on messages (send_at) where status in ('queued', 'sending');
create index messages_person on messages (person_id);
create index messages_registration on messages (registration_id) where registration_id is not null;
create index messages_attendee on messages (attendee_id) where attendee_id is not null;

create table message_unsubscribes (
  person_id   uuid not null references people(id) on delete cascade,
  scope       text not null,
  created_at  timestamptz not null default now(),
  primary key (person_id, scope)
);
