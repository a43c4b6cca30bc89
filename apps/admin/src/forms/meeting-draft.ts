import type { AdminMeetingDetail, MeetingInput } from "@coalition-kit/schema";
import { count, read, readConsent, readHeading } from "./form-view.js";
import { consentWords, wordsOf } from "./saved-text.js";

type Meeting = AdminMeetingDetail["meeting"];

/** Weekdays as the repeat rule names them, with their names. */
export const WEEKDAYS = [
  ["MO", "Monday"],
  ["TU", "Tuesday"],
  ["WE", "Wednesday"],
  ["TH", "Thursday"],
  ["FR", "Friday"],
  ["SA", "Saturday"],
  ["SU", "Sunday"],
] as const;

/** A meeting as the form holds it: the weekly rule as days and an interval, numbers as typed. */
export interface MeetingDraft {
  slug: string;
  title: string;
  description: string;
  timeZone: string;
  startDate: string;
  startTime: string;
  duration: string;
  days: string[];
  interval: string;
  /** A saved rule the day boxes cannot show (daily, COUNT, UNTIL): edited as text instead. */
  rawRule: string | null;
  format: Meeting["format"];
  location: string;
  virtualLink: string;
  /** In the meeting's language: translations saved with it are kept when the form sends these back. */
  consent: ReturnType<typeof consentWords>;
  breaks: Array<{ from: string; to: string; reason: string }>;
  /** One-week changes, made from the meetings list: sent back as they are. */
  changes: Meeting["changes"];
}

/** A new meeting: weekly, plain consent texts naming the coalition and {partner}. */
export function blankMeeting(coalition: string): MeetingDraft {
  return {
    slug: "",
    title: "",
    description: "",
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "America/New_York",
    startDate: "",
    startTime: "18:00",
    duration: "60",
    days: [],
    interval: "1",
    rawRule: null,
    format: "virtual",
    location: "",
    virtualLink: "",
    consent: {
      coalition: { text: `Yes, ${coalition} may email me about meetings and related work. I can unsubscribe at any time.`, version: "1" },
      partner: { text: "Yes, {partner} may email me about its work. I can unsubscribe at any time.", version: "1" },
    },
    breaks: [],
    changes: [],
  };
}

/** A weekly rule's days and interval (every 1 to 4 weeks), or null when the rule says more than the form's boxes can. */
function weekly(rule: string): { days: string[]; interval: string } | null {
  const parts = new Map(rule.split(";").map((p) => p.split("=") as [string, string]));
  if (parts.get("FREQ") !== "WEEKLY" || !parts.get("BYDAY") || [...parts.keys()].some((k) => !["FREQ", "INTERVAL", "BYDAY"].includes(k))) return null;
  const days = parts.get("BYDAY")!.split(",");
  if (days.some((d) => !WEEKDAYS.some(([code]) => code === d))) return null;
  const interval = parts.get("INTERVAL") ?? "1";
  return ["1", "2", "3", "4"].includes(interval) ? { days, interval } : null;
}

/** A saved meeting into the form. */
export function meetingDraftOf({ slug, meeting: m }: AdminMeetingDetail): MeetingDraft {
  const rule = weekly(m.rrule);
  return {
    slug,
    title: wordsOf(m.title, m.language),
    description: wordsOf(m.description, m.language),
    timeZone: m.timeZone,
    startDate: m.startDate,
    startTime: m.startTime,
    duration: String(m.durationMinutes),
    days: rule?.days ?? [],
    interval: rule?.interval ?? "1",
    rawRule: rule ? null : m.rrule,
    format: m.format,
    location: m.location ?? "",
    virtualLink: m.virtualLink ?? "",
    consent: consentWords(m.consent, m.language),
    breaks: m.breaks.map((b) => ({ ...b, reason: wordsOf(b.reason, m.language) })),
    changes: m.changes,
  };
}

/** Read what is typed into the draft (inputs are named by API paths). */
export function readMeeting(draft: MeetingDraft, form: FormData): MeetingDraft {
  return {
    ...draft,
    ...readHeading(draft, form),
    description: read(form, "description"),
    timeZone: read(form, "timeZone"),
    startDate: read(form, "startDate"),
    startTime: read(form, "startTime"),
    duration: read(form, "durationMinutes"),
    days: form.getAll("days").map(String),
    interval: read(form, "interval") || draft.interval,
    rawRule: draft.rawRule === null ? null : read(form, "rrule"),
    format: (read(form, "format") || draft.format) as MeetingDraft["format"],
    location: read(form, "location"),
    virtualLink: read(form, "virtualLink"),
    consent: readConsent(form),
    breaks: draft.breaks.map((_, i) => ({ from: read(form, `breaks.${i}.from`), to: read(form, `breaks.${i}.to`), reason: read(form, `breaks.${i}.reason`) })),
  };
}

/** The PUT body, and what the form could not read (by input name). */
export function meetingInputOf(d: MeetingDraft): { input: MeetingInput; typing: Record<string, string> } {
  const typing: Record<string, string> = {};
  const minutes = count(d.duration);
  if (minutes === null || Number.isNaN(minutes)) typing.durationMinutes = "Enter the length in minutes.";
  if (d.rawRule === null && d.days.length === 0) typing.rrule = "Choose at least one day.";
  const every = Number(d.interval) > 1 ? `;INTERVAL=${Number(d.interval)}` : "";
  const order = WEEKDAYS.map(([code]) => code as string);
  const rrule = d.rawRule ?? `FREQ=WEEKLY${every};BYDAY=${[...d.days].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(",")}`;
  return {
    input: {
      title: d.title,
      description: d.description,
      timeZone: d.timeZone,
      startDate: d.startDate,
      startTime: d.startTime,
      durationMinutes: minutes ?? Number.NaN,
      rrule,
      format: d.format,
      location: d.location || null,
      virtualLink: d.virtualLink || null,
      consent: d.consent,
      breaks: d.breaks,
      changes: d.changes,
    },
    typing,
  };
}
