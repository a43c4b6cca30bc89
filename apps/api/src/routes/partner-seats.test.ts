// Seats per partner against the real API and database: a co-hosting partner's reserved seats go to
// its members first, the unreserved ones to anyone, another partner is waitlisted rather than take
// them, a freed seat goes to the first waitlisted person allowed to use it, and at once many
// registrations never overbook a session or a reservation.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  AdminTrainingList,
  AdminTrainingSeriesDetail,
  PARTNER_SEATS_CAPACITY_MESSAGE,
  PARTNER_SEATS_COUNT_MESSAGE,
  PARTNER_SEATS_PARTNER_MESSAGE,
  PARTNER_SEATS_TWICE_MESSAGE,
  PARTNER_SEATS_UNLIMITED_MESSAGE,
  RegisterResponse,
  TrainingSeriesResponse,
} from "@coalition-kit/schema";
import { CONNCAN, DB_LABEL, E4E, ORIGIN, signer } from "../testing/harness.js";
import { adminSuite } from "../testing/suites.js";
import { seriesOf, sessionIds, sessionInDays } from "../testing/trainings.js";

const CCSA = "pk_demo_ccsa";
const E4E_SLUG = "educators-for-excellence";
const partners = [E4E_SLUG, "conncan", "ct-charter-schools-association"];
const SERIES = seriesOf("seats-series", "Seats series", "Co-hosted sessions.", [
  // 4 seats: 2 kept for E4E, 1 for ConnCAN, 1 open.
  sessionInDays("kept", 8, { capacity: 4, partners, partnerSeats: [{ partner: E4E_SLUG, seats: 2 }, { partner: "conncan", seats: 1 }] }),
  // 5 seats: 2 for E4E, 2 for ConnCAN, 1 open; registered into all at once.
  sessionInDays("rush", 9, { capacity: 5, partners, partnerSeats: [{ partner: E4E_SLUG, seats: 2 }, { partner: "conncan", seats: 2 }] }),
]);
type ErrorBody = { error: { code: string; fields: Record<string, string> } };

describe(`seats per partner on co-hosted training sessions (${DB_LABEL})`, () => {
  const h = adminSuite({ extraTrainings: [SERIES], webhooks: false });
  let ids: Record<string, string>;
  before(async () => {
    ids = await sessionIds(h.db);
  });

  const emails = new Map<RegisterResponse, string>();
  const register = async (key: string, partnerKey: string) => {
    const who = signer();
    const res = await h.post(`/v1/trainings/seats-series/sessions/${ids[key]}/registrations`, who, { "X-Partner-Key": partnerKey });
    assert.equal(res.status, 201);
    const body = RegisterResponse.parse(await res.json());
    emails.set(body, who.email as string);
    return body;
  };
  /** Where a registration stands now. */
  const statusOf = async (r: RegisterResponse) =>
    (await h.db.query<{ status: string }>("select r.status from training_registrations r join people p on p.id = r.person_id where r.session_id = $1 and p.email_normalized = $2", [ids.kept, emails.get(r)]))[0]!.status;
  const seatsLeft = async (key: string, partnerKey?: string) => {
    const headers: Record<string, string> = partnerKey ? { "X-Partner-Key": partnerKey, Origin: ORIGIN } : {};
    const body = TrainingSeriesResponse.parse(await (await fetch(`${h.url}/v1/trainings/seats-series`, { headers })).json());
    return body.sessions.find((s) => s.id === ids[key])!.seatsLeft;
  };
  const reservations = async (key: string) => {
    const list = AdminTrainingList.parse(await (await h.admin.get("/trainings")).json());
    return list.series.find((s) => s.slug === "seats-series")!.sessions.find((s) => s.key === key)!.partnerSeats;
  };
  const cancel = (registration: RegisterResponse) =>
    fetch(`${h.url}/v1/registrations/cancel`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token: new URL(registration.cancelUrl).searchParams.get("token") }) });

  test("reserved seats go to their partner first; another partner is waitlisted when only reserved seats remain; a freed seat goes to the first who may take it", async () => {
    assert.deepEqual([await seatsLeft("kept", E4E), await seatsLeft("kept", CONNCAN), await seatsLeft("kept", CCSA), await seatsLeft("kept")], [3, 2, 1, 1], "each partner sees its own seats plus the open one");

    const e4eFirst = await register("kept", E4E);
    assert.equal(e4eFirst.status, "registered");
    assert.equal(e4eFirst.session.seatsLeft, 2, "E4E's answer counts its own remaining seat and the open one");
    assert.equal(await seatsLeft("kept", CCSA), 1, "an E4E member took a reserved seat, not the open one");

    const ccsaFirst = await register("kept", CCSA);
    assert.equal(ccsaFirst.status, "registered", "the open seat is for anyone");
    const ccsaSecond = await register("kept", CCSA);
    assert.equal(ccsaSecond.status, "waitlisted", "only E4E's and ConnCAN's reserved seats remain");
    assert.equal(ccsaSecond.session.seatsLeft, 0);
    assert.equal(await seatsLeft("kept", E4E), 1);
    assert.equal(await seatsLeft("kept", CONNCAN), 1);

    const e4eSecond = await register("kept", E4E);
    assert.equal(e4eSecond.status, "registered", "E4E's second reserved seat");
    const e4eThird = await register("kept", E4E);
    assert.equal(e4eThird.status, "waitlisted", "E4E's seats and the open one are taken; ConnCAN's seat stays ConnCAN's");
    assert.equal(e4eThird.waitlistPosition, 2);
    assert.deepEqual(await reservations("kept"), [
      { partner: "conncan", seats: 1, taken: 0 },
      { partner: E4E_SLUG, seats: 2, taken: 2 },
    ]);

    // An E4E seat frees up: the CCSA member waiting first may not use it, the E4E member after may.
    assert.equal(((await (await cancel(e4eFirst)).json()) as { promoted: boolean }).promoted, true);
    assert.equal(await statusOf(e4eThird), "registered", "the E4E member took E4E's freed seat");
    assert.equal(await statusOf(ccsaSecond), "waitlisted", "the CCSA member still waits for an open seat");

    // The open seat frees up: the CCSA member, first in line, gets it.
    assert.equal(((await (await cancel(ccsaFirst)).json()) as { promoted: boolean }).promoted, true);
    assert.equal(await statusOf(ccsaSecond), "registered");
  });

  test("registrations sent all at once never take more than the capacity or another partner's reserved seats", async () => {
    const keys = Array.from({ length: 30 }, (_, i) => [E4E, CONNCAN, CCSA][i % 3]!);
    const answers = await Promise.all(keys.map((key) => register("rush", key)));
    assert.equal(answers.filter((a) => a.status === "registered").length, 5, "exactly the capacity is seated");
    const held = await reservations("rush");
    const taken = Object.fromEntries(held.map((r) => [r.partner, r.taken]));
    assert.ok(taken[E4E_SLUG]! >= 2 && taken.conncan! >= 2, `both reservations are filled by their own partners: ${JSON.stringify(taken)}`);
    const ccsaSeated = answers.filter((a, i) => keys[i] === CCSA && a.status === "registered").length;
    assert.ok(ccsaSeated <= 1, `CCSA took at most the one open seat, took ${ccsaSeated}`);
    assert.equal(taken[E4E_SLUG]! + taken.conncan! + ccsaSeated, 5);
    const counts = await h.db.query<{ status: string; n: number }>("select status, count(*)::int as n from training_registrations where session_id = $1 group by status order by status", [ids.rush]);
    assert.deepEqual(counts, [{ status: "registered", n: 5 }, { status: "waitlisted", n: 25 }]);
  });

  test("more seats given to a full session go to the waitlist in order, each told they have a seat; a cancelled session promotes no one", async () => {
    const series = (capacity: number | null, status: "scheduled" | "cancelled" = "scheduled") => ({ title: "Growing", description: "More seats.", consent: SERIES.consent, sessions: [{ ...sessionInDays("grow", 14), capacity, status }] });
    assert.equal((await h.admin.send("PUT", "/trainings/growing", series(1))).status, 201);
    const id = (await h.db.query<{ id: string }>("select id from training_sessions where key = 'grow'"))[0]!.id;
    const who: string[] = [];
    for (let i = 0; i < 4; i++) {
      const person = signer();
      who.push(person.email as string);
      assert.equal((await h.post(`/v1/trainings/growing/sessions/${id}/registrations`, person)).status, 201);
    }
    const standing = async () =>
      (await h.db.query<{ email: string; status: string }>(
        "select p.email_normalized as email, r.status from training_registrations r join people p on p.id = r.person_id where r.session_id = $1 order by r.created_at",
        [id],
      )).map((r) => `${who.indexOf(r.email)}:${r.status}`);
    assert.deepEqual(await standing(), ["0:registered", "1:waitlisted", "2:waitlisted", "3:waitlisted"]);

    assert.equal((await h.admin.send("PUT", "/trainings/growing", series(3))).status, 200);
    assert.deepEqual(await standing(), ["0:registered", "1:registered", "2:registered", "3:waitlisted"], "the first two waiting take the two new seats");
    const told = await h.db.query<{ email: string }>(
      `select p.email_normalized as email from messages m join people p on p.id = m.person_id join training_registrations r on r.id = m.registration_id
        where m.kind = 'training.promoted' and r.session_id = $1 order by r.created_at`,
      [id],
    );
    assert.deepEqual(told.map((r) => who.indexOf(r.email)), [1, 2], "each promoted registrant gets a you-have-a-seat email");

    assert.equal((await h.admin.send("PUT", "/trainings/growing", series(null, "cancelled"))).status, 200);
    assert.deepEqual(await standing(), ["0:registered", "1:registered", "2:registered", "3:waitlisted"], "no one is promoted into a cancelled session");
    assert.equal((await h.admin.send("PUT", "/trainings/growing", series(null))).status, 200);
    assert.deepEqual(await standing(), ["0:registered", "1:registered", "2:registered", "3:registered"], "an unlimited session seats everyone waiting");
  });

  test("organizers reserve seats with field errors for each mistake, in English and Spanish, and read them back", async () => {
    const series = (sessions: unknown[]) => ({ title: "Co-hosted", description: "Shared seats.", consent: SERIES.consent, sessions });
    const session = (key: string, overrides: Record<string, unknown>) => ({ ...sessionInDays(key, 12), partners: [E4E_SLUG, "conncan"], ...overrides });
    const bad = await h.admin.send(
      "PUT",
      "/trainings/co-hosted",
      series([
        session("over", { capacity: 3, partnerSeats: [{ partner: E4E_SLUG, seats: 2 }, { partner: "conncan", seats: 2 }] }),
        session("stranger", { capacity: 10, partnerSeats: [{ partner: "ct-charter-schools-association", seats: 1 }] }),
        session("twice", { capacity: 10, partnerSeats: [{ partner: "conncan", seats: 1 }, { partner: "conncan", seats: 2 }] }),
        session("zero", { capacity: 10, partnerSeats: [{ partner: "conncan", seats: 0 }] }),
        session("unlimited", { capacity: null, partnerSeats: [{ partner: "conncan", seats: 1 }] }),
      ]),
    );
    assert.equal(bad.status, 422);
    const fields = ((await bad.json()) as ErrorBody).error.fields;
    assert.equal(fields["sessions.0.partnerSeats"], PARTNER_SEATS_CAPACITY_MESSAGE);
    assert.equal(fields["sessions.1.partnerSeats.0.partner"], PARTNER_SEATS_PARTNER_MESSAGE);
    assert.equal(fields["sessions.2.partnerSeats.1.partner"], PARTNER_SEATS_TWICE_MESSAGE);
    assert.equal(fields["sessions.3.partnerSeats.0.seats"], PARTNER_SEATS_COUNT_MESSAGE);
    assert.equal(fields["sessions.4.partnerSeats"], PARTNER_SEATS_UNLIMITED_MESSAGE);
    assert.equal((await h.admin.get("/trainings/co-hosted")).status, 404, "nothing was saved");

    const spanish = await h.admin.send("PUT", "/trainings/co-hosted", series([session("over", { capacity: 1, partnerSeats: [{ partner: E4E_SLUG, seats: 2 }] })]), { "Accept-Language": "es" });
    assert.equal(((await spanish.json()) as ErrorBody).error.fields["sessions.0.partnerSeats"], "Los lugares reservados suman más que el cupo de la sesión.");

    const good = series([session("shared", { capacity: 6, partnerSeats: [{ partner: "conncan", seats: 2 }, { partner: E4E_SLUG, seats: 4 }] })]);
    assert.equal((await h.admin.send("PUT", "/trainings/co-hosted", good)).status, 201);
    const detail = AdminTrainingSeriesDetail.parse(await (await h.admin.get("/trainings/co-hosted")).json());
    assert.deepEqual(detail.series.sessions[0]!.partnerSeats, [{ partner: "conncan", seats: 2 }, { partner: E4E_SLUG, seats: 4 }]);

    // Leaving partnerSeats out keeps no seats; dropping a partner drops its reservation.
    const fewer = series([session("shared", { capacity: 6, partners: ["conncan"], partnerSeats: [{ partner: "conncan", seats: 2 }] })]);
    assert.equal((await h.admin.send("PUT", "/trainings/co-hosted", fewer)).status, 200);
    assert.deepEqual(AdminTrainingSeriesDetail.parse(await (await h.admin.get("/trainings/co-hosted")).json()).series.sessions[0]!.partnerSeats, [{ partner: "conncan", seats: 2 }]);
    assert.equal((await h.admin.send("PUT", "/trainings/co-hosted", series([session("shared", { capacity: 6 })]))).status, 200);
    assert.deepEqual(AdminTrainingSeriesDetail.parse(await (await h.admin.get("/trainings/co-hosted")).json()).series.sessions[0]!.partnerSeats, []);
  });
});
