-- Rotating a webhook endpoint's signing secret without a gap: the new secret signs every delivery
-- at once, and until previous_secret_expires_at each delivery also carries a signature by the old
-- one (Standard Webhooks lists several in one webhook-signature header), so the receiver can switch
-- whenever it likes within the overlap. Only one old secret is kept.
alter table webhook_endpoints add column previous_secret text;
alter table webhook_endpoints add column previous_secret_format text check (previous_secret_format in ('standard', 'raw'));
alter table webhook_endpoints add column previous_secret_expires_at timestamptz;
