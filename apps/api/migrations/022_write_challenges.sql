-- Proof-of-work challenges for many writes from one address (issue 20: a school behind one IP).
-- The API signs each challenge with a secret every replica shares, and a solution is taken once:
-- its challenge's signature is kept here until the challenge expires. Like rate_limits, this
-- needs no crash safety (after a crash a solution could be replayed once within five minutes,
-- and the hard per-address limit still holds), so it skips the write-ahead log.
insert into settings (name, value) values ('challenge_secret', gen_random_uuid()::text || gen_random_uuid()::text)
  on conflict (name) do nothing;

create unlogged table used_challenges (
  signature   text primary key,
  expires_at  timestamptz not null
);
