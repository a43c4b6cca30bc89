/**
 * Every public and organizer route of the API, as the OpenAPI document describes it: method, path,
 * who may call it, its parameters, and the SAME zod schemas the routes validate with and the SDK
 * parses answers with (packages/schema). document.ts turns this table into OpenAPI 3.1.
 * openapi.test.ts fails when a route registered in the app is missing here.
 */
import * as z from "zod/mini";
import * as s from "@coalition-kit/schema";

/** Who may call an operation. */
export type Access =
  /** Anyone; a partner key in `?key=` (or X-Partner-Key) is optional and must then check out. */
  | "read"
  /** A partner's publishable key from one of its allowed Origins, plus an optional Idempotency-Key. */
  | "partner-write"
  /** Anyone holding a signed token from an email (the token is the authorization). */
  | "link"
  /** An organizer's secret key (Authorization: Bearer sk_...). */
  | "admin"
  /** No authorization at all. */
  | "none";

/** An answer: a zod schema (JSON), or one of the other media the API sends. */
export type Answer = { description: string; json?: z.ZodMiniType; media?: "html" | "csv" | "ics" | "text"; redirect?: true };

export interface QueryParam {
  name: string;
  description: string;
  required?: boolean;
  schema?: z.ZodMiniType;
}

export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI form: `{param}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  /** Organizer writes: "optional" (replays answer once) or "required" (writes that email people). */
  idempotency?: "optional" | "required";
  /** Only a coalition's secret key; a partner's key gets 404. */
  coalitionOnly?: boolean;
  pathParams?: Record<string, string>;
  query?: QueryParam[];
  /** The JSON body (the schema the service parses), and whether the no-JS form may send it too. */
  body?: { schema: z.ZodMiniType; form?: boolean; formOnly?: boolean; optional?: boolean; csv?: boolean; description?: string };
  responses: Record<number, Answer>;
  /** Error statuses the operation can answer with the error body (ApiErrorBody). */
  errors: number[];
}

/** The fields an emailed link's page posts back (http/link-page.ts linkForm reads these). */
export const LinkFormBody = z.object({
  token: z.string(),
  decision: z.optional(z.string()),
});
/** The meeting manage page's forms (services/meetings/meeting-manage.ts applyManage). */
export const ManageRsvpBody = z.object({
  token: z.string(),
  action: z.optional(z.literal("stop_every_week")),
  occurrence: z.optional(z.string()),
  response: z.optional(s.RsvpAnswer),
});
export const ManageRsvpSaved = z.object({ status: z.literal("saved") });
/** GET /v1/openapi.json: this document (an object). */
export const OpenApiDocumentBody = z.record(z.string(), z.unknown());
/** GET /health */
export const HealthResponse = z.object({ ok: z.boolean(), db: z.enum(["pglite", "postgres"]) });
/** GET /ready when it cannot serve, and GET /metrics without its token. */
export const NotReadyResponse = z.object({ ok: z.literal(false), reason: z.string() });

const json = (schema: z.ZodMiniType, description: string): Answer => ({ json: schema, description });
const html = (description: string): Answer => ({ media: "html", description });
const ics = (description: string): Answer => ({ media: "ics", description });
const csv = (description: string): Answer => ({ media: "csv", description });
const text = (description: string): Answer => ({ media: "text", description });
const redirect = (description: string): Answer => ({ redirect: true, description });

const READ_ERRORS = [401, 403, 404, 429];
const WRITE_ERRORS = [401, 403, 404, 409, 413, 415, 422, 429];
const ADMIN_READ_ERRORS = [401, 404, 429];
const ADMIN_WRITE_ERRORS = [401, 404, 409, 413, 415, 422, 429];
const token: QueryParam = { name: "token", description: "The signed token from the email's link.", required: true };
const tokenOptional: QueryParam = { name: "token", description: "The signed token from the email's link (or the form's `token` field)." };
const lang: QueryParam = { name: "lang", description: "Page language when the person's own is unknown: `en` or `es`.", schema: z.enum(["en", "es"]) };
const slug = { slug: "The campaign's slug, e.g. `ct-funding-gap`." };
const linkPage = (path: string, operationId: string, tag: string, summary: string, extra: QueryParam[] = []): Operation[] => [
  { method: "get", path, operationId: `${operationId}Page`, tag, summary: `${summary}: the page with its button (a GET changes nothing)`, access: "link", query: [token, lang, ...extra], responses: { 200: html("The question, with a form that POSTs back."), 400: html("The link is not valid or has expired.") }, errors: [] },
  { method: "post", path, operationId, tag, summary, access: "link", query: [tokenOptional, lang], body: { schema: LinkFormBody, form: true, description: "The page's form, or JSON with the same fields." }, responses: { 200: html("What happened."), 400: html("The link is not valid or has expired; nothing changed.") }, errors: [413] },
];

export const OPERATIONS: Operation[] = [
  { method: "get", path: "/health", operationId: "health", tag: "Service", summary: "Whether the API is up, and which database it runs on", access: "none", responses: { 200: json(HealthResponse, "Up.") }, errors: [] },
  { method: "get", path: "/ready", operationId: "ready", tag: "Service", summary: "Whether this process can serve: the database answers and every migration is applied (503 while stopping)", access: "none", responses: { 200: json(HealthResponse, "Ready."), 503: json(NotReadyResponse, "Not ready, and why.") }, errors: [] },
  { method: "get", path: "/metrics", operationId: "metrics", tag: "Service", summary: "Prometheus metrics (only when METRICS_TOKEN is set; `Authorization: Bearer <METRICS_TOKEN>`)", access: "none", responses: { 200: text("Prometheus text exposition format."), 401: json(NotReadyResponse, "No or wrong bearer token."), 404: text("Metrics are off (no METRICS_TOKEN).") }, errors: [] },
  { method: "get", path: "/v1/openapi.json", operationId: "openapi", tag: "Service", summary: "This OpenAPI 3.1 document", access: "none", responses: { 200: json(OpenApiDocumentBody, "The document.") }, errors: [] },

  // Petitions
  { method: "get", path: "/v1/petitions/{slug}", operationId: "getPetition", tag: "Petitions", summary: "A petition with its live totals (and, with a partner key, that partner's consent text)", access: "read", pathParams: slug, responses: { 200: json(s.PetitionResponse, "The petition.") }, errors: READ_ERRORS },
  { method: "get", path: "/v1/petitions/{slug}/stats", operationId: "getPetitionStats", tag: "Petitions", summary: "A petition's live totals, per partner", access: "read", pathParams: slug, responses: { 200: json(s.PetitionStatsResponse, "The totals.") }, errors: READ_ERRORS },
  {
    method: "post", path: "/v1/petitions/{slug}/signatures", operationId: "signPetition", tag: "Petitions", summary: "Sign a petition (JSON from the widget, or the no-JS form)",
    description: "The no-JS form may send `partner_key`, `idempotency_key` and `return_to` as fields in place of the headers; it is answered with a 303 to `return_to` (on an allowed origin) or a thank-you page.",
    access: "partner-write", pathParams: slug, body: { schema: s.SignPetitionRequest, form: true },
    responses: { 200: json(s.SignPetitionResponse, "This email had already signed (`already_signed`)."), 201: json(s.SignPetitionResponse, "Signed (or waiting for an email confirmation or a guardian)."), 303: redirect("Form posts: back to the partner's page with `ck_signed=1`.") },
    errors: WRITE_ERRORS,
  },
  ...linkPage("/v1/signatures/confirm", "confirmSignature", "Petitions", "Confirm a signature (double opt-in)"),
  ...linkPage("/v1/signatures/guardian", "answerSignatureGuardian", "Petitions", "A parent's or guardian's answer to a signature by a child under 13", [{ name: "decision", description: "`refuse` puts the refusal button first.", schema: z.enum(["consent", "refuse"]) }]),
  ...linkPage("/v1/consents/withdraw", "withdrawConsent", "Petitions", "Withdraw one consent given with a signature"),

  // Trainings
  { method: "get", path: "/v1/trainings/{series}", operationId: "getTrainingSeries", tag: "Trainings", summary: "A training series and its sessions with seats left", access: "read", pathParams: { series: "The series' slug." }, responses: { 200: json(s.TrainingSeriesResponse, "The series.") }, errors: READ_ERRORS },
  { method: "get", path: "/v1/trainings/{series}/calendar.ics", operationId: "getTrainingSeriesCalendar", tag: "Calendar feeds", summary: "Every session of a series as an iCalendar feed (subscribe with webcal:)", access: "none", pathParams: { series: "The series' slug." }, responses: { 200: ics("The feed.") }, errors: [404] },
  { method: "get", path: "/v1/trainings/{series}/sessions/{file}", operationId: "getTrainingSessionCalendar", tag: "Calendar feeds", summary: "One session as an iCalendar file", access: "none", pathParams: { series: "The series' slug.", file: "The session id followed by `.ics`." }, responses: { 200: ics("The event.") }, errors: [404] },
  {
    method: "post", path: "/v1/trainings/{series}/sessions/{id}/registrations", operationId: "registerForTraining", tag: "Trainings", summary: "Register for a session (or join its waitlist)", access: "partner-write",
    pathParams: { series: "The series' slug.", id: "The session's id." }, body: { schema: s.RegisterRequest },
    responses: { 200: json(s.RegisterResponse, "This email already had a seat or a waitlist place."), 201: json(s.RegisterResponse, "Registered or waitlisted.") }, errors: WRITE_ERRORS,
  },
  { method: "get", path: "/v1/registrations/calendar.ics", operationId: "getRegistrationCalendar", tag: "Calendar feeds", summary: "A registrant's own calendar file (with the virtual link once the seat is confirmed)", access: "link", query: [token], responses: { 200: ics("The event.") }, errors: [404] },
  { method: "get", path: "/v1/registrations/cancel", operationId: "cancelRegistrationPage", tag: "Trainings", summary: "Cancel a registration: the page with its button (a GET changes nothing)", access: "link", query: [tokenOptional], responses: { 200: html("The question, with a form that POSTs back.") }, errors: [] },
  {
    method: "post", path: "/v1/registrations/cancel", operationId: "cancelRegistration", tag: "Trainings", summary: "Cancel a registration (the next person on the waitlist gets the seat)", access: "link", body: { schema: s.CancelRegistrationRequest, form: true },
    responses: { 200: json(s.CancelRegistrationResponse, "Cancelled (JSON); form posts get a page.") }, errors: [404, 413, 415, 422],
  },

  // Meetings
  { method: "get", path: "/v1/meetings/{slug}", operationId: "getMeeting", tag: "Meetings", summary: "A recurring meeting and its upcoming occurrences with RSVP counts", access: "read", pathParams: slug, query: [{ name: "count", description: "How many upcoming occurrences (1–52, default 6).", schema: z.number().check(z.int(), z.gte(1), z.lte(52)) }], responses: { 200: json(s.MeetingResponse, "The meeting.") }, errors: READ_ERRORS },
  { method: "get", path: "/v1/meetings/{slug}/calendar.ics", operationId: "getMeetingCalendar", tag: "Calendar feeds", summary: "A meeting's schedule as an iCalendar feed", access: "none", pathParams: slug, responses: { 200: ics("The feed.") }, errors: [404] },
  { method: "post", path: "/v1/meetings/{slug}/rsvps", operationId: "rsvpToMeeting", tag: "Meetings", summary: "RSVP to one meeting or every week", access: "partner-write", pathParams: slug, body: { schema: s.RsvpRequest }, responses: { 200: json(s.RsvpResponse, "Saved (a replay)."), 201: json(s.RsvpResponse, "Saved.") }, errors: WRITE_ERRORS },
  { method: "get", path: "/v1/meeting-rsvps/manage", operationId: "manageRsvpsPage", tag: "Meetings", summary: "The signed manage link: a person's answers as forms", access: "link", query: [token], responses: { 200: html("The answers."), 404: html("The link is not valid."), 422: html("The link is not valid.") }, errors: [] },
  {
    method: "post", path: "/v1/meeting-rsvps/manage", operationId: "manageRsvps", tag: "Meetings", summary: "Change one answer, or stop answering every week", access: "link", body: { schema: ManageRsvpBody, form: true },
    responses: { 200: json(ManageRsvpSaved, "Saved (JSON)."), 303: redirect("Form posts: back to the manage page.") }, errors: [404, 413, 415, 422],
  },

  // Stories
  { method: "get", path: "/v1/stories/{campaign}", operationId: "getStoryCampaign", tag: "Stories", summary: "A story campaign: its prompt and consent texts", access: "read", pathParams: { campaign: "The campaign's slug." }, responses: { 200: json(s.StoryCampaignResponse, "The campaign.") }, errors: READ_ERRORS },
  {
    method: "get", path: "/v1/stories/{campaign}/wall", operationId: "getStoryWall", tag: "Stories", summary: "Approved stories, newest first, a page at a time", access: "read", pathParams: { campaign: "The campaign's slug." },
    query: [
      { name: "page", description: "1-based page (default 1).", schema: z.number().check(z.int(), z.positive()) },
      { name: "pageSize", description: "Stories per page.", schema: z.number().check(z.int(), z.positive()) },
      { name: "role", description: "Only stories by this role.", schema: s.StoryRole },
    ],
    responses: { 200: json(s.StoryWallResponse, "A page of stories.") }, errors: [...READ_ERRORS, 422],
  },
  { method: "post", path: "/v1/stories/{campaign}", operationId: "submitStory", tag: "Stories", summary: "Submit a story (it waits for moderation)", access: "partner-write", pathParams: { campaign: "The campaign's slug." }, body: { schema: s.SubmitStoryRequest }, responses: { 201: json(s.SubmitStoryResponse, "Received."), 200: json(s.SubmitStoryResponse, "A replay of the same Idempotency-Key.") }, errors: WRITE_ERRORS },
  { method: "get", path: "/v1/stories/withdraw", operationId: "withdrawStoryPage", tag: "Stories", summary: "Withdraw a story: the page with its button (a GET changes nothing)", access: "link", query: [tokenOptional], responses: { 200: html("The question, with a form that POSTs back.") }, errors: [] },
  { method: "post", path: "/v1/stories/withdraw", operationId: "withdrawStory", tag: "Stories", summary: "Withdraw a story from every wall", access: "link", body: { schema: s.WithdrawStoryRequest, form: true }, responses: { 200: json(s.WithdrawStoryResponse, "Withdrawn (JSON); form posts get a page.") }, errors: [404, 413, 415, 422] },
  ...linkPage("/v1/stories/guardian", "answerStoryGuardian", "Stories", "A parent's or guardian's answer to a story by a child under 13", [{ name: "decision", description: "`refuse` puts the refusal button first.", schema: z.enum(["consent", "refuse"]) }]),

  // Surveys
  { method: "get", path: "/v1/surveys/{slug}", operationId: "getSurvey", tag: "Surveys", summary: "A survey's definition: its variants and questions", access: "read", pathParams: slug, responses: { 200: json(s.SurveyResponse, "The survey.") }, errors: READ_ERRORS },
  { method: "get", path: "/v1/surveys/{slug}/results", operationId: "getSurveyResults", tag: "Surveys", summary: "Public aggregates (only for surveys that publish them); small groups are suppressed", access: "read", pathParams: slug, query: [{ name: "variant", description: "One variant's results." }], responses: { 200: json(s.SurveyResults, "The aggregates.") }, errors: READ_ERRORS },
  { method: "post", path: "/v1/surveys/{slug}/responses", operationId: "submitSurveyResponse", tag: "Surveys", summary: "Answer a survey (anonymous: no IP, email or cookie is stored with answers)", access: "partner-write", pathParams: slug, body: { schema: s.SubmitSurveyRequest }, responses: { 201: json(s.SubmitSurveyResponse, "Recorded."), 200: json(s.SubmitSurveyResponse, "A replay of the same Idempotency-Key.") }, errors: WRITE_ERRORS },

  // Messages
  { method: "get", path: "/v1/messages/unsubscribe", operationId: "unsubscribePage", tag: "Messages", summary: "Stop reminders: the page with its buttons (a GET changes nothing)", access: "link", query: [token], responses: { 200: html("The question."), 400: html("The link is not valid.") }, errors: [] },
  {
    method: "post", path: "/v1/messages/unsubscribe", operationId: "unsubscribe", tag: "Messages", summary: "One-click unsubscribe (RFC 8058), or stop all email from the coalition", access: "link", query: [tokenOptional],
    body: { schema: LinkFormBody, form: true, formOnly: true, description: "`List-Unsubscribe=One-Click` from a mail app, or the page's form (`decision=all` stops everything)." },
    responses: { 200: html("Done."), 400: html("The link is not valid.") }, errors: [],
  },

  // Organizer: account
  { method: "get", path: "/v1/admin/organization", operationId: "adminOrganization", tag: "Admin: organization", summary: "Whose secret key this is", access: "admin", responses: { 200: json(s.AdminOrganizationResponse, "The organization.") }, errors: ADMIN_READ_ERRORS },
  { method: "get", path: "/v1/admin/partners", operationId: "adminListPartners", tag: "Admin: organization", summary: "The coalition's partners and their publishable keys", access: "admin", coalitionOnly: true, responses: { 200: json(s.AdminPartnerList, "The partners.") }, errors: ADMIN_READ_ERRORS },
  { method: "post", path: "/v1/admin/partners", operationId: "adminCreatePartner", tag: "Admin: organization", summary: "Add a partner (it gets a publishable key)", access: "admin", coalitionOnly: true, idempotency: "optional", body: { schema: s.PartnerInput }, responses: { 201: json(s.AdminPartnerResponse, "Added.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "patch", path: "/v1/admin/partners/{slug}", operationId: "adminPatchPartner", tag: "Admin: organization", summary: "Change a partner: name, website, allowed origins, active", access: "admin", coalitionOnly: true, idempotency: "optional", pathParams: { slug: "The partner's slug." }, body: { schema: s.PartnerPatch }, responses: { 200: json(s.AdminPartnerResponse, "Changed.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "post", path: "/v1/admin/partners/{slug}/rotate-key", operationId: "adminRotatePartnerKey", tag: "Admin: organization", summary: "Give a partner a new publishable key; the old one keeps working for `overlapHours` (default 24, 0 to 168)", access: "admin", coalitionOnly: true, idempotency: "required", pathParams: { slug: "The partner's slug." }, body: { schema: s.PartnerKeyRotation, optional: true }, responses: { 200: json(s.AdminPartnerResponse, "Rotated: `publishableKey` is the new key, `previousKey` works until `previousKeyExpiresAt`.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "get", path: "/v1/admin/keys", operationId: "adminListKeys", tag: "Admin: organization", summary: "The organization's secret keys (prefixes only)", access: "admin", responses: { 200: json(s.SecretKeyList, "The keys.") }, errors: ADMIN_READ_ERRORS },
  { method: "post", path: "/v1/admin/keys", operationId: "adminCreateKey", tag: "Admin: organization", summary: "Make a new secret key (shown this once), read-write by default or `{ \"scope\": \"read_only\" }`", access: "admin", idempotency: "optional", body: { schema: s.SecretKeyInput, optional: true }, responses: { 201: json(s.SecretKeyCreated, "The new key.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "delete", path: "/v1/admin/keys/{id}", operationId: "adminRevokeKey", tag: "Admin: organization", summary: "Revoke a secret key", access: "admin", idempotency: "optional", pathParams: { id: "The key's id." }, responses: { 200: json(s.SecretKeyResponse, "Revoked.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "get", path: "/v1/admin/webhooks", operationId: "adminListWebhooks", tag: "Admin: webhooks", summary: "The organization's webhook endpoints", access: "admin", responses: { 200: json(s.WebhookList, "The endpoints.") }, errors: ADMIN_READ_ERRORS },
  { method: "post", path: "/v1/admin/webhooks", operationId: "adminCreateWebhook", tag: "Admin: webhooks", summary: "Add a webhook endpoint (its signing secret is shown this once)", access: "admin", idempotency: "optional", body: { schema: s.WebhookInput }, responses: { 201: json(s.WebhookCreated, "Added.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "post", path: "/v1/admin/webhooks/{id}/rotate-secret", operationId: "adminRotateWebhookSecret", tag: "Admin: webhooks", summary: "Give an endpoint a new signing secret (shown this once); the old one also signs deliveries for `overlapHours` (default 24, 0 to 168)", access: "admin", idempotency: "required", pathParams: { id: "The endpoint's id." }, body: { schema: s.WebhookSecretRotation, optional: true }, responses: { 200: json(s.WebhookCreated, "Rotated: `secret` is the new secret; `webhook.previousSecretExpiresAt` says when the old one stops signing.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "delete", path: "/v1/admin/webhooks/{id}", operationId: "adminDeleteWebhook", tag: "Admin: webhooks", summary: "Remove a webhook endpoint", access: "admin", idempotency: "optional", pathParams: { id: "The endpoint's id." }, responses: { 200: json(s.WebhookDeleted, "Removed.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "get", path: "/v1/admin/webhooks/{id}/deliveries", operationId: "adminListWebhookDeliveries", tag: "Admin: webhooks", summary: "Recent delivery attempts to an endpoint", access: "admin", pathParams: { id: "The endpoint's id." }, responses: { 200: json(s.WebhookDeliveryList, "The attempts.") }, errors: ADMIN_READ_ERRORS },
  { method: "get", path: "/v1/admin/connectors", operationId: "adminListConnectors", tag: "Admin: connectors", summary: "Where the organization's consented contacts go: webhook endpoints and OSDI endpoints (Action Network), with any pause and the deliveries waiting", access: "admin", responses: { 200: json(s.ConnectorList, "The connectors.") }, errors: ADMIN_READ_ERRORS },
  { method: "post", path: "/v1/admin/connectors", operationId: "adminCreateConnector", tag: "Admin: connectors", summary: "Add a connector: `kind: \"osdi\"` with the API's address, its key (stored encrypted, never shown again) and tags; or `kind: \"webhook\"` (its signing secret is shown this once)", access: "admin", idempotency: "optional", body: { schema: s.ConnectorInput }, responses: { 201: json(s.ConnectorCreated, "Added.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "put", path: "/v1/admin/connectors/{id}/key", operationId: "adminReplaceConnectorKey", tag: "Admin: connectors", summary: "Replace an OSDI connector's API key; a connector paused by a refused key resumes and delivers what waited, once each", access: "admin", idempotency: "optional", pathParams: { id: "The connector's id." }, body: { schema: s.ConnectorKeyInput }, responses: { 200: json(s.ConnectorResponse, "Replaced.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "delete", path: "/v1/admin/connectors/{id}", operationId: "adminDeleteConnector", tag: "Admin: connectors", summary: "Remove a connector (what it had not delivered is dropped)", access: "admin", idempotency: "optional", pathParams: { id: "The connector's id." }, responses: { 200: json(s.ConnectorDeleted, "Removed.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "get", path: "/v1/admin/connectors/{id}/deliveries", operationId: "adminListConnectorDeliveries", tag: "Admin: connectors", summary: "Recent delivery attempts, with the start of what a refusing endpoint answered", access: "admin", pathParams: { id: "The connector's id." }, responses: { 200: json(s.ConnectorDeliveryList, "The attempts.") }, errors: ADMIN_READ_ERRORS },
  { method: "get", path: "/v1/admin/connectors/{id}/todos", operationId: "adminListConnectorTodos", tag: "Admin: connectors", summary: "Erasures the endpoint could not carry out through its API, each with the person's resource there, to delete by hand", access: "admin", pathParams: { id: "The connector's id." }, responses: { 200: json(s.ConnectorTodoList, "The to-dos.") }, errors: ADMIN_READ_ERRORS },
  { method: "get", path: "/v1/admin/settings", operationId: "adminGetSettings", tag: "Admin: organization", summary: "Retention period and organizer digest, and when the daily jobs run", access: "admin", coalitionOnly: true, responses: { 200: json(s.AdminSettingsResponse, "The settings.") }, errors: ADMIN_READ_ERRORS },
  { method: "patch", path: "/v1/admin/settings", operationId: "adminPatchSettings", tag: "Admin: organization", summary: "Change the retention period or the digest", access: "admin", coalitionOnly: true, idempotency: "optional", body: { schema: s.SettingsPatch }, responses: { 200: json(s.AdminSettingsResponse, "The settings as they now stand.") }, errors: ADMIN_WRITE_ERRORS },

  // Organizer: petitions
  { method: "get", path: "/v1/admin/petitions", operationId: "adminListPetitions", tag: "Admin: petitions", summary: "The coalition's petitions with totals", access: "admin", coalitionOnly: true, responses: { 200: json(s.AdminPetitionList, "The petitions.") }, errors: ADMIN_READ_ERRORS },
  { method: "post", path: "/v1/admin/petitions", operationId: "adminCreatePetition", tag: "Admin: petitions", summary: "Create a petition", access: "admin", coalitionOnly: true, idempotency: "optional", body: { schema: s.PetitionInput }, responses: { 201: json(s.AdminPetitionResponse, "Created.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "get", path: "/v1/admin/petitions/{slug}", operationId: "adminGetPetition", tag: "Admin: petitions", summary: "A petition's numbers: totals per partner and per day, opt-ins, pending", access: "admin", coalitionOnly: true, pathParams: slug, responses: { 200: json(s.AdminPetitionDetail, "The numbers.") }, errors: ADMIN_READ_ERRORS },
  { method: "patch", path: "/v1/admin/petitions/{slug}", operationId: "adminPatchPetition", tag: "Admin: petitions", summary: "Change what may change once people have signed", access: "admin", coalitionOnly: true, idempotency: "optional", pathParams: slug, body: { schema: s.PetitionPatch }, responses: { 200: json(s.AdminPetitionResponse, "Changed.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "get", path: "/v1/admin/petitions/{slug}/signatures.csv", operationId: "adminExportSignatures", tag: "Admin: petitions", summary: "Signatures as CSV (a partner's key gets its own opt-ins); `layout=osdi` gives the columns Action Network's import reads, with only the people who agreed to hear from this organization", access: "admin", pathParams: slug, query: [{ name: "layout", description: "`standard` (default) or `osdi` (Action Network import: email, first_name, last_name, zip_code, tag, language, consent_version, signed_at).", schema: z.enum(["standard", "osdi"]) }], responses: { 200: csv("The signatures, streamed.") }, errors: ADMIN_READ_ERRORS },

  // Organizer: trainings, surveys, meetings
  { method: "get", path: "/v1/admin/trainings", operationId: "adminListTrainings", tag: "Admin: trainings", summary: "Every series with each session's seats and waitlist", access: "admin", coalitionOnly: true, responses: { 200: json(s.AdminTrainingList, "The series.") }, errors: ADMIN_READ_ERRORS },
  { method: "get", path: "/v1/admin/trainings/{slug}", operationId: "adminGetTraining", tag: "Admin: trainings", summary: "One series as saved, in the shape PUT takes (the console's edit form)", access: "admin", coalitionOnly: true, pathParams: slug, responses: { 200: json(s.AdminTrainingSeriesDetail, "The series.") }, errors: ADMIN_READ_ERRORS },
  { method: "get", path: "/v1/admin/trainings/{slug}/registrations", operationId: "adminListRegistrations", tag: "Admin: trainings", summary: "Who is coming to a series' sessions", access: "admin", coalitionOnly: true, pathParams: { slug: "The series' slug." }, responses: { 200: json(s.AdminRegistrationList, "The registrations.") }, errors: ADMIN_READ_ERRORS },
  { method: "put", path: "/v1/admin/trainings/{slug}", operationId: "adminSaveTrainingSeries", tag: "Admin: trainings", summary: "Create or change a training series and its sessions", access: "admin", coalitionOnly: true, idempotency: "optional", pathParams: { slug: "The series' slug." }, body: { schema: s.TrainingSeriesInput }, responses: { 200: json(s.AdminSaved, "Changed."), 201: json(s.AdminSaved, "Created.") }, errors: ADMIN_WRITE_ERRORS },
  {
    method: "patch", path: "/v1/admin/trainings/{slug}/sessions/{key}", operationId: "adminChangeTrainingSession", tag: "Admin: trainings", summary: "Move, relocate or cancel one session (registrants are emailed)", access: "admin", coalitionOnly: true, idempotency: "required",
    pathParams: { slug: "The series' slug.", key: "The session's key." }, body: { schema: s.TrainingSessionPatch }, responses: { 200: json(s.TrainingSessionChanged, "The session as it now stands.") }, errors: ADMIN_WRITE_ERRORS,
  },
  { method: "get", path: "/v1/admin/trainings/{slug}/registrations.csv", operationId: "adminExportTrainingRegistrations", tag: "Admin: trainings", summary: "Every registration as CSV, with attendance and each person's progress and completion", access: "admin", coalitionOnly: true, pathParams: slug, responses: { 200: csv("The registrations.") }, errors: ADMIN_READ_ERRORS },
  {
    method: "get", path: "/v1/admin/trainings/{slug}/sessions/{key}/attendance", operationId: "adminAttendanceRoster", tag: "Admin: trainings", summary: "A session's registrants, their attendance marks and progress in the series", access: "admin", coalitionOnly: true,
    pathParams: { slug: "The series' slug.", key: "The session's key." }, responses: { 200: json(s.AttendanceRoster, "The roster.") }, errors: ADMIN_READ_ERRORS,
  },
  {
    method: "put", path: "/v1/admin/trainings/{slug}/sessions/{key}/attendance/{registration}", operationId: "adminMarkAttendance", tag: "Admin: trainings", summary: "Mark whether one registrant attended (once the session has started)", access: "admin", coalitionOnly: true, idempotency: "optional",
    pathParams: { slug: "The series' slug.", key: "The session's key.", registration: "The registration's id, from the roster." }, body: { schema: s.AttendanceMark }, responses: { 200: json(s.AttendanceMarked, "The registrant as now marked.") }, errors: ADMIN_WRITE_ERRORS,
  },
  {
    method: "post", path: "/v1/admin/trainings/{slug}/sessions/{key}/attendance.csv", operationId: "adminUploadAttendance", tag: "Admin: trainings", summary: "Mark attendance from a CSV: good rows are stored, each bad row is answered by its row number", access: "admin", coalitionOnly: true, idempotency: "optional",
    pathParams: { slug: "The series' slug.", key: "The session's key." }, body: { schema: s.AttendanceCsv, csv: true }, responses: { 200: json(s.AttendanceUploaded, "Rows stored and rows refused.") }, errors: ADMIN_WRITE_ERRORS,
  },
  { method: "get", path: "/v1/admin/surveys", operationId: "adminListSurveys", tag: "Admin: surveys", summary: "The coalition's surveys with response counts", access: "admin", coalitionOnly: true, responses: { 200: json(s.AdminSurveyList, "The surveys.") }, errors: ADMIN_READ_ERRORS },
  { method: "get", path: "/v1/admin/surveys/{slug}", operationId: "adminGetSurvey", tag: "Admin: surveys", summary: "One survey as saved, in the shape PUT takes", access: "admin", coalitionOnly: true, pathParams: slug, responses: { 200: json(s.AdminSurveyDetail, "The survey.") }, errors: ADMIN_READ_ERRORS },
  { method: "put", path: "/v1/admin/surveys/{slug}", operationId: "adminSaveSurvey", tag: "Admin: surveys", summary: "Create or change a survey", access: "admin", coalitionOnly: true, idempotency: "optional", pathParams: slug, body: { schema: s.SurveyInput }, responses: { 200: json(s.AdminSaved, "Changed."), 201: json(s.AdminSaved, "Created.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "get", path: "/v1/admin/surveys/{slug}/results", operationId: "adminSurveyResults", tag: "Admin: surveys", summary: "A survey's aggregates, even when not public", access: "admin", pathParams: slug, query: [{ name: "variant", description: "One variant's results." }, { name: "session", description: "One training session's feedback (a session whose series names this survey as its feedback survey); small groups are suppressed as always." }], responses: { 200: json(s.SurveyResults, "The aggregates.") }, errors: [401, 404, 422, 429] },
  { method: "get", path: "/v1/admin/surveys/{slug}/responses.csv", operationId: "adminExportSurveyResponses", tag: "Admin: surveys", summary: "Every response as CSV", access: "admin", pathParams: slug, responses: { 200: csv("The responses.") }, errors: ADMIN_READ_ERRORS },
  { method: "get", path: "/v1/admin/meetings", operationId: "adminListMeetings", tag: "Admin: meetings", summary: "Each meeting's regular time and its upcoming weeks with answers", access: "admin", coalitionOnly: true, responses: { 200: json(s.AdminMeetingList, "The meetings.") }, errors: ADMIN_READ_ERRORS },
  { method: "get", path: "/v1/admin/meetings/{slug}", operationId: "adminGetMeeting", tag: "Admin: meetings", summary: "One meeting as saved, with its breaks and one-week changes, in the shape PUT takes", access: "admin", coalitionOnly: true, pathParams: slug, responses: { 200: json(s.AdminMeetingDetail, "The meeting.") }, errors: ADMIN_READ_ERRORS },
  { method: "put", path: "/v1/admin/meetings/{slug}", operationId: "adminSaveMeeting", tag: "Admin: meetings", summary: "Create or change a recurring meeting", access: "admin", coalitionOnly: true, idempotency: "optional", pathParams: slug, body: { schema: s.MeetingInput }, responses: { 200: json(s.AdminSaved, "Changed."), 201: json(s.AdminSaved, "Created.") }, errors: ADMIN_WRITE_ERRORS },
  {
    method: "put", path: "/v1/admin/meetings/{slug}/weeks/{date}", operationId: "adminChangeMeetingWeek", tag: "Admin: meetings", summary: "Cancel, move or annotate one week (people who said yes are emailed)", access: "admin", coalitionOnly: true, idempotency: "required",
    pathParams: { ...slug, date: "The week's scheduled date, YYYY-MM-DD." }, body: { schema: s.MeetingWeekChange }, responses: { 200: json(s.MeetingWeekChanged, "The week as it now stands.") }, errors: ADMIN_WRITE_ERRORS,
  },
  { method: "delete", path: "/v1/admin/meetings/{slug}/weeks/{date}", operationId: "adminRestoreMeetingWeek", tag: "Admin: meetings", summary: "Put a week back on the regular schedule", access: "admin", coalitionOnly: true, idempotency: "required", pathParams: { ...slug, date: "The week's scheduled date, YYYY-MM-DD." }, responses: { 200: json(s.MeetingWeekChanged, "The week as it now stands.") }, errors: ADMIN_WRITE_ERRORS },

  // Organizer: stories, people, messages
  { method: "get", path: "/v1/admin/stories", operationId: "adminListStories", tag: "Admin: stories", summary: "The moderation queue", access: "admin", query: [{ name: "status", description: "Only stories in this status.", schema: z.enum(s.STORY_STATUSES) }], responses: { 200: json(s.ModerationListResponse, "The stories.") }, errors: [...ADMIN_READ_ERRORS, 422] },
  { method: "get", path: "/v1/admin/stories/decisions", operationId: "adminStoryDecisions", tag: "Admin: stories", summary: "The moderation history: the last 200 approvals and rejections, newest first, with the key that decided and when", access: "admin", responses: { 200: json(s.StoryDecisionList, "The decisions.") }, errors: ADMIN_READ_ERRORS },
  { method: "post", path: "/v1/admin/stories/{id}/moderation", operationId: "adminModerateStory", tag: "Admin: stories", summary: "Approve or reject a story", access: "admin", idempotency: "optional", pathParams: { id: "The story's id." }, body: { schema: s.ModerateStoryRequest }, responses: { 200: json(s.ModerateStoryResponse, "The story as it now stands.") }, errors: ADMIN_WRITE_ERRORS },
  { method: "get", path: "/v1/admin/people", operationId: "adminExportPerson", tag: "Admin: people", summary: "Everything the coalition holds about one person (a data subject request)", access: "admin", coalitionOnly: true, query: [{ name: "email", description: "The person's email.", required: true }], responses: { 200: json(s.PersonExport, "The person's data.") }, errors: [...ADMIN_READ_ERRORS, 422] },
  { method: "post", path: "/v1/admin/people/erase", operationId: "adminErasePerson", tag: "Admin: people", summary: "Erase one person across the coalition's campaigns", access: "admin", coalitionOnly: true, idempotency: "optional", body: { schema: s.PersonLookup }, responses: { 200: json(s.PersonDeleted, "What was erased.") }, errors: ADMIN_WRITE_ERRORS },
  {
    method: "get", path: "/v1/admin/messages", operationId: "adminListMessages", tag: "Admin: messages", summary: "What was sent, queued or failed, and why", access: "admin", coalitionOnly: true,
    query: [
      { name: "campaign", description: "Only this training series or meeting." },
      { name: "email", description: "Only messages to this address." },
      { name: "status", description: "Only messages in this status.", schema: z.enum(s.MESSAGE_STATUSES) },
    ],
    responses: { 200: json(s.MessageLogResponse, "The messages (addresses masked).") }, errors: [...ADMIN_READ_ERRORS, 422],
  },
  { method: "get", path: "/v1/admin/messages/suppressions", operationId: "adminListSuppressions", tag: "Admin: messages", summary: "Addresses that get no more email", access: "admin", coalitionOnly: true, responses: { 200: json(s.SuppressionList, "The suppression list.") }, errors: ADMIN_READ_ERRORS },
  { method: "get", path: "/v1/admin/messages/suppressions.csv", operationId: "adminExportSuppressions", tag: "Admin: messages", summary: "The suppression list as CSV", access: "admin", coalitionOnly: true, responses: { 200: csv("The suppression list.") }, errors: ADMIN_READ_ERRORS },
  { method: "post", path: "/v1/admin/messages/{id}/resend", operationId: "adminResendMessage", tag: "Admin: messages", summary: "Send a message again", access: "admin", coalitionOnly: true, idempotency: "optional", pathParams: { id: "The message's id." }, responses: { 201: json(s.MessageResent, "The new message.") }, errors: ADMIN_WRITE_ERRORS },
];

/** Routes the app registers that are not part of the API: static files and the reference page itself. */
export const NOT_DOCUMENTED = [
  { method: "GET", path: "/embed/v1/*", why: "widget bundles (static files)" },
  { method: "GET", path: "/admin", why: "redirect to the organizer console" },
  { method: "GET", path: "/admin/*", why: "the organizer console (static files)" },
  { method: "GET", path: "/docs", why: "this reference, as a page" },
  { method: "GET", path: "/docs/scalar.js", why: "the reference page's script (Scalar, from its npm package)" },
] as const;
