// The operations the other contract tests do not reach, called through the SDK (or plainly, for the
// feeds, pages and files) against the real API on a real database; every answer is checked against
// /v1/openapi.json by the fetch startIsolatedApi hands out.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createSecretKey, loadSeedFile, seed, SEEDS_DIR } from "@coalition-kit/api";
import { createClient } from "@coalition-kit/sdk";
import { createAdminClient, type AdminClient } from "@coalition-kit/sdk/admin";
import { DB_LABEL, email } from "../support/env.js";
import { startIsolatedApi } from "../support/api.js";

const consent = { text: "You may email me.", version: "v1" };

describe(`every other operation's answers match the OpenAPI document (${DB_LABEL})`, () => {
  let api: Awaited<ReturnType<typeof startIsolatedApi>>;
  let ct: AdminClient;
  let sej: AdminClient;
  before(async () => {
    api = await startIsolatedApi();
    for (const file of ["sej-students-over-sros.json", "heal-together-training.json"]) await seed(api.db, await loadSeedFile(`${SEEDS_DIR}${file}`));
    const admin = async (org: string) => createAdminClient({ baseUrl: api.url, secretKey: (await createSecretKey(api.db, org)).key, retries: 0, fetch: api.fetch });
    ct = await admin("ct-fund-our-schools");
    sej = await admin("students-for-educational-justice");
  });
  after(async () => api?.stop());

  test("service, petitions and calendar feeds", async () => {
    assert.equal((await api.fetch(`${api.url}/health`)).status, 200);
    assert.equal((await api.fetch(`${api.url}/v1/openapi.json`)).status, 200);
    const partner = createClient({ baseUrl: api.url, partnerKey: "pk_demo_e4e", retries: 0, fetch: api.fetch });
    assert.ok((await partner.petitions.stats("ct-funding-gap")).total >= 0);
    const series = await (await api.fetch(`${api.url}/v1/trainings/heal-together-2`)).json() as { sessions: Array<{ id: string }> };
    for (const path of ["/v1/trainings/heal-together-2/calendar.ics", `/v1/trainings/heal-together-2/sessions/${series.sessions[0]!.id}.ics`, "/v1/meetings/sej-member-meetings/calendar.ics", "/v1/trainings/nope/calendar.ics"]) {
      await (await api.fetch(`${api.url}${path}`)).text();
    }
    for (const path of ["/v1/signatures/confirm?token=x", "/v1/signatures/guardian?token=x", "/v1/consents/withdraw?token=x", "/v1/stories/guardian?token=x", "/v1/messages/unsubscribe?token=x", "/v1/meeting-rsvps/manage?token=x", "/v1/registrations/cancel?token=x", "/v1/registrations/calendar.ics?token=x"]) {
      await (await api.fetch(`${api.url}${path}`)).text();
    }
    await (await api.fetch(`${api.url}/v1/signatures/confirm`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "token=x" })).text();
    await (await api.fetch(`${api.url}/v1/meeting-rsvps/manage`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token: "x", response: "yes" }) })).text();
  });

  test("organizer: partners, keys, webhooks, petitions", async () => {
    assert.ok((await ct.partners.list()).length > 0);
    const partner = await ct.partners.create({ slug: "openapi-partner", name: "OpenAPI Partner", allowedOrigins: ["https://openapi.example.org"] });
    assert.equal((await ct.partners.update(partner.slug, { active: false })).active, false);
    const { key } = await ct.keys.create();
    assert.ok((await ct.keys.list()).some((k) => k.id === key.id));
    assert.ok((await ct.keys.revoke(key.id)).revokedAt);
    const { webhook } = await ct.webhooks.create({ url: "https://hooks.example.org/ck" });
    assert.ok((await ct.webhooks.list()).length > 0);
    assert.deepEqual(await ct.webhooks.deliveries(webhook.id), []);
    assert.equal(await ct.webhooks.remove(webhook.id), true);
    assert.equal((await ct.petitions.update("ct-funding-gap", { goal: 1000 })).goal, 1000);
    const exported = await ct.people.export(email("nobody"));
    assert.equal(exported.person, null);
    assert.ok((await ct.people.erase(email("nobody"))).email);
  });

  test("organizer: trainings, surveys, meetings, messages", async () => {
    const heal = createAdminClient({ baseUrl: api.url, secretKey: (await createSecretKey(api.db, "heal-together")).key, retries: 0, fetch: api.fetch });
    assert.ok((await heal.trainings.list()).length > 0);
    await heal.trainings.registrations("heal-together-2");
    assert.ok((await sej.surveys.list()).length > 0);
    const saved = await sej.surveys.save("openapi-survey", { title: "A short survey", variants: [{ slug: "main", title: "Main", intro: "Two questions.", questions: [{ id: "q1", type: "single", prompt: "Yes or no?", required: true, options: [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }] }] }] });
    assert.equal(saved.created, true);
    await sej.surveys.results("students-over-sros");
    await (await sej.surveys.exportCsv("students-over-sros")).text();
    assert.ok((await sej.meetings.list()).length > 0);
    const meeting = await sej.meetings.save("openapi-meeting", { title: "Open meeting", description: "Weekly.", timeZone: "America/New_York", startDate: "2030-01-03", startTime: "16:00", durationMinutes: 60, rrule: "FREQ=WEEKLY;BYDAY=TH", format: "virtual", consent: { coalition: consent, partner: consent } });
    assert.equal(meeting.created, true);
    const site = createClient({ baseUrl: api.url, partnerKey: "pk_demo_sej_site", retries: 0, fetch: api.fetch });
    const { occurrences } = await site.meetings.get("sej-member-meetings");
    await site.meetings.rsvp("sej-member-meetings", { firstName: "Ty", email: email("openapi-rsvp"), response: "yes", occurrence: occurrences[0]!.date });
    const messages = await sej.messages.list();
    assert.ok(messages.length > 0);
    await sej.messages.resend(messages[0]!.id).catch(() => undefined);
    await sej.messages.suppressions();
    await (await sej.messages.exportSuppressions()).text();
  });

  test("every answer above matches the API's OpenAPI document (/v1/openapi.json)", () => {
    assert.deepEqual(api.openapi.problems, []);
    const reached = new Set(api.openapi.checked.map((c) => c.split(" ")[0]));
    for (const op of ["health", "openapi", "getPetitionStats", "getTrainingSeriesCalendar", "getTrainingSessionCalendar", "getMeetingCalendar", "confirmSignaturePage", "confirmSignature", "manageRsvps", "adminCreatePartner", "adminPatchPartner", "adminRevokeKey", "adminDeleteWebhook", "adminPatchPetition", "adminErasePerson", "adminListRegistrations", "adminSaveSurvey", "adminExportSurveyResponses", "adminSaveMeeting", "adminListMessages", "adminResendMessage", "adminExportSuppressions"]) {
      assert.ok(reached.has(op), `${op} was called and checked`);
    }
  });
});
