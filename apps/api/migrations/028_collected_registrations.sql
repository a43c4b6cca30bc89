-- Tabling mode for trainings (issue 20): a registration taken on a shared device at a table says
-- so (channel), and when it was collected, which is earlier than it arrived when the device was
-- offline (collected_at; null: when it arrived, created_at).
alter table training_registrations add column channel text not null default 'online' check (channel in ('online', 'tabling'));
alter table training_registrations add column collected_at timestamptz;
