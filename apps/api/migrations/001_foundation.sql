-- Foundation: organizations, partners and their keys, petitions, people, signatures, consents,
-- idempotency keys and rate-limit buckets.

create table organizations (
  id          uuid primary key default gen_random_uuid(),
  slug        text not null unique,
  name        text not null,
  kind        text not null check (kind in ('coalition', 'partner')),
  website     text,
  created_at  timestamptz not null default now()
);

-- A partner organization's membership in a coalition, with its publishable key.
create table partners (
  id               uuid primary key default gen_random_uuid(),
  coalition_id     uuid not null references organizations(id),
  organization_id  uuid not null references organizations(id),
  publishable_key  text not null unique check (publishable_key like 'pk\_%'),
  allowed_origins  text[] not null default '{}',
  active           boolean not null default true,
  created_at       timestamptz not null default now(),
  unique (coalition_id, organization_id)
);

-- Secret keys for the admin API (used by a later issue). Only a hash is stored.
create table secret_keys (
  id               uuid primary key default gen_random_uuid(),
  organization_id  uuid not null references organizations(id),
  prefix           text not null,
  key_hash         text not null unique,
  created_at       timestamptz not null default now(),
  revoked_at       timestamptz
);

create table petitions (
  id                          uuid primary key default gen_random_uuid(),
  coalition_id                uuid not null references organizations(id),
  slug                        text not null unique,
  title                       text not null,
  body                        text not null,
  target                      text not null,
  goal                        integer not null check (goal >= 0),
  status                      text not null default 'open' check (status in ('open', 'closed')),
  closes_at                   timestamptz,
  ask_age_band                boolean not null default false,
  share_url                   text,
  consent_coalition_text      text not null,
  consent_coalition_version   text not null,
  -- "{partner}" is replaced by the hosting partner's name.
  consent_partner_text        text not null,
  consent_partner_version     text not null,
  consent_guardian_text       text not null,
  consent_guardian_version    text not null,
  created_at                  timestamptz not null default now()
);

-- One person per coalition per normalized email. Least data: name and ZIP only.
create table people (
  id                uuid primary key default gen_random_uuid(),
  coalition_id      uuid not null references organizations(id),
  email_normalized  text not null,
  first_name        text not null,
  last_name         text,
  zip               text not null,
  created_at        timestamptz not null default now(),
  unique (coalition_id, email_normalized)
);

-- No IP address or user agent is stored with a signature.
create table signatures (
  id             uuid primary key default gen_random_uuid(),
  petition_id    uuid not null references petitions(id),
  person_id      uuid not null references people(id),
  partner_id     uuid not null references partners(id),
  source         text,
  utm_source     text,
  utm_medium     text,
  utm_campaign   text,
  age_band       text check (age_band in ('under_13', '13_17', '18_plus')),
  created_at     timestamptz not null default now(),
  unique (petition_id, person_id)
);
create index signatures_petition_partner on signatures (petition_id, partner_id);

-- A row only for consent actually given, with exactly the text and version shown.
create table consents (
  id               uuid primary key default gen_random_uuid(),
  person_id        uuid not null references people(id),
  signature_id     uuid references signatures(id),
  organization_id  uuid not null references organizations(id),
  scope            text not null check (scope in ('coalition', 'partner', 'guardian')),
  text             text not null,
  version          text not null,
  guardian_email   text,
  created_at       timestamptz not null default now()
);
create index consents_person on consents (person_id);

create table idempotency_keys (
  partner_id     uuid not null references partners(id),
  key            text not null,
  request_hash   text not null,
  status_code    integer,
  response_body  text,
  created_at     timestamptz not null default now(),
  primary key (partner_id, key)
);

create table rate_limits (
  bucket        text not null,
  window_start  timestamptz not null,
  count         integer not null,
  primary key (bucket, window_start)
);

-- Instance-wide settings shared by every replica (e.g. the salt for hashing IPs in rate limits).
create table settings (
  name   text primary key,
  value  text not null
);
insert into settings (name, value) values ('ip_salt', gen_random_uuid()::text || gen_random_uuid()::text);
