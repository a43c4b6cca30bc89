// Webhook events about a person rather than one of their actions: a consent withdrawn, an erasure.
import type { Queryable } from "../../db/types.js";
import { enqueueEvent, enqueueNotice } from "../webhooks/webhooks.js";

/**
 * SQL: the action a consent was given with (a signature, registration, RSVP or story): the
 * campaign's coalition, its kind and slug, and the partner the action came through (`partner_id`).
 */
const CONSENT_ACTION = `
  left join signatures sg on sg.id = co.signature_id left join petitions pt on pt.id = sg.petition_id
  left join training_registrations tr on tr.id = co.registration_id left join training_sessions tse on tse.id = tr.session_id
  left join training_series ts on ts.id = tse.series_id
  left join meeting_attendees ma on ma.id = co.attendee_id left join meetings mt on mt.id = ma.meeting_id
  left join stories st on st.id = co.story_id left join story_campaigns sc on sc.id = st.campaign_id`;
const ACTION_COLUMNS = `
  coalesce(pt.coalition_id, ts.coalition_id, mt.coalition_id, sc.coalition_id) as coalition_id,
  case when pt.id is not null then 'petition' when ts.id is not null then 'training' when mt.id is not null then 'meeting' when sc.id is not null then 'story' end as kind,
  coalesce(pt.slug, ts.slug, mt.slug, sc.slug) as campaign,
  coalesce(sg.partner_id, tr.partner_id, ma.partner_id, st.partner_id) as partner_id`;

/**
 * `consent.withdrawn`, in the withdrawal's transaction. The organization the consent was given to
 * gets the person's id and email (to find them and stop writing; nothing else); a partner's
 * endpoints get only withdrawals of consents given to that partner; the coalition's endpoints get
 * every withdrawal, with the person only when it is theirs or the coalition consent still holds.
 */
export async function consentWithdrawnEvent(q: Queryable, consentId: string): Promise<void> {
  const rows = await q.query<{
    consent_id: string; scope: string; person_id: string | null; email: string | null; withdrawn_at: Date | string;
    coalition_id: string | null; kind: string | null; campaign: string | null; partner_org: string | null; partner_slug: string | null; coalition_held: boolean;
  }>(
    `select co.id as consent_id, co.scope, co.person_id, pe.email_normalized as email, co.withdrawn_at, a.coalition_id, a.kind, a.campaign,
            pa.organization_id as partner_org, o.slug as partner_slug,
            exists (select 1 from consents k where k.person_id = co.person_id and k.scope = 'coalition' and k.withdrawn_at is null
                      and k.organization_id = a.coalition_id) as coalition_held
       from consents co left join people pe on pe.id = co.person_id
       cross join lateral (select ${ACTION_COLUMNS} from (select 1) one ${CONSENT_ACTION}) a
       left join partners pa on pa.id = a.partner_id left join organizations o on o.id = pa.organization_id
      where co.id = $1 and co.scope in ('coalition', 'partner')`,
    [consentId],
  );
  const r = rows[0];
  if (!r?.coalition_id || !r.partner_org) return;
  await enqueueEvent(q, {
    type: "consent.withdrawn",
    coalitionId: r.coalition_id,
    partnerOrganizationId: r.partner_org,
    personId: r.person_id,
    consent: { coalition: r.scope === "coalition" || r.coalition_held, partner: r.scope === "partner" },
    // A CRM connector hears only of its own organization's consent being withdrawn.
    connectors: { coalition: r.scope === "coalition", partner: r.scope === "partner" },
    data: { consent: r.consent_id, scope: r.scope, kind: r.kind, campaign: r.campaign, partner: r.partner_slug, withdrawnAt: new Date(r.withdrawn_at).toISOString() },
    person: r.email ? { email: r.email } : null,
  });
}

/** What `person.erased` needs, read before the erasure deletes it: the campaigns and the partners that had the person's consent. */
export interface ErasureFacts {
  campaigns: { kind: string; campaign: string }[];
  partnerOrganizationIds: string[];
}

/** The campaigns the person acted in and the partner organizations they ever consented to (withdrawn or not). */
export async function erasureFacts(q: Queryable, personId: string): Promise<ErasureFacts> {
  const campaigns = await q.query<{ kind: string; campaign: string }>(
    `select distinct kind, campaign from (
       select 'petition' as kind, p.slug as campaign from signatures s join petitions p on p.id = s.petition_id where s.person_id = $1
       union all select 'training', ts.slug from training_registrations r join training_sessions s on s.id = r.session_id join training_series ts on ts.id = s.series_id where r.person_id = $1
       union all select 'meeting', m.slug from meeting_attendees a join meetings m on m.id = a.meeting_id where a.person_id = $1
       union all select 'story', c.slug from stories st join story_campaigns c on c.id = st.campaign_id where st.person_id = $1) x
     order by kind, campaign`,
    [personId],
  );
  const partners = await q.query<{ organization_id: string }>("select distinct organization_id::text from consents where person_id = $1 and scope = 'partner'", [personId]);
  return { campaigns, partnerOrganizationIds: partners.map((p) => p.organization_id) };
}

/**
 * `person.erased`, in the erasure's transaction: no personal data, only the person's id (the one
 * earlier events carried in `person.id`), why, and the campaigns. The coalition's endpoints get it,
 * and the endpoints of every partner the person had agreed to hear from, so copies can go too.
 */
export function personErasedEvent(q: Queryable, coalitionId: string, personId: string, reason: "request" | "retention", facts: ErasureFacts): Promise<void> {
  return enqueueNotice(q, "person.erased", coalitionId, facts.partnerOrganizationIds, { personId, reason, campaigns: facts.campaigns });
}
