-- Tabling mode for surveys (issue 20): a response taken on a shared device says so. As for every
-- response, only the day is kept: submitted_on is the day it was collected, not when it arrived.
alter table survey_responses add column channel text not null default 'online' check (channel in ('online', 'tabling'));
