import * as z from "zod/mini";
import { DATE_MESSAGE, DATE_TIME_MESSAGE, SESSION_FORMATS, SESSION_FORMAT_MESSAGE, TIME_MESSAGE, YEAR_RANGE_MESSAGE } from "./vocabulary.js";

/** What organizers send for when and how a session or meeting happens. */

/** How it happens: online, in person, or both. */
export const SessionFormatInput = z.enum(SESSION_FORMATS, SESSION_FORMAT_MESSAGE);

/** Years an organizer can schedule in: "0000-01-01" has the right shape and is no date PostgreSQL keeps. */
const inYears = (v: string) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2100;

/** An instant with its UTC offset ("2026-03-10T18:00:00-05:00"); impossible dates like 2026-02-30 are refused. */
export const DateTimeInput = z.iso.datetime({ offset: true, error: DATE_TIME_MESSAGE }).check(z.refine(inYears, YEAR_RANGE_MESSAGE));

/** A calendar date, "YYYY-MM-DD", that exists (2026-02-30 is refused). */
export const LocalDateInput = z.iso.date(DATE_MESSAGE).check(z.refine(inYears, YEAR_RANGE_MESSAGE));

/** A wall-clock time, "HH:MM" (24-hour). */
export const LocalTimeInput = z.string(TIME_MESSAGE).check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, TIME_MESSAGE));
