-- Live counts without counting: a petition's total per partner, kept by a trigger in the same
-- transaction as each signature (so it is exact), spread over 16 shard rows so a thousand people
-- signing at once do not all wait on one row. Reads sum at most 16 rows per partner.
create table petition_counts (
  petition_id  uuid not null references petitions(id),
  partner_id   uuid not null references partners(id),
  shard        smallint not null,
  count        bigint not null,
  primary key (petition_id, partner_id, shard)
);

create function petition_counts_track() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into petition_counts (petition_id, partner_id, shard, count)
    values (new.petition_id, new.partner_id, floor(random() * 16)::smallint, 1)
    on conflict (petition_id, partner_id, shard) do update set count = petition_counts.count + 1;
    return new;
  end if;
  -- A deleted signature (a person's erasure) comes off any shard: only the sum matters.
  insert into petition_counts (petition_id, partner_id, shard, count)
  values (old.petition_id, old.partner_id, floor(random() * 16)::smallint, -1)
  on conflict (petition_id, partner_id, shard) do update set count = petition_counts.count - 1;
  return old;
end $$;

create trigger signatures_count after insert or delete on signatures
  for each row execute function petition_counts_track();

insert into petition_counts (petition_id, partner_id, shard, count)
select petition_id, partner_id, 0, count(*) from signatures group by petition_id, partner_id;
