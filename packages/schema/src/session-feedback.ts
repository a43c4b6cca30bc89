import * as z from "zod/mini";
import { Slug } from "./common.js";

/**
 * A feedback survey after each training session (issue 20). A series names one of its
 * coalition's surveys (`feedbackSurvey`) and the https page where that survey's widget is embedded
 * (`feedbackUrl`). Once a session has ended, each attendee gets one `training.feedback` email
 * linking to that page with `ck_session=<session id>`; `<ck-survey>` sends the session with the
 * response, and organizers read the answers per session (GET …/results?session=<id>), withheld
 * below the survey's min_group_size as always.
 */

export const FEEDBACK_SURVEY_MESSAGE = "Choose one of your coalition's surveys.";
export const FEEDBACK_URL_MESSAGE = "Give the https page where the feedback survey is embedded.";
export const FEEDBACK_URL_NEEDS_SURVEY_MESSAGE = "Choose the feedback survey this page shows.";
export const SURVEY_SESSION_MESSAGE = "This survey is not the feedback survey for that session.";

/** The query parameter the feedback email adds to the page's address, and the widget reads. */
export const FEEDBACK_SESSION_PARAM = "ck_session";

/** How long after a session ends an attendee marked late still gets the feedback email, in days. */
export const FEEDBACK_WINDOW_DAYS = 14;

/** A session's id, as the feedback link carries it. */
export const SessionId = z.string(SURVEY_SESSION_MESSAGE).check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, SURVEY_SESSION_MESSAGE));

/** The series fields (admin PUT and its detail): the feedback survey's slug and its page; null: none. */
export const SeriesFeedbackFields = {
  feedbackSurvey: z.optional(z.nullable(Slug)),
  feedbackUrl: z.optional(z.nullable(z.string(FEEDBACK_URL_MESSAGE).check(z.trim(), z.maxLength(500, FEEDBACK_URL_MESSAGE), z.regex(/^https:\/\/[^\s/$.?#][^\s]*$/i, FEEDBACK_URL_MESSAGE)))),
};

/**
 * On a session's attendance roster: the link to send by hand (null when the series has no
 * feedback survey), how many feedback emails went out for this session, and the session's id (what
 * the link carries and the survey's results take as `?session=`).
 */
export const SessionFeedback = z.object({ link: z.nullable(z.string()), survey: z.nullable(Slug), sent: z.number().check(z.int(), z.nonnegative()), sessionId: z.string() });
export type SessionFeedback = z.infer<typeof SessionFeedback>;
