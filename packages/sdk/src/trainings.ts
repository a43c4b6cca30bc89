import {
  CancelRegistrationResponse,
  RegisterRequest,
  RegisterResponse,
  TrainingSeriesResponse,
  fieldErrors,
  type CancelRegistrationResponse as CancelResult,
  type RegisterRequest as RegisterInput,
} from "@coalition-kit/schema";
import { ERROR_MESSAGES } from "@coalition-kit/schema/rules";
import { CkApiError } from "./errors.js";
import type { Http } from "./http.js";
import { newIdempotencyKey } from "./idempotency.js";

export interface RegisterResult extends RegisterResponse {
  /** True when this call created the registration or waitlist place. */
  created: boolean;
}

export interface TrainingsApi {
  /** A series with its sessions, seats left and waitlists. */
  get(series: string): Promise<TrainingSeriesResponse>;
  /** Register for a session: a seat when one is left, else a waitlist place. */
  register(series: string, sessionId: string, input: RegisterInput, options?: { idempotencyKey?: string }): Promise<RegisterResult>;
  /** Cancel with the token from a registration's cancel link. */
  cancel(token: string): Promise<CancelResult>;
  /** Same rules as the API: field -> message, empty when valid. */
  validate(input: RegisterInput): Record<string, string>;
}

export function trainingsApi(http: Http): TrainingsApi {
  const base = (series: string) => `v1/trainings/${encodeURIComponent(series)}`;
  return {
    get: (series) => http.get(base(series), TrainingSeriesResponse),
    async register(series, sessionId, input, options = {}) {
      const parsed = RegisterRequest.safeParse(input);
      if (!parsed.success) throw new CkApiError({ code: "validation_failed", status: 422, message: ERROR_MESSAGES.validation_failed, fields: fieldErrors(parsed.error) });
      const { status, data } = await http.post(
        `${base(series)}/sessions/${encodeURIComponent(sessionId)}/registrations`,
        input,
        RegisterResponse,
        options.idempotencyKey ?? newIdempotencyKey(),
      );
      return { ...data, created: status === 201 };
    },
    async cancel(token) {
      return (await http.post("v1/registrations/cancel", { token }, CancelRegistrationResponse, newIdempotencyKey())).data;
    },
    validate(input) {
      const parsed = RegisterRequest.safeParse(input);
      return parsed.success ? {} : fieldErrors(parsed.error);
    },
  };
}
