-- Verified consent by email: petitions may ask signers to confirm by email (double opt-in), and a
-- signer under 13 counts only once a parent or guardian agrees. Pending signatures are not
-- counted publicly and their opt-ins wait; consents can be withdrawn from the thank-you email.

alter table petitions add column confirmation text not null default 'none' check (confirmation in ('none', 'double_opt_in'));
-- Days an unconfirmed signature waits before it is erased.
alter table petitions add column pending_days integer not null default 7 check (pending_days between 1 and 60);

alter table signatures add column status text not null default 'confirmed' check (status in ('confirmed', 'pending_email', 'pending_guardian'));
alter table signatures add column confirmed_at timestamptz;
alter table signatures add column locale text not null default 'en';
-- Where to ask a parent or guardian (under 13 only); cleared once they answer.
alter table signatures add column guardian_email text;
-- The opt-ins shown and ticked, recorded as consents only once the signature is confirmed.
alter table signatures add column pending_consents jsonb;
create index signatures_pending on signatures (created_at) where status <> 'confirmed';

alter table consents add column withdrawn_at timestamptz;
alter table messages add column signature_id uuid references signatures(id) on delete set null;

-- What is left of signatures erased unconfirmed (no answer, or a guardian's refusal): a number.
create table petition_unconfirmed_counts (
  petition_id  uuid not null references petitions(id),
  reason       text not null check (reason in ('email_unconfirmed', 'guardian_refused', 'guardian_no_answer')),
  count        integer not null,
  primary key (petition_id, reason)
);

-- Public counts hold confirmed signatures only: count on insert when confirmed, on confirmation,
-- and take off on deletion of a confirmed one.
create or replace function petition_counts_track() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' and new.status = 'confirmed'
     or tg_op = 'UPDATE' and old.status <> 'confirmed' and new.status = 'confirmed' then
    insert into petition_counts (petition_id, partner_id, shard, count)
    values (new.petition_id, new.partner_id, floor(random() * 16)::smallint, 1)
    on conflict (petition_id, partner_id, shard) do update set count = petition_counts.count + 1;
    return new;
  end if;
  if tg_op = 'DELETE' and old.status = 'confirmed' then
    insert into petition_counts (petition_id, partner_id, shard, count)
    values (old.petition_id, old.partner_id, floor(random() * 16)::smallint, -1)
    on conflict (petition_id, partner_id, shard) do update set count = petition_counts.count - 1;
    return old;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;

drop trigger signatures_count on signatures;
create trigger signatures_count after insert or update of status or delete on signatures
  for each row execute function petition_counts_track();

-- One suppression list per coalition: an address that unsubscribed from everything or that a mail
-- server refused for good gets nothing further, except a confirmation or guardian request that the
-- person has just asked for.
create table suppressions (
  coalition_id  uuid not null references organizations(id),
  email         text not null,
  reason        text not null check (reason in ('unsubscribed', 'bounced')),
  created_at    timestamptz not null default now(),
  primary key (coalition_id, email)
);
