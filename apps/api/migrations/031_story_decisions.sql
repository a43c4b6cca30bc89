-- Story moderation history (issue 21): every approval and rejection, with the secret key that
-- decided and when, so a coalition can see who published or turned down what. A story decided twice
-- (rejected, then approved after an edit of heart) keeps both. Deleted with its story.
create table story_decisions (
  id          uuid primary key default gen_random_uuid(),
  story_id    uuid not null references stories(id) on delete cascade,
  decision    text not null check (decision in ('approved', 'rejected')),
  reason      text,
  decided_by  uuid references secret_keys(id),
  decided_at  timestamptz not null default now()
);
create index story_decisions_story on story_decisions (story_id, decided_at);
create index story_decisions_recent on story_decisions (decided_at desc);

-- The decisions made before this history was kept: each story's last one.
insert into story_decisions (story_id, decision, reason, decided_by, decided_at)
select id, status, rejection_reason, moderated_by, moderated_at from stories where moderated_at is not null and status in ('approved', 'rejected');
