import {
  AdminOrganizationResponse,
  AdminPartnerList,
  AdminPartnerResponse,
  AdminPetitionDetail,
  AdminPetitionList,
  ModerateStoryResponse,
  ModerationListResponse,
  PartnerInput,
  PartnerKeyRotation,
  WebhookSecretRotation,
  PartnerPatch,
  PersonDeleted,
  PersonExport,
  PetitionInput,
  PetitionPatch,
  SecretKeyCreated,
  SecretKeyInput,
  SecretKeyList,
  SurveyResults,
  WebhookCreated,
  WebhookDeliveryList,
  WebhookInput,
  WebhookList,
  fieldErrors,
  AdminPetitionResponse,
  AdminMeetingList,
  AdminRegistrationList,
  AdminSaved,
  AdminSurveyList,
  AdminTrainingList,
  AdminTrainingSeriesDetail,
  AdminMeetingDetail,
  AdminSurveyDetail,
  MeetingInput,
  MeetingWeekChange,
  MeetingWeekChanged,
  SurveyInput,
  TrainingSeriesInput,
  TrainingSessionChanged,
  TrainingSessionPatch,
  SecretKeyResponse,
  WebhookDeleted,
  MessageLogResponse,
  MessageResent,
  SuppressionList,
  AdminSettingsResponse,
  SettingsPatch,
  AttendanceMark,
  AttendanceMarked,
  AttendanceRoster,
  AttendanceUploaded,
  ConnectorCreated,
  ConnectorDeleted,
  ConnectorDeliveryList,
  ConnectorInput,
  ConnectorKeyInput,
  ConnectorList,
  ConnectorResponse,
  ConnectorTodoList,
  StoryDecisionList,
  type MessageStatus,
  type AdminOrganization,
  type ModerateStoryRequest,
} from "@coalition-kit/schema";
import { ERROR_MESSAGES } from "@coalition-kit/schema/rules";
import { CkApiError } from "../errors.js";
import { createHttp, TextBody, type ClientOptions, type Parser } from "../http.js";
import { newIdempotencyKey } from "../idempotency.js";

export interface AdminClientOptions extends Omit<ClientOptions, "partnerKey" | "secretKey"> {
  /** The organization's secret key (`sk_...`). Keep it on a server or in the organizer console only. */
  secretKey: string;
}

/** Write options: pass the same key to retry a write safely (generated when omitted). */
export interface WriteOptions {
  idempotencyKey?: string;
}

/** Check input with the API's own schema first: the same field messages, without a request. */
function checked<T>(schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrors>[0] } }, input: unknown): void {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new CkApiError({ code: "validation_failed", status: 422, message: ERROR_MESSAGES.validation_failed, fields: fieldErrors(parsed.error) });
}

/** The organizer API: petitions, partners, keys, webhooks, moderation, results, people requests and privacy settings. */
export function createAdminClient(options: AdminClientOptions) {
  const http = createHttp(options);
  const enc = encodeURIComponent;
  const write = async <T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body: unknown, parser: Parser<T>, o: WriteOptions = {}) =>
    (await http.send(method, path, body, parser, o.idempotencyKey ?? newIdempotencyKey())).data;

  return {
    baseUrl: options.baseUrl,
    /** Whose key this is. */
    organization: async (): Promise<AdminOrganization> => (await http.get("v1/admin/organization", AdminOrganizationResponse)).organization,
    petitions: {
      list: async () => (await http.get("v1/admin/petitions", AdminPetitionList)).petitions,
      get: (slug: string) => http.get(`v1/admin/petitions/${enc(slug)}`, AdminPetitionDetail),
      async create(input: PetitionInput, o?: WriteOptions) {
        checked(PetitionInput, input);
        return (await write("POST", "v1/admin/petitions", input, AdminPetitionResponse, o)).petition;
      },
      async update(slug: string, patch: PetitionPatch, o?: WriteOptions) {
        checked(PetitionPatch, patch);
        return (await write("PATCH", `v1/admin/petitions/${enc(slug)}`, patch, AdminPetitionResponse, o)).petition;
      },
      /** The signatures CSV as a streaming response (`await res.text()`, or pipe `res.body`). */
      exportCsv: (slug: string) => http.raw(`v1/admin/petitions/${enc(slug)}/signatures.csv`),
    },
    partners: {
      list: async () => (await http.get("v1/admin/partners", AdminPartnerList)).partners,
      async create(input: PartnerInput, o?: WriteOptions) {
        checked(PartnerInput, input);
        return (await write("POST", "v1/admin/partners", input, AdminPartnerResponse, o)).partner;
      },
      async update(slug: string, patch: PartnerPatch, o?: WriteOptions) {
        checked(PartnerPatch, patch);
        return (await write("PATCH", `v1/admin/partners/${enc(slug)}`, patch, AdminPartnerResponse, o)).partner;
      },
      /**
       * A new publishable key, working at once; the old one keeps working for `overlapHours`
       * (default 24, at most 168; 0 stops it now). The answer shows both keys and when the old one stops.
       * Retry with the same `idempotencyKey` to get the same new key back.
       */
      async rotateKey(slug: string, input: PartnerKeyRotation = {}, o?: WriteOptions) {
        checked(PartnerKeyRotation, input);
        return (await write("POST", `v1/admin/partners/${enc(slug)}/rotate-key`, input, AdminPartnerResponse, o)).partner;
      },
    },
    keys: {
      list: async () => (await http.get("v1/admin/keys", SecretKeyList)).keys,
      /** A new secret key, read-write unless `{ scope: "read_only" }`: `secret` is shown only in this answer. */
      async create(input: SecretKeyInput = {}, o?: WriteOptions) {
        checked(SecretKeyInput, input);
        return write("POST", "v1/admin/keys", input, SecretKeyCreated, o);
      },
      revoke: async (id: string, o?: WriteOptions) => (await write("DELETE", `v1/admin/keys/${enc(id)}`, undefined, SecretKeyResponse, o)).key,
    },
    webhooks: {
      list: async () => (await http.get("v1/admin/webhooks", WebhookList)).webhooks,
      /** A new endpoint: `secret` (for verifying signatures) is shown only in this answer. */
      async create(input: WebhookInput, o?: WriteOptions) {
        checked(WebhookInput, input);
        return write("POST", "v1/admin/webhooks", input, WebhookCreated, o);
      },
      /**
       * A new signing secret (shown only in this answer) that signs every delivery from now on; the
       * old one also signs them for `overlapHours` (default 24, at most 168; 0: not at all), so the
       * receiver can switch without a gap. Retry with the same `idempotencyKey` to get the same secret back.
       */
      async rotateSecret(id: string, input: WebhookSecretRotation = {}, o?: WriteOptions) {
        checked(WebhookSecretRotation, input);
        return write("POST", `v1/admin/webhooks/${enc(id)}/rotate-secret`, input, WebhookCreated, o);
      },
      remove: async (id: string, o?: WriteOptions) => (await write("DELETE", `v1/admin/webhooks/${enc(id)}`, undefined, WebhookDeleted, o)).deleted,
      deliveries: async (id: string) => (await http.get(`v1/admin/webhooks/${enc(id)}/deliveries`, WebhookDeliveryList)).deliveries,
    },
    /** Where consented contacts go: webhook endpoints and OSDI endpoints (Action Network) in the organization's own CRM. */
    connectors: {
      list: async () => (await http.get("v1/admin/connectors", ConnectorList)).connectors,
      /** `kind: "osdi"`: the API's address, its key (stored encrypted, never shown again) and tags; `kind: "webhook"`: `secret` is shown only in this answer. */
      async create(input: ConnectorInput, o?: WriteOptions) {
        checked(ConnectorInput, input);
        return write("POST", "v1/admin/connectors", input, ConnectorCreated, o);
      },
      /** A new API key for an OSDI connector; one paused by a refused key resumes and delivers what waited. */
      async replaceKey(id: string, input: ConnectorKeyInput, o?: WriteOptions) {
        checked(ConnectorKeyInput, input);
        return (await write("PUT", `v1/admin/connectors/${enc(id)}/key`, input, ConnectorResponse, o)).connector;
      },
      remove: async (id: string, o?: WriteOptions) => (await write("DELETE", `v1/admin/connectors/${enc(id)}`, undefined, ConnectorDeleted, o)).deleted,
      deliveries: async (id: string) => (await http.get(`v1/admin/connectors/${enc(id)}/deliveries`, ConnectorDeliveryList)).deliveries,
      /** Erasures the CRM could not carry out itself, to do by hand. */
      todos: async (id: string) => (await http.get(`v1/admin/connectors/${enc(id)}/todos`, ConnectorTodoList)).todos,
    },
    trainings: {
      /** Every series with each session's seats taken and waitlist. */
      list: async () => (await http.get("v1/admin/trainings", AdminTrainingList)).series,
      /** One series as saved, in the shape `save` takes (sessions with leaders and partner slugs), to edit it. */
      get: (slug: string) => http.get(`v1/admin/trainings/${enc(slug)}`, AdminTrainingSeriesDetail),
      registrations: async (series: string) => (await http.get(`v1/admin/trainings/${enc(series)}/registrations`, AdminRegistrationList)).registrations,
      /** Create or change a series and its sessions (sessions are matched by `key`). */
      async save(slug: string, input: TrainingSeriesInput, o?: WriteOptions) {
        checked(TrainingSeriesInput, input);
        return write("PUT", `v1/admin/trainings/${enc(slug)}`, input, AdminSaved, o);
      },
      /**
       * Move one session, or change its place, link or format (send only what changes). Registrants
       * and the waitlist are emailed; reminders follow. Answers `{ session, notified }`.
       */
      async changeSession(series: string, key: string, input: TrainingSessionPatch, o?: WriteOptions) {
        checked(TrainingSessionPatch, input);
        return write("PATCH", `v1/admin/trainings/${enc(series)}/sessions/${enc(key)}`, input, TrainingSessionChanged, o);
      },
      /** Cancel one session for good: everyone registered or waitlisted is told, reminders stop. Answers `{ session, notified }`. */
      cancelSession: (series: string, key: string, o?: WriteOptions) =>
        write("PATCH", `v1/admin/trainings/${enc(series)}/sessions/${enc(key)}`, { status: "cancelled" }, TrainingSessionChanged, o),
    },
    attendance: {
      /** A session's registrants (seats held), each with their mark (null: not marked) and progress in the series; `open`: marks are taken. */
      roster: (series: string, key: string) => http.get(`v1/admin/trainings/${enc(series)}/sessions/${enc(key)}/attendance`, AttendanceRoster),
      /** Mark whether one registrant (by the roster's `registration` id) attended, once the session has started. Answers the entry as now marked. */
      async mark(series: string, key: string, registration: string, input: AttendanceMark, o?: WriteOptions) {
        checked(AttendanceMark, input);
        return (await write("PUT", `v1/admin/trainings/${enc(series)}/sessions/${enc(key)}/attendance/${enc(registration)}`, input, AttendanceMarked, o)).entry;
      },
      /**
       * Mark attendance from a CSV (columns `email` and `attended`, yes/no): every good row is stored,
       * and each bad row comes back as `{ row, error }` (the header is row 1). Answers `{ marked, rows }`.
       */
      upload: (series: string, key: string, csv: string, o?: WriteOptions) =>
        write("POST", `v1/admin/trainings/${enc(series)}/sessions/${enc(key)}/attendance.csv`, new TextBody(csv, "text/csv"), AttendanceUploaded, o),
      /** Every registration of the series as CSV: its attendance mark and the person's sessions attended, held, in all, and completed. */
      exportCsv: (series: string) => http.raw(`v1/admin/trainings/${enc(series)}/registrations.csv`),
    },
    meetings: {
      /** Each meeting's next occurrences with yes / maybe / no counts. */
      list: async () => (await http.get("v1/admin/meetings", AdminMeetingList)).meetings,
      /** One meeting as saved, in the shape `save` takes, with its breaks and one-week changes (send those back: `save` replaces them). */
      get: (slug: string) => http.get(`v1/admin/meetings/${enc(slug)}`, AdminMeetingDetail),
      async save(slug: string, input: MeetingInput, o?: WriteOptions) {
        checked(MeetingInput, input);
        return write("PUT", `v1/admin/meetings/${enc(slug)}`, input, AdminSaved, o);
      },
      /**
       * Set one week's exception (by its scheduled date): move it, meet another way or elsewhere, or
       * add a note; replaces any earlier exception. Everyone who said yes is emailed; reminders follow.
       */
      async changeWeek(slug: string, date: string, input: MeetingWeekChange, o?: WriteOptions) {
        checked(MeetingWeekChange, input);
        return write("PUT", `v1/admin/meetings/${enc(slug)}/weeks/${enc(date)}`, input, MeetingWeekChanged, o);
      },
      /** Cancel one week for good (a note may say why); everyone who said yes is told. */
      async cancelWeek(slug: string, date: string, note?: string, o?: WriteOptions) {
        const input: MeetingWeekChange = note ? { cancelled: true, note } : { cancelled: true };
        checked(MeetingWeekChange, input);
        return write("PUT", `v1/admin/meetings/${enc(slug)}/weeks/${enc(date)}`, input, MeetingWeekChanged, o);
      },
      /** Undo one week's exception: it meets at the regular time and place again (a cancelled week stays cancelled). */
      restoreWeek: (slug: string, date: string, o?: WriteOptions) => write("DELETE", `v1/admin/meetings/${enc(slug)}/weeks/${enc(date)}`, undefined, MeetingWeekChanged, o),
    },
    stories: {
      /** The moderation queue; `status` defaults to pending. */
      list: async (status?: "pending" | "approved" | "rejected" | "withdrawn") => (await http.get(`v1/admin/stories${status ? `?status=${status}` : ""}`, ModerationListResponse)).stories,
      moderate: async (id: string, decision: ModerateStoryRequest, o?: WriteOptions) => (await write("POST", `v1/admin/stories/${enc(id)}/moderation`, decision, ModerateStoryResponse, o)).story,
      /** The moderation history: the last 200 approvals and rejections, newest first, with who decided (the key's prefix) and when. */
      decisions: async () => (await http.get("v1/admin/stories/decisions", StoryDecisionList)).decisions,
    },
    surveys: {
      list: async () => (await http.get("v1/admin/surveys", AdminSurveyList)).surveys,
      /** One survey as saved, in the shape `save` takes (variants with their questions), to edit it. */
      get: (slug: string) => http.get(`v1/admin/surveys/${enc(slug)}`, AdminSurveyDetail),
      async save(slug: string, input: SurveyInput, o?: WriteOptions) {
        checked(SurveyInput, input);
        return write("PUT", `v1/admin/surveys/${enc(slug)}`, input, AdminSaved, o);
      },
      /**
       * Aggregated results, also of surveys whose results are not public; with `session`, only the
       * feedback given for that training session (small groups withheld as always).
       */
      results: (slug: string, variant?: string, session?: string) => {
        const query = new URLSearchParams({ ...(variant ? { variant } : {}), ...(session ? { session } : {}) }).toString();
        return http.get(`v1/admin/surveys/${enc(slug)}/results${query ? `?${query}` : ""}`, SurveyResults);
      },
      exportCsv: (slug: string) => http.raw(`v1/admin/surveys/${enc(slug)}/responses.csv`),
    },
    messages: {
      /** Emails sent, queued or failed (with why), newest first; filter by series or meeting slug, a person's email, or status. */
      list: async (filters: { campaign?: string; email?: string; status?: MessageStatus } = {}) => {
        const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "")).toString();
        return (await http.get(`v1/admin/messages${query ? `?${query}` : ""}`, MessageLogResponse)).messages;
      },
      /** The coalition's suppression list: addresses that stopped all email or were refused for good. */
      suppressions: async () => (await http.get("v1/admin/messages/suppressions", SuppressionList)).suppressions,
      /** The suppression list as CSV (a streaming response). */
      exportSuppressions: () => http.raw("v1/admin/messages/suppressions.csv"),
      /** Send one message again now, composed from current data (the original log line stays). */
      resend: async (id: string, o?: WriteOptions) => (await write("POST", `v1/admin/messages/${enc(id)}/resend`, undefined, MessageResent, o)).id,
    },
    settings: {
      /** The retention period, the organizer digest, and when the purge and the digest run next. */
      get: async () => (await http.get("v1/admin/settings", AdminSettingsResponse)).settings,
      /** Change the retention period (months, 1–120) or the digest (on/off, staff addresses, language). */
      async update(patch: SettingsPatch, o?: WriteOptions) {
        checked(SettingsPatch, patch);
        return (await write("PATCH", "v1/admin/settings", patch, AdminSettingsResponse, o)).settings;
      },
    },
    people: {
      /** Everything the coalition holds about one person (data subject access request). */
      export: (email: string) => http.get(`v1/admin/people?email=${enc(email)}`, PersonExport),
      /** Erase one person across every campaign (data subject deletion request). */
      erase: (email: string, o?: WriteOptions) => write("POST", "v1/admin/people/erase", { email }, PersonDeleted, o),
    },
  };
}

export type AdminClient = ReturnType<typeof createAdminClient>;
