-- Sharing that recruits (issue 20): a signature made through a share link names the signature that
-- shared it, and how many steps it is from the first sharer (0: nobody's share). A share code names
-- no one: it is the signature's id enciphered with ref_secret (services/petitions/referrals.ts).
-- Erasing the sharer keeps the recruited signature and its depth, not the link.
alter table signatures add column referred_by uuid references signatures(id) on delete set null;
alter table signatures add column referral_depth smallint not null default 0;
insert into settings (name, value) values ('ref_secret', gen_random_uuid()::text || gen_random_uuid()::text)
  on conflict (name) do nothing;

-- sign_petition gains p_referrer: the function with the old parameters goes, and
-- functions/sign_petition.sql (applied after the numbered migrations) makes the new one.
drop function if exists sign_petition(uuid, uuid, uuid, text, text, text, text, text, text, text, text, text, text, text, text, text, text, boolean, boolean, text, text, text, text[]);
