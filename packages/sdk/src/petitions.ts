import {
  PetitionResponse,
  PetitionStatsResponse,
  SignPetitionRequest,
  SignPetitionResponse,
  fieldErrors,
  signatureErrors,
  type Petition,
  type PetitionStats,
  type SignPetitionRequest as SignInput,
} from "@coalition-kit/schema";
import { ERROR_MESSAGES } from "@coalition-kit/schema/rules";
import { CkApiError } from "./errors.js";
import type { Http } from "./http.js";
import { newIdempotencyKey } from "./idempotency.js";

export interface SignOptions {
  /** Reuse the same key when the person retries the same submission. Generated when omitted. */
  idempotencyKey?: string;
}

export interface SignResult extends SignPetitionResponse {
  /** True when this call stored a new signature; false for "already signed" (and for replays of it). */
  created: boolean;
}

export interface PetitionsApi {
  /** The petition with its live total and per-partner counts. */
  get(slug: string): Promise<PetitionResponse>;
  /** Only the counts: cheap to poll for a live counter. */
  stats(slug: string): Promise<PetitionStats>;
  /**
   * Sign. Validates locally with the API's own rules first (throws CkApiError `validation_failed`
   * with per-field messages, without a request), then posts with an Idempotency-Key.
   */
  sign(slug: string, input: SignInput, options?: SignOptions): Promise<SignResult>;
  /**
   * Check input with the same rules the API uses, every field in one pass. Returns field ->
   * message; empty when valid. Given the petition (as `get` answers it), its own rule too: an age
   * group where it asks for one.
   */
  validate(input: SignInput, petition?: Pick<Petition, "askAgeBand">): Record<string, string>;
}

export function petitionsApi(http: Http): PetitionsApi {
  const path = (slug: string) => `v1/petitions/${encodeURIComponent(slug)}`;
  return {
    get: (slug) => http.get(path(slug), PetitionResponse),
    stats: async (slug) => (await http.get(`${path(slug)}/stats`, PetitionStatsResponse)).stats,
    async sign(slug, input, options = {}) {
      const parsed = SignPetitionRequest.safeParse(input);
      if (!parsed.success) {
        throw new CkApiError({ code: "validation_failed", status: 422, message: ERROR_MESSAGES.validation_failed, fields: fieldErrors(parsed.error) });
      }
      const { status, data } = await http.post(
        `${path(slug)}/signatures`,
        input,
        SignPetitionResponse,
        options.idempotencyKey ?? newIdempotencyKey(),
      );
      return { ...data, created: status === 201 };
    },
    validate: (input, petition) => signatureErrors(input, petition),
  };
}
