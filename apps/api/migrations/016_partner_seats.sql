-- Seats per partner: a co-hosting partner may have part of a session's capacity kept for its
-- members (null: nothing kept). Registrations count against the partner whose key they came
-- through; the seats nobody reserved stay open to everyone.
alter table training_session_partners add column seats integer check (seats >= 1);
