import { COMPLETION_THRESHOLD_MESSAGE, type AdminTrainingSeriesDetail, type TrainingSeriesInput } from "@coalition-kit/schema";
import { fromLocalInput, toLocalInput } from "../zoned-time.js";
import { count, read, readConsent, readHeading } from "./form-view.js";
import { consentWords, wordsOf } from "./saved-text.js";

/** One leader row as typed. */
export interface LeaderDraft {
  name: string;
  role: string;
}

/** One session as the form holds it: times as datetime-local text in the series' zone, numbers as typed. */
export interface SessionDraft {
  key: string;
  /** Saved before: it cannot be removed here (cancel it from the list instead). */
  saved: boolean;
  title: string;
  description: string;
  startsAt: string;
  duration: string;
  format: "virtual" | "in_person" | "hybrid";
  location: string;
  virtualLink: string;
  capacity: string;
  status: "scheduled" | "cancelled";
  leaders: LeaderDraft[];
  partners: string[];
  /** Seats kept for a ticked partner's members, as typed, by partner slug (empty: none kept). */
  partnerSeats: Record<string, string>;
}

/** A training series as the form holds it. */
export interface SeriesDraft {
  /** The address, typed for a new series. */
  slug: string;
  title: string;
  description: string;
  timeZone: string;
  /** In the series' language: translations saved with it are kept when the form sends these back. */
  consent: ReturnType<typeof consentWords>;
  reminderMinutes?: number[];
  /** What completes the series: every session, a number of them (`completionCount`, as typed), or nothing. */
  completion: "all" | "count" | "none";
  completionCount: string;
  /** The survey attendees get after each session ("" for none) and the https page it is embedded on. */
  feedbackSurvey: string;
  feedbackUrl: string;
  sessions: SessionDraft[];
}

const MINUTE = 60_000;
let made = 0;

/** A blank session; its key is new and stays with it once saved. */
export function blankSession(): SessionDraft {
  made += 1;
  return {
    key: `s-${Date.now().toString(36)}-${made}`,
    saved: false,
    title: "",
    description: "",
    startsAt: "",
    duration: "90",
    format: "virtual",
    location: "",
    virtualLink: "",
    capacity: "",
    status: "scheduled",
    leaders: [{ name: "", role: "" }],
    partners: [],
    partnerSeats: {},
  };
}

/** A new series: one blank session and plain consent texts naming the coalition and {partner}. */
export function blankSeries(coalition: string): SeriesDraft {
  return {
    slug: "",
    title: "",
    description: "",
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "America/New_York",
    consent: {
      coalition: { text: `Yes, ${coalition} may email me about future trainings. I can unsubscribe at any time.`, version: "1" },
      partner: { text: "Yes, {partner} may email me about its work. I can unsubscribe at any time.", version: "1" },
    },
    completion: "all",
    completionCount: "",
    feedbackSurvey: "",
    feedbackUrl: "",
    sessions: [blankSession()],
  };
}

/** A saved series into the form: every session's times shown in the first session's zone (instants kept). */
export function draftOf({ slug, series: detail }: AdminTrainingSeriesDetail): SeriesDraft {
  const zone = detail.sessions[0]?.timeZone ?? "America/New_York";
  return {
    slug,
    title: wordsOf(detail.title, detail.language),
    description: wordsOf(detail.description, detail.language),
    timeZone: zone,
    consent: consentWords(detail.consent, detail.language),
    reminderMinutes: detail.reminderMinutes,
    completion: detail.completionThreshold === null ? "none" : detail.completionThreshold === "all" ? "all" : "count",
    completionCount: typeof detail.completionThreshold === "number" ? String(detail.completionThreshold) : "",
    feedbackSurvey: detail.feedbackSurvey ?? "",
    feedbackUrl: detail.feedbackUrl ?? "",
    sessions: detail.sessions.map((s) => ({
      key: s.key,
      saved: true,
      title: wordsOf(s.title, detail.language),
      description: wordsOf(s.description, detail.language),
      startsAt: toLocalInput(s.startsAt, zone),
      duration: String(Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / MINUTE)),
      format: s.format,
      location: s.location ?? "",
      virtualLink: s.virtualLink ?? "",
      capacity: s.capacity === null ? "" : String(s.capacity),
      status: s.status,
      leaders: s.leaders.map((l) => ({ name: l.name, role: l.role === null ? "" : wordsOf(l.role, detail.language) })),
      partners: s.partners,
      partnerSeats: Object.fromEntries(s.partnerSeats.map((r) => [r.partner, String(r.seats)])),
    })),
  };
}

/** Read what is typed into the draft (the form's inputs are named by API paths). */
export function readSeries(draft: SeriesDraft, form: FormData): SeriesDraft {
  return {
    ...draft,
    ...readHeading(draft, form),
    description: read(form, "description"),
    timeZone: read(form, "timeZone"),
    consent: readConsent(form),
    completion: (read(form, "completion") || draft.completion) as SeriesDraft["completion"],
    completionCount: form.has("completionCount") ? read(form, "completionCount") : draft.completionCount,
    feedbackSurvey: form.has("feedbackSurvey") ? read(form, "feedbackSurvey") : draft.feedbackSurvey,
    feedbackUrl: form.has("feedbackUrl") ? read(form, "feedbackUrl") : draft.feedbackUrl,
    sessions: draft.sessions.map((s, i) => {
      const p = `sessions.${i}.`;
      const partners = form.getAll(`${p}partners`).map(String);
      return {
        ...s,
        title: read(form, `${p}title`),
        startsAt: read(form, `${p}startsAt`),
        duration: read(form, `${p}duration`),
        format: (read(form, `${p}format`) || s.format) as SessionDraft["format"],
        location: read(form, `${p}location`),
        virtualLink: read(form, `${p}virtualLink`),
        capacity: read(form, `${p}capacity`),
        leaders: s.leaders.map((_, j) => ({ name: read(form, `${p}leaders.${j}.name`), role: read(form, `${p}leaders.${j}.role`) })),
        partners,
        // A partner just ticked has no seats input yet: what was typed before is kept.
        partnerSeats: Object.fromEntries(partners.map((slug) => [slug, form.has(`${p}partnerSeats.${slug}`) ? read(form, `${p}partnerSeats.${slug}`) : (s.partnerSeats[slug] ?? "")])),
      };
    }),
  };
}

/** A datetime-local value in the zone; in a zone this browser does not know, as typed (UTC), for the API to refuse the zone in its words. */
function wallTime(value: string, zone: string): string {
  try {
    return fromLocalInput(value, zone);
  } catch {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00Z` : value;
  }
}

/** Leader rows left blank at the end are not sent (earlier rows keep their place, so errors stay on their row). */
function withoutBlankTail(leaders: LeaderDraft[]): LeaderDraft[] {
  let end = leaders.length;
  while (end > 0 && !leaders[end - 1]!.name && !leaders[end - 1]!.role) end -= 1;
  return leaders.slice(0, end);
}

/** The PUT body, and what the form could not read as numbers (by input name). */
export function inputOf(draft: SeriesDraft): { input: TrainingSeriesInput; typing: Record<string, string> } {
  const typing: Record<string, string> = {};
  const sessions = draft.sessions.map((s, i) => {
    const minutes = count(s.duration);
    if (minutes === null || Number.isNaN(minutes) || minutes < 1) typing[`sessions.${i}.duration`] = "Enter the length in minutes.";
    const capacity = count(s.capacity);
    if (Number.isNaN(capacity)) typing[`sessions.${i}.capacity`] = "Enter a whole number of seats, or leave it empty for no limit.";
    const partnerSeats = s.partners.filter((slug) => (s.partnerSeats[slug] ?? "") !== "").map((slug) => ({ partner: slug, seats: count(s.partnerSeats[slug]!)! }));
    for (const r of partnerSeats) if (Number.isNaN(r.seats)) typing[`sessions.${i}.partnerSeats.${r.partner}`] = "Enter a whole number of seats, or leave it empty to keep none.";
    const startsAt = wallTime(s.startsAt, draft.timeZone);
    const start = Date.parse(startsAt);
    return {
      key: s.key,
      title: s.title,
      ...(s.description ? { description: s.description } : {}),
      startsAt,
      endsAt: Number.isNaN(start) ? startsAt : new Date(start + (minutes ?? 0) * MINUTE).toISOString(),
      timeZone: draft.timeZone,
      format: s.format,
      location: s.location || null,
      virtualLink: s.virtualLink || null,
      capacity,
      status: s.status,
      leaders: withoutBlankTail(s.leaders).map((l) => ({ name: l.name, role: l.role || null })),
      partners: s.partners,
      partnerSeats,
    };
  });
  return {
    input: { title: draft.title, description: draft.description, consent: draft.consent, ...(draft.reminderMinutes ? { reminderMinutes: draft.reminderMinutes } : {}), completionThreshold: completionOf(draft, typing), feedbackSurvey: draft.feedbackSurvey || null, feedbackUrl: draft.feedbackUrl.trim() || null, sessions },
    typing,
  };
}

/** The series' completion threshold from the form; a count that is not a whole number is a typing error on its input. */
function completionOf(draft: SeriesDraft, typing: Record<string, string>): TrainingSeriesInput["completionThreshold"] {
  if (draft.completion === "all") return "all";
  if (draft.completion === "none") return null;
  const n = count(draft.completionCount);
  if (n === null || Number.isNaN(n) || n < 1) {
    typing.completionCount = COMPLETION_THRESHOLD_MESSAGE;
    return "all";
  }
  return n;
}
