-- Connectors (issue 22): an organization's delivery of consented contacts into its own CRM. A
-- connector is a webhook endpoint (kind 'webhook', as before) or an OSDI endpoint (kind 'osdi',
-- Action Network included), sharing the outbox, its leases, retries and delivery log.
alter table webhook_endpoints add column kind text not null default 'webhook' check (kind in ('webhook', 'osdi'));
-- OSDI only: the endpoint's API key, encrypted (AES-256-GCM, key from CK_CONNECTOR_KEY); never shown again.
alter table webhook_endpoints add column api_key_encrypted text;
-- OSDI only: tags added to every person delivered (besides the campaign's own).
alter table webhook_endpoints add column api_key_hint text;
alter table webhook_endpoints add column tags text[] not null default '{}';
-- Set when the endpoint refused the key (401/403): nothing is sent until the key is replaced.
alter table webhook_endpoints add column paused_at timestamptz;
alter table webhook_endpoints add column pause_reason text;
alter table webhook_endpoints alter column secret drop not null;

-- What the receiver answered (the start of its body), for a refusal an organizer has to read.
alter table webhook_deliveries add column response text;

-- Where each person delivered to an OSDI endpoint lives there (its person resource), so an erasure
-- can be forwarded. Not a foreign key: the row outlives the person's erasure until it is forwarded.
create table connector_people (
  endpoint_id uuid not null references webhook_endpoints(id),
  person_id   uuid not null,
  remote_url  text not null,
  created_at  timestamptz not null default now(),
  primary key (endpoint_id, person_id)
);
