-- petition_counts_track: keeps petition_counts (migration 007) as signatures come, are confirmed
-- and go (migration 010 made it; this file is the function as it is now). Public counts hold
-- confirmed signatures only. Each change lands on one of 16 shard rows per petition and partner,
-- so concurrent signers rarely wait on one row: a random one, or the one a batch of signatures
-- chose for its whole transaction (`ck.count_shard`, set by sign_petitions), so that a batch holds
-- one row lock per partner until it commits rather than most of the 16.
create or replace function petition_counts_track() returns trigger language plpgsql as $$
declare
  v_shard smallint := coalesce(nullif(current_setting('ck.count_shard', true), '')::smallint, floor(random() * 16)::smallint);
begin
  if tg_op = 'INSERT' and new.status = 'confirmed'
     or tg_op = 'UPDATE' and old.status <> 'confirmed' and new.status = 'confirmed' then
    insert into petition_counts (petition_id, partner_id, shard, count)
    values (new.petition_id, new.partner_id, v_shard, 1)
    on conflict (petition_id, partner_id, shard) do update set count = petition_counts.count + 1;
    return new;
  end if;
  if tg_op = 'DELETE' and old.status = 'confirmed' then
    insert into petition_counts (petition_id, partner_id, shard, count)
    values (old.petition_id, old.partner_id, v_shard, -1)
    on conflict (petition_id, partner_id, shard) do update set count = petition_counts.count - 1;
    return old;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
