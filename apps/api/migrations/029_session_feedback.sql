-- A feedback survey after each training session (issue 20). A series may name one of its
-- coalition's surveys as its feedback survey, with the https page where that survey's widget is
-- embedded (surveys have no hosted page). Once a session has ended, each attendee gets one email
-- linking to that page with ?ck_session=<session id>; the widget sends the session with the
-- response, so answers can be read per session (with the survey's small-group suppression).

alter table training_series add column feedback_survey_id uuid references surveys(id);
alter table training_series add column feedback_url text check (feedback_url is null or feedback_url like 'https://%');

-- The session a response answers feedback for (null: not a session's feedback).
alter table survey_responses add column session_id uuid references training_sessions(id);
create index survey_responses_session on survey_responses (survey_id, session_id) where session_id is not null;

-- When the feedback email for this registration was queued: once per registration.
alter table training_registrations add column feedback_sent_at timestamptz;
