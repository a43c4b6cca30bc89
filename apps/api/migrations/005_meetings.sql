-- Recurring member meetings: a weekly rule in the meeting's own time zone, skipped ranges
-- (e.g. a summer break), per-occurrence changes, and RSVPs for one occurrence or every week.

create table meetings (
  id                uuid primary key default gen_random_uuid(),
  coalition_id      uuid not null references organizations(id),
  slug              text not null unique,
  title             text not null,
  description       text not null default '',
  time_zone         text not null,
  -- First occurrence, as a local date and wall-clock time in time_zone.
  start_date        date not null,
  start_time        text not null check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  duration_minutes  integer not null check (duration_minutes between 5 and 1440),
  -- RFC 5545 subset: FREQ=WEEKLY|DAILY, INTERVAL, BYDAY, UNTIL (date), COUNT.
  rrule             text not null,
  format            text not null check (format in ('virtual', 'in_person', 'hybrid')),
  location          text,
  virtual_link      text,
  consent_coalition_text     text not null,
  consent_coalition_version  text not null,
  consent_partner_text       text not null,
  consent_partner_version    text not null,
  created_at        timestamptz not null default now()
);

-- Whole local dates with no meeting, inclusive (a summer break, a holiday).
create table meeting_breaks (
  id          uuid primary key default gen_random_uuid(),
  meeting_id  uuid not null references meetings(id),
  from_date   date not null,
  to_date     date not null,
  reason      text not null default '',
  check (to_date >= from_date)
);

-- A change to one occurrence, keyed by the date it was scheduled for.
create table meeting_changes (
  meeting_id       uuid not null references meetings(id),
  occurrence_date  date not null,
  cancelled        boolean not null default false,
  new_date         date,
  new_time         text check (new_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  format           text check (format in ('virtual', 'in_person', 'hybrid')),
  location         text,
  note             text,
  primary key (meeting_id, occurrence_date)
);

-- One row per person per meeting: the handle a signed manage link points at.
create table meeting_attendees (
  id          uuid primary key default gen_random_uuid(),
  meeting_id  uuid not null references meetings(id),
  person_id   uuid not null references people(id),
  partner_id  uuid not null references partners(id),
  -- "Every week": applies to occurrences on or after this date, until stopped.
  standing_response  text check (standing_response in ('yes', 'no', 'maybe')),
  standing_from      date,
  created_at  timestamptz not null default now(),
  unique (meeting_id, person_id)
);

create table meeting_rsvps (
  attendee_id      uuid not null references meeting_attendees(id),
  occurrence_date  date not null,
  response         text not null check (response in ('yes', 'no', 'maybe')),
  updated_at       timestamptz not null default now(),
  primary key (attendee_id, occurrence_date)
);

alter table consents add column attendee_id uuid references meeting_attendees(id);
