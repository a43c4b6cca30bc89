-- sign_petitions: several signatures in one database call and one commit (group commit). The API
-- gathers the signatures that arrive while earlier ones are being stored
-- (services/petitions/sign-batches.ts) and sends them here together: each is signed exactly as
-- sign_petition signs one (it is called once per signature, in the order given, so a later one sees
-- what an earlier one wrote: the same email twice is signed once, the same Idempotency-Key twice is
-- replayed), and each gets its own answer, in the same order. The whole batch commits or none of
-- it: when any signature raises (a lost race for its Idempotency-Key, a deadlock), everything rolls
-- back and the API signs each one on its own. The batch's count changes land on one shard row per
-- petition and partner (petition_counts_track), so two batches in flight seldom wait on each other.
-- p_calls holds one JSON array per signature: sign_petition's parameters in order but p_asked_for,
-- which is the same for all of them.
create or replace function sign_petitions(p_calls json, p_asked_for text[]) returns json language plpgsql as $$
declare
  v_answers json[] := '{}';
  c json;
begin
  perform set_config('ck.count_shard', floor(random() * 16)::int::text, true);
  for c in select value from json_array_elements(p_calls) loop
    v_answers := v_answers || sign_petition(
      (c ->> 0)::uuid, (c ->> 1)::uuid, (c ->> 2)::uuid, c ->> 3, c ->> 4,
      c ->> 5, c ->> 6, c ->> 7,
      c ->> 8, c ->> 9, c ->> 10, c ->> 11,
      c ->> 12, c ->> 13, c ->> 14, c ->> 15, c ->> 16,
      (c ->> 17)::boolean, (c ->> 18)::boolean, c ->> 19,
      c ->> 20, c ->> 21, p_asked_for, (c ->> 22)::uuid, c ->> 23, (c ->> 24)::timestamptz);
  end loop;
  perform set_config('ck.count_shard', '', true);
  return array_to_json(v_answers);
end $$;
