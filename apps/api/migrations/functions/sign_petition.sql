-- sign_petition: one signature in one database call (migration 017 made it; this file is the
-- function as it is now, applied whenever it changes: see db/migrate.ts). The Idempotency-Key's
-- stored answer (replayed, or stored once at the end), the petition's checks, the person
-- (deduplicated per coalition), the signature (attributed to its partner; through a share link, to
-- the signature that recruited it; with its channel, and when it was collected if a tabling device
-- sent it later), the consent rows actually given (in the signer's language where the organizer
-- translated them), the signature.created outbox rows, the email (the thank-you only as owed: the
-- message worker queues it), and the live counts (per partner id: the API names them). New
-- signatures answer with their id (`signature`), which the API turns into the signer's own share code.
-- The under-13 checks name the person by id: written as p.id, the cached generic plan was a hashed
-- subplan that read every signature.
create or replace function sign_petition(
  p_partner_id uuid, p_partner_coalition uuid, p_partner_org uuid, p_partner_slug text, p_partner_name text,
  p_key text, p_hash text, p_slug text,
  p_email text, p_first_name text, p_last_name text, p_zip text,
  p_source text, p_utm_source text, p_utm_medium text, p_utm_campaign text, p_age_band text,
  p_consent_coalition boolean, p_consent_partner boolean, p_guardian_email text,
  p_locale text, p_base_url text, p_asked_for text[], p_referrer uuid, p_channel text, p_collected_at timestamptz
) returns json language plpgsql as $$
declare
  v_stored record;
  v_petition record;
  v_person record;
  v_status text;
  v_signature uuid;
  v_existing text;
  v_consents jsonb := '[]'::jsonb;
  v_kind text;
  v_outcome text;
  v_person_json json;
  v_event_id text;
  v_created_at text;
  v_stats json;
  v_total bigint;
  v_code integer;
  v_body json;
  v_referrer uuid;
  v_depth smallint := 0;
begin
  -- A key already answered is replayed. A new key is stored once, with its answer, at the end (no
  -- claim row written and then updated: that cost a write per signature).
  if p_key is not null then
    select request_hash, status_code, response_body into v_stored from idempotency_keys where partner_id = p_partner_id and key = p_key;
    if found then
      if v_stored.request_hash is distinct from p_hash or v_stored.status_code is null or v_stored.response_body is null then
        return json_build_object('outcome', 'idempotency_conflict');
      end if;
      return json_build_object('outcome', 'replay', 'status', v_stored.status_code, 'body', v_stored.response_body::json);
    end if;
  end if;

  -- The consent texts in the signer's language where the organizer translated them (the widget
  -- showed the same: the public read falls back text by text the same way), with that language.
  select c.id, c.coalition_id, c.goal, c.auto_goal, c.ask_age_band, c.confirmation,
         coalesce(c.translations -> p_locale ->> 'consent_coalition_text', c.consent_coalition_text) as consent_coalition_text,
         coalesce(c.translations -> p_locale ->> 'consent_coalition_version', c.consent_coalition_version) as consent_coalition_version,
         case when c.translations -> p_locale ? 'consent_coalition_text' then p_locale else c.language end as consent_coalition_language,
         coalesce(c.translations -> p_locale ->> 'consent_partner_text', c.consent_partner_text) as consent_partner_text,
         coalesce(c.translations -> p_locale ->> 'consent_partner_version', c.consent_partner_version) as consent_partner_version,
         case when c.translations -> p_locale ? 'consent_partner_text' then p_locale else c.language end as consent_partner_language,
         (c.status = 'closed' or (c.closes_at is not null and c.closes_at <= now())) as is_closed
    into v_petition from petitions c where c.slug = p_slug;
  if v_petition.id is null or v_petition.coalition_id <> p_partner_coalition then
    v_outcome := 'not_found';
  elsif v_petition.ask_age_band and p_age_band is null then
    v_outcome := 'age_band_required';
  elsif v_petition.is_closed then
    v_outcome := 'petition_closed';
  end if;
  if v_outcome is not null then
    return json_build_object('outcome', v_outcome);
  end if;

  -- Recruited through a share link: a signature of this petition, one step further from the first sharer.
  if p_referrer is not null then
    select id, least(referral_depth + 1, 32767) into v_referrer, v_depth from signatures where id = p_referrer and petition_id = v_petition.id;
    if v_referrer is null then v_depth := 0; end if;
  end if;

  v_status := case when p_age_band = 'under_13' then 'pending_guardian'
                   when v_petition.confirmation = 'double_opt_in' then 'pending_email' else 'confirmed' end;
  if p_consent_coalition then
    v_consents := v_consents || jsonb_build_array(jsonb_build_object('organizationId', v_petition.coalition_id, 'scope', 'coalition',
      'text', v_petition.consent_coalition_text, 'version', v_petition.consent_coalition_version, 'language', v_petition.consent_coalition_language));
  end if;
  if p_consent_partner then
    v_consents := v_consents || jsonb_build_array(jsonb_build_object('organizationId', p_partner_org, 'scope', 'partner',
      'text', replace(v_petition.consent_partner_text, '{partner}', p_partner_name), 'version', v_petition.consent_partner_version,
      'language', v_petition.consent_partner_language));
  end if;

  insert into people (coalition_id, email_normalized, first_name, last_name, zip) values (v_petition.coalition_id, p_email, p_first_name, p_last_name, p_zip)
  on conflict (coalition_id, email_normalized) do nothing;
  select id, first_name, last_name, zip into v_person from people where coalition_id = v_petition.coalition_id and email_normalized = p_email;

  insert into signatures (petition_id, person_id, partner_id, source, utm_source, utm_medium, utm_campaign, age_band, status, confirmed_at, locale, guardian_email, pending_consents, referred_by, referral_depth, channel, collected_at)
  values (v_petition.id, v_person.id, p_partner_id, p_source, p_utm_source, p_utm_medium, p_utm_campaign, p_age_band, v_status,
          case when v_status = 'confirmed' then now() end, p_locale, case when p_age_band = 'under_13' then p_guardian_email end,
          case when v_status = 'confirmed' then null else v_consents end, v_referrer, v_depth, p_channel, p_collected_at)
  on conflict (petition_id, person_id) do nothing
  returning id into v_signature;

  if v_signature is null then
    select status into v_existing from signatures where petition_id = v_petition.id and person_id = v_person.id;
    v_outcome := case v_existing when 'pending_email' then 'confirm_email' when 'pending_guardian' then 'guardian_pending' else 'already_signed' end;
  else
    v_outcome := case v_status when 'confirmed' then 'signed' when 'pending_email' then 'confirm_email' else 'guardian_pending' end;
    if v_status = 'confirmed' then
      insert into consents (person_id, signature_id, organization_id, scope, text, version, language)
      select v_person.id, v_signature, (c ->> 'organizationId')::uuid, c ->> 'scope', c ->> 'text', c ->> 'version', c ->> 'language' from jsonb_array_elements(v_consents) c;

      v_event_id := gen_random_uuid()::text;
      v_created_at := to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
      v_person_json := json_build_object('id', v_person.id, 'firstName', v_person.first_name, 'lastName', v_person.last_name, 'email', p_email, 'zip', v_person.zip);
      insert into outbox (endpoint_id, event_type, payload, person_id)
      select e.id, 'signature.created',
             json_build_object('id', v_event_id, 'type', 'signature.created', 'createdAt', v_created_at, 'data', json_build_object(
               'petition', p_slug, 'partner', p_partner_slug, 'source', p_source, 'utmSource', p_utm_source, 'utmMedium', p_utm_medium,
               'utmCampaign', p_utm_campaign, 'ageBand', p_age_band, 'language', p_locale, 'channel', p_channel,
               'collectedAt', to_char(coalesce(p_collected_at, clock_timestamp()) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'person', case when (case when e.organization_id = v_petition.coalition_id then p_consent_coalition else p_consent_partner end) then v_person_json end))::text,
             v_person.id
        from webhook_endpoints e
       where e.active and 'signature.created' = any(e.events)
         and (e.organization_id = v_petition.coalition_id or (e.organization_id = p_partner_org and p_consent_partner))
         -- A CRM connector (OSDI) gets only people who agreed to hear from its organization.
         and (e.kind = 'webhook' or (case when e.organization_id = v_petition.coalition_id then p_consent_coalition else p_consent_partner end));

      -- The thank-you is owed, not queued here: the message worker queues it (migration 032).
      insert into thanks_owed (signature_id, base_url) values (v_signature, p_base_url);
    else
      -- The email the signer just asked for (the confirmation link, the guardian's request) is queued
      -- at once. As enqueueMessage: nothing for a child (but the parent's request), nothing to a
      -- suppressed address but what the person just asked for.
      v_kind := case v_status when 'pending_email' then 'petition.confirm' else 'petition.guardian' end;
      insert into messages (coalition_id, partner_id, person_id, kind, dedupe_key, locale, base_url, to_address, send_at, signature_id)
      select v_petition.coalition_id, p_partner_id, p.id, v_kind, v_kind || ':' || v_signature, p_locale, p_base_url,
             coalesce(g.address, p.email_normalized), now(), v_signature
        from people p cross join (select case when p_age_band = 'under_13' then p_guardian_email end as address) g
       where p.id = v_person.id
         and (g.address is not null or not exists (select 1 from signatures s where s.person_id = v_person.id and s.age_band = 'under_13'))
         and (g.address is not null or not exists (select 1 from stories st where st.person_id = v_person.id and st.age_band = 'under_13'))
         and (v_kind = any(p_asked_for) or not exists (select 1 from suppressions x where x.coalition_id = v_petition.coalition_id and x.email = coalesce(g.address, p.email_normalized)))
      on conflict (dedupe_key) do nothing;
    end if;
  end if;

  -- The live counts, lean: the petition's count per partner id and the total (one index range of
  -- petition_counts). The API names the partners and adds the active ones not counted yet
  -- (services/petitions/sign-counts.ts), as petitionStats reads them.
  select coalesce(json_object_agg(x.partner_id, x.count), '{}'::json), coalesce(sum(x.count), 0)
    into v_stats, v_total
    from (select c.partner_id, sum(c.count)::int as count from petition_counts c where c.petition_id = v_petition.id group by c.partner_id) x;

  v_code := case when v_outcome = 'already_signed' then 200 else 201 end;
  -- The goal as the organizer set it, and whether it rises (the API picks the goal to show: services/petitions/goals.ts).
  v_body := json_build_object('status', v_outcome, 'stats', json_build_object('total', v_total, 'goal', v_petition.goal, 'partners', v_stats),
                              'signature', v_signature, 'autoGoal', v_petition.auto_goal);
  -- The same key in a concurrent call waits here on the primary key until that call ends; when it
  -- committed first, this call lost the race: CK409 rolls all of its writes back and the API calls
  -- again, which replays the stored answer (services/petitions/petitions.ts).
  if p_key is not null then
    insert into idempotency_keys (partner_id, key, request_hash, status_code, response_body)
    values (p_partner_id, p_key, p_hash, v_code, v_body::text) on conflict do nothing;
    if not found then
      raise exception 'Idempotency-Key % was answered by a concurrent request', p_key using errcode = 'CK409';
    end if;
  end if;
  return json_build_object('outcome', 'done', 'status', v_code, 'body', v_body);
end $$;
