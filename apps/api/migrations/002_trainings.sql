-- Training series: sessions with capacity, registrations with a waitlist, signed personal links.

-- Registrations need no ZIP code: ask only for what each action needs.
alter table people alter column zip drop not null;

create table training_series (
  id                          uuid primary key default gen_random_uuid(),
  coalition_id                uuid not null references organizations(id),
  slug                        text not null unique,
  title                       text not null,
  description                 text not null,
  consent_coalition_text      text not null,
  consent_coalition_version   text not null,
  consent_partner_text        text not null,
  consent_partner_version     text not null,
  created_at                  timestamptz not null default now()
);

create table training_sessions (
  id            uuid primary key default gen_random_uuid(),
  series_id     uuid not null references training_series(id),
  -- Stable key from seeds and admin tools, unique within a series.
  key           text not null,
  title         text not null,
  description   text not null default '',
  starts_at     timestamptz not null,
  ends_at       timestamptz not null,
  time_zone     text not null,
  format        text not null check (format in ('virtual', 'in_person', 'hybrid')),
  location      text,
  -- Given only to people holding a confirmed seat.
  virtual_link  text,
  leaders       jsonb not null default '[]',
  capacity      integer check (capacity >= 0),
  status        text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
  created_at    timestamptz not null default now(),
  unique (series_id, key),
  check (ends_at > starts_at)
);
create index training_sessions_series_start on training_sessions (series_id, starts_at);

create table training_session_partners (
  session_id       uuid not null references training_sessions(id),
  organization_id  uuid not null references organizations(id),
  primary key (session_id, organization_id)
);

create table training_registrations (
  id             uuid primary key default gen_random_uuid(),
  session_id     uuid not null references training_sessions(id),
  person_id      uuid not null references people(id),
  partner_id     uuid not null references partners(id),
  status         text not null check (status in ('registered', 'waitlisted', 'cancelled')),
  source         text,
  created_at     timestamptz not null default now(),
  waitlisted_at  timestamptz,
  promoted_at    timestamptz,
  cancelled_at   timestamptz,
  unique (session_id, person_id)
);
create index training_registrations_session_status on training_registrations (session_id, status, created_at);

alter table consents add column registration_id uuid references training_registrations(id);

-- Secret for signing personal links (cancel, calendar). Shared by every replica.
insert into settings (name, value) values ('link_secret', gen_random_uuid()::text || gen_random_uuid()::text);
