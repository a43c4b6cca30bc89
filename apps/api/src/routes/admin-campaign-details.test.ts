import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { AdminMeetingDetail, AdminSurveyDetail, AdminTrainingSeriesDetail } from "@coalition-kit/schema";
import { SEEDS_DIR } from "../paths.js";
import { loadSeedFile } from "../seed/seed.js";
import { DB_LABEL } from "../testing/harness.js";
import { adminFor } from "../testing/admin.js";
import { adminSuite } from "../testing/suites.js";

const consent = { coalition: { text: "Coalition may email me.", version: "1" }, partner: { text: "{partner} may email me.", version: "2" } };
const inDays = (d: number, hour: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 11) + `${String(hour).padStart(2, "0")}:00:00.000Z`;

describe(`admin: read one training series as saved, to edit it (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });
  const session = {
    key: "one",
    title: "Evening one",
    description: "Bring a friend.",
    startsAt: inDays(7, 22),
    endsAt: inDays(7, 23),
    timeZone: "America/New_York",
    format: "hybrid" as const,
    location: "Library, room 2",
    virtualLink: "https://meet.example.org/one",
    capacity: 12,
    status: "scheduled" as const,
    leaders: [{ name: "Jordan Lee", role: "Organizer" }, { name: "Sam Ortiz", role: null }],
    partners: ["conncan", "educators-for-excellence"],
    partnerSeats: [{ partner: "conncan", seats: 3 }],
  };
  const series = { title: "Organizing 101", description: "Three evenings.", consent, reminderMinutes: [60], sessions: [session] };

  test("what PUT saved comes back in the shape PUT takes; partners left out of a later PUT stop co-hosting", async () => {
    assert.equal((await h.admin.send("PUT", "/trainings/organizing-101", series)).status, 201);
    const first = AdminTrainingSeriesDetail.parse(await (await h.admin.get("/trainings/organizing-101")).json());
    assert.deepEqual(first, { slug: "organizing-101", series: { language: "en", completionThreshold: "all", feedbackSurvey: null, feedbackUrl: null, ...series }, attendance: { people: [], partners: [] } }, "a series without translations is read back in plain strings, in its language");

    const changed = { ...series, sessions: [{ ...session, partners: ["conncan"], capacity: null, location: null, partnerSeats: [] }] };
    assert.equal((await h.admin.send("PUT", "/trainings/organizing-101", changed)).status, 200);
    const second = AdminTrainingSeriesDetail.parse(await (await h.admin.get("/trainings/organizing-101")).json());
    assert.deepEqual(second.series.sessions[0]!.partners, ["conncan"]);
    assert.equal(second.series.sessions[0]!.capacity, null);
    assert.equal(second.series.sessions[0]!.location, null);
    assert.deepEqual(second.series.sessions[0]!.partnerSeats, []);
  });

  test("a series that is not this coalition's is not found", async () => {
    assert.equal((await h.admin.get("/trainings/nothing-here")).status, 404);
    const partner = await adminFor(h, "conncan");
    assert.equal((await partner.get("/trainings/organizing-101")).status, 404);
  });
});

describe(`admin: read one meeting as saved, to edit it (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });
  const meeting = {
    title: "Parent meeting",
    description: "Every other Monday.",
    timeZone: "America/New_York",
    startDate: "2026-01-05",
    startTime: "18:30",
    durationMinutes: 60,
    rrule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
    format: "hybrid" as const,
    location: "Library",
    virtualLink: "https://meet.example.org/parents",
    consent,
    breaks: [{ from: "2026-07-01", to: "2026-08-31", reason: "Summer" }],
    changes: [{ date: "2026-02-02", cancelled: true, note: "Snow" }, { date: "2026-03-02", newTime: "19:00", location: "Gym" }],
  };

  test("what PUT saved comes back in the shape PUT takes, breaks and one-week changes included", async () => {
    assert.equal((await h.admin.send("PUT", "/meetings/parents", meeting)).status, 201);
    const read = AdminMeetingDetail.parse(await (await h.admin.get("/meetings/parents")).json());
    assert.deepEqual(read, { slug: "parents", meeting: { language: "en", ...meeting } }, "a meeting without translations is read back in plain strings, in its language");
    assert.equal((await h.admin.send("PUT", "/meetings/parents", read.meeting)).status, 200, "sent back as read, it is accepted");
    assert.equal((await h.admin.get("/meetings/nothing-here")).status, 404);
  });
});

describe(`admin: read one survey as saved, to edit it (${DB_LABEL})`, () => {
  const h = adminSuite({ webhooks: false });

  test("what PUT saved comes back in the shape PUT takes, variants and show-if included", async () => {
    const sej = (await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`)).surveys![0]!;
    const survey = { language: "en", title: "School climate", publicResults: true, minGroupSize: 5, followUp: sej.followUp!, variants: sej.variants };
    assert.equal((await h.admin.send("PUT", "/surveys/school-climate", survey)).status, 201);
    const read = AdminSurveyDetail.parse(await (await h.admin.get("/surveys/school-climate")).json());
    assert.deepEqual(read, { slug: "school-climate", survey });
    assert.equal((await h.admin.get("/surveys/nothing-here")).status, 404);
  });
});
