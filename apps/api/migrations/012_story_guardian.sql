-- A story by someone under 13 that holds personal data (a first name to publish with, an email or
-- a school) waits for a parent or guardian: they are emailed, and until they agree the story
-- cannot be approved, its opt-ins wait and no webhook carries the child's contact data. Refusal or
-- no answer within 7 days erases the story and the child's data; only an anonymous count remains.

alter table stories add column guardian_status text check (guardian_status in ('pending', 'consented'));
-- Where to ask the parent or guardian; cleared once they answer.
alter table stories add column guardian_email text;
-- The opt-ins shown and ticked, recorded as consents only once the guardian agrees.
alter table stories add column pending_consents jsonb;
create index stories_guardian_pending on stories (submitted_at) where guardian_status = 'pending';

create table story_unconfirmed_counts (
  campaign_id  uuid not null references story_campaigns(id),
  reason       text not null check (reason in ('guardian_refused', 'guardian_no_answer')),
  count        integer not null,
  primary key (campaign_id, reason)
);
