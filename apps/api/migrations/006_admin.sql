-- Organizer console and admin API: idempotent admin writes, webhooks with an outbox and a
-- delivery log.

-- Admin writes are idempotent per secret key, like partner writes are per partner.
create table admin_idempotency_keys (
  secret_key_id  uuid not null references secret_keys(id),
  key            text not null,
  request_hash   text not null,
  status_code    integer,
  response_body  text,
  created_at     timestamptz not null default now(),
  primary key (secret_key_id, key)
);

-- Where an organization wants its actions delivered. The signing secret must be readable to sign
-- with; it is shown to the organizer once, when the endpoint is created.
create table webhook_endpoints (
  id               uuid primary key default gen_random_uuid(),
  organization_id  uuid not null references organizations(id),
  url              text not null,
  events           text[] not null,
  secret           text not null,
  active           boolean not null default true,
  created_at       timestamptz not null default now()
);
create index webhook_endpoints_org on webhook_endpoints (organization_id) where active;

-- One row per event per endpoint, written in the same transaction as the action it reports.
create table outbox (
  id               uuid primary key default gen_random_uuid(),
  endpoint_id      uuid not null references webhook_endpoints(id),
  event_type       text not null,
  payload          text not null,
  -- The person the payload is about, so a deletion request can remove undelivered events too.
  person_id        uuid references people(id),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null default now(),
  delivered_at     timestamptz,
  failed_at        timestamptz,
  created_at       timestamptz not null default now()
);
create index outbox_due on outbox (next_attempt_at) where delivered_at is null and failed_at is null;

create table webhook_deliveries (
  id           uuid primary key default gen_random_uuid(),
  outbox_id    uuid not null references outbox(id) on delete cascade,
  endpoint_id  uuid not null references webhook_endpoints(id),
  attempt      integer not null,
  status_code  integer,
  error        text,
  duration_ms  integer not null,
  created_at   timestamptz not null default now()
);
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc);

create index signatures_petition_created on signatures (petition_id, created_at, id);
