import { MeetingResponse, RsvpRequest, RsvpResponse, fieldErrors, type RsvpRequest as RsvpInput } from "@coalition-kit/schema";
import { ERROR_MESSAGES } from "@coalition-kit/schema/rules";
import { CkApiError } from "./errors.js";
import type { Http } from "./http.js";
import { newIdempotencyKey } from "./idempotency.js";

export interface MeetingsApi {
  /** The meeting and its next `count` occurrences (default 6) with RSVP counts. */
  get(meeting: string, options?: { count?: number }): Promise<MeetingResponse>;
  /** RSVP yes / maybe / no for one occurrence (its date) or "every_week". */
  rsvp(meeting: string, input: RsvpInput, options?: { idempotencyKey?: string }): Promise<RsvpResponse>;
  validate(input: RsvpInput): Record<string, string>;
}

export function meetingsApi(http: Http): MeetingsApi {
  const base = (meeting: string) => `v1/meetings/${encodeURIComponent(meeting)}`;
  return {
    get: (meeting, options = {}) => http.get(`${base(meeting)}${options.count ? `?count=${options.count}` : ""}`, MeetingResponse),
    async rsvp(meeting, input, options = {}) {
      const parsed = RsvpRequest.safeParse(input);
      if (!parsed.success) throw new CkApiError({ code: "validation_failed", status: 422, message: ERROR_MESSAGES.validation_failed, fields: fieldErrors(parsed.error) });
      return (await http.post(`${base(meeting)}/rsvps`, input, RsvpResponse, options.idempotencyKey ?? newIdempotencyKey())).data;
    },
    validate(input) {
      const parsed = RsvpRequest.safeParse(input);
      return parsed.success ? {} : fieldErrors(parsed.error);
    },
  };
}
