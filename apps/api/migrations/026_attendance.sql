-- Series progress and attendance (issue 20). Organizers mark, per session, whether each registrant
-- attended (one by one or from a CSV). A person's progress across a series is the sessions they
-- attended out of the series' sessions (cancelled ones left out); they have completed it once they
-- attended `completion_threshold` sessions (null: all of them). `completion_tracked` false: the
-- series has no completion.

alter table training_series add column completion_threshold integer check (completion_threshold >= 1);
alter table training_series add column completion_tracked boolean not null default true;

-- One mark per registration: changed in place when an organizer corrects it.
create table training_attendance (
  registration_id  uuid primary key references training_registrations(id) on delete cascade,
  attended         boolean not null,
  marked_at        timestamptz not null,
  -- The organization whose key marked it.
  marked_by        uuid not null references organizations(id)
);

-- When a person first completed a series: the `series.completed` webhook goes out once per
-- person per series, on the insert of this row.
create table training_completions (
  series_id     uuid not null references training_series(id),
  person_id     uuid not null references people(id) on delete cascade,
  completed_at  timestamptz not null,
  primary key (series_id, person_id)
);
