-- Key rotation with an overlap: a partner's replaced publishable key keeps working (from the same
-- sites) until previous_key_expires_at, then is refused as retired. One old key per partner.
alter table partners add column previous_key text unique check (previous_key like 'pk\_%');
alter table partners add column previous_key_expires_at timestamptz;

-- Secret keys get a scope: read_only keys may read and export, never write. Existing keys keep
-- doing everything.
alter table secret_keys add column scope text not null default 'read_write' check (scope in ('read_write', 'read_only'));
