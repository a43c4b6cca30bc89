-- Proca-style social proof (issue 20): a petition can keep a small count off the widget until it
-- reaches count_shown_from, and raise the goal it shows each time 90 % of it is reached (auto_goal;
-- the organizer's goal stays as set, services/petitions/goals.ts picks the one shown).
alter table petitions add column count_shown_from integer not null default 0 check (count_shown_from >= 0);
alter table petitions add column auto_goal boolean not null default false;
