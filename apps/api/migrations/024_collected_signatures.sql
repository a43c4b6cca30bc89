-- Tabling mode (issue 20): a signature taken on a shared device at a table or in a classroom says
-- so (channel), and when it was collected, which is earlier than it arrived when the device was
-- offline (collected_at; null: when it arrived, created_at).
alter table signatures add column channel text not null default 'online' check (channel in ('online', 'tabling'));
alter table signatures add column collected_at timestamptz;

-- sign_petition gains p_channel and p_collected_at (functions/sign_petition.sql makes the new one).
drop function if exists sign_petition(uuid, uuid, uuid, text, text, text, text, text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, text, text, text[], uuid);
