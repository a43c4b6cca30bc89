import {
  StoryCampaignResponse,
  StoryWallResponse,
  SubmitStoryRequest,
  SubmitStoryResponse,
  WithdrawStoryResponse,
  fieldErrors,
  type StoryRole,
  type SubmitStoryRequest as SubmitInput,
  type WithdrawStoryResponse as WithdrawResult,
} from "@coalition-kit/schema";
import { ERROR_MESSAGES } from "@coalition-kit/schema/rules";
import { CkApiError } from "./errors.js";
import type { Http } from "./http.js";
import { newIdempotencyKey } from "./idempotency.js";

export interface WallQuery {
  page?: number;
  pageSize?: number;
  role?: StoryRole;
}

export interface StoriesApi {
  /** The campaign's prompt and consent texts. */
  get(campaign: string): Promise<StoryCampaignResponse>;
  /** Submit a story; it waits for moderation. Keep `withdrawUrl` to let the author withdraw it. */
  submit(campaign: string, input: SubmitInput, options?: { idempotencyKey?: string }): Promise<SubmitStoryResponse>;
  /** Approved, consented stories, newest first. */
  wall(campaign: string, query?: WallQuery): Promise<StoryWallResponse>;
  /** Withdraw with the token from the withdraw link. */
  withdraw(token: string): Promise<WithdrawResult>;
  validate(input: SubmitInput): Record<string, string>;
}

export function storiesApi(http: Http): StoriesApi {
  const base = (campaign: string) => `v1/stories/${encodeURIComponent(campaign)}`;
  return {
    get: (campaign) => http.get(base(campaign), StoryCampaignResponse),
    async submit(campaign, input, options = {}) {
      const parsed = SubmitStoryRequest.safeParse(input);
      if (!parsed.success) throw new CkApiError({ code: "validation_failed", status: 422, message: ERROR_MESSAGES.validation_failed, fields: fieldErrors(parsed.error) });
      return (await http.post(base(campaign), input, SubmitStoryResponse, options.idempotencyKey ?? newIdempotencyKey())).data;
    },
    wall(campaign, query = {}) {
      const params = new URLSearchParams();
      if (query.page) params.set("page", String(query.page));
      if (query.pageSize) params.set("pageSize", String(query.pageSize));
      if (query.role) params.set("role", query.role);
      const qs = params.toString();
      return http.get(`${base(campaign)}/wall${qs ? `?${qs}` : ""}`, StoryWallResponse);
    },
    async withdraw(token) {
      return (await http.post("v1/stories/withdraw", { token }, WithdrawStoryResponse, newIdempotencyKey())).data;
    },
    validate(input) {
      const parsed = SubmitStoryRequest.safeParse(input);
      return parsed.success ? {} : fieldErrors(parsed.error);
    },
  };
}
