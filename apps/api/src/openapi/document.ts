/**
 * The OpenAPI 3.1 document, generated from the operation table (operations.ts) and the zod schemas
 * the routes validate with: zod 4's own JSON Schema output (draft 2020-12, which OpenAPI 3.1 uses),
 * request bodies as the schema's input and answers as its output. Nothing here is a hand-written copy
 * of a schema.
 */
import * as z from "zod/mini";
import { ApiErrorBody, ERROR_CODES, ERROR_MESSAGES, ERROR_STATUS, IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, PARTNER_KEY_HEADER, PARTNER_KEY_PARAM } from "@coalition-kit/schema";
import * as schemas from "@coalition-kit/schema";
import { KEY_SHAPE } from "../services/platform/idempotency.js";
import { HealthResponse, NotReadyResponse, LinkFormBody, ManageRsvpBody, ManageRsvpSaved, OpenApiDocumentBody, OPERATIONS, type Answer, type Operation } from "./operations.js";

type Json = Record<string, unknown>;
const REF = "#/components/schemas/";

/** Component names: the schema's export name in @coalition-kit/schema (or this module's). */
const NAMED = new Map<unknown, string>([
  ...Object.entries(schemas).map(([name, value]) => [value, name] as [unknown, string]),
  [HealthResponse, "HealthResponse"],
  [NotReadyResponse, "NotReadyResponse"],
  [LinkFormBody, "LinkFormBody"],
  [ManageRsvpBody, "ManageRsvpBody"],
  [ManageRsvpSaved, "ManageRsvpSaved"],
  [OpenApiDocumentBody, "OpenApiDocument"],
]);

function nameOf(schema: z.ZodMiniType): string | undefined {
  return NAMED.get(schema);
}

/** The statuses each error code answers with, grouped: one reusable response per status. */
const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  401: { name: "Unauthorized", description: "The key is missing or not valid (`invalid_key`, `unauthorized`)." },
  403: { name: "OriginNotAllowed", description: "This Origin is not one of the partner's allowed sites (`origin_not_allowed`)." },
  404: { name: "NotFound", description: "No such resource, or not one this key may see (`not_found`)." },
  409: { name: "Conflict", description: "Closed, full, or an Idempotency-Key reused with different details (`petition_closed`, `registration_closed`, `idempotency_conflict`)." },
  413: { name: "PayloadTooLarge", description: "The body is too large (`payload_too_large`)." },
  415: { name: "UnsupportedMediaType", description: "The body is not JSON (or, where accepted, a form) (`unsupported_media_type`)." },
  422: { name: "ValidationFailed", description: "Field-level errors in `error.fields` (`validation_failed`)." },
  429: { name: "RateLimited", description: "Too many requests; see Retry-After (`rate_limited`)." },
  500: { name: "Internal", description: "Something went wrong on the API's side (`internal`)." },
};

const MEDIA: Record<NonNullable<Answer["media"]>, string> = { html: "text/html", csv: "text/csv", ics: "text/calendar", text: "text/plain" };
const TAGS: Record<string, string> = {
  Service: "Health and this document.",
  Petitions: "Read a petition, sign it (widget or no-JS form), and the emailed links about a signature.",
  Trainings: "Training series, registration, waitlists and cancellation.",
  Meetings: "Recurring meetings, RSVPs and the signed manage link.",
  Stories: "Story campaigns, the public wall, submission and withdrawal.",
  Surveys: "Anonymous surveys and their public aggregates.",
  "Calendar feeds": "iCalendar feeds and files (text/calendar).",
  Messages: "Unsubscribe links in emails.",
  "Admin: organization": "Who the key belongs to, partners, secret keys and settings.",
  "Admin: petitions": "The coalition's petitions, their numbers and exports.",
  "Admin: trainings": "Training series, sessions and registrations.",
  "Admin: surveys": "Surveys, results and exports.",
  "Admin: meetings": "Meetings and their weeks.",
  "Admin: stories": "Story moderation.",
  "Admin: people": "Data subject requests: export and erase.",
  "Admin: messages": "The message log and the suppression list.",
  "Admin: webhooks": "Webhook endpoints and deliveries.",
  "Admin: connectors": "Where consented contacts go: webhook endpoints and OSDI endpoints (Action Network) in each organization's own CRM.",
};

/** JSON Schema of the schemas in `list`, as OpenAPI components (referencing each other by name). */
function components(list: Iterable<z.ZodMiniType>, io: "input" | "output"): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const schema of list) registry.add(schema, { id: nameOf(schema)! });
  const { schemas: out } = z.toJSONSchema(registry, { io, target: "draft-2020-12", unrepresentable: "any", uri: (id) => REF + id }) as { schemas: Record<string, Json> };
  for (const value of Object.values(out)) {
    delete value.$schema;
    delete value.$id;
  }
  return out;
}

/** An inline JSON Schema (query parameters). */
function inline(schema: z.ZodMiniType): Json {
  const out = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }) as Json;
  delete out.$schema;
  return out;
}

const ref = (schema: z.ZodMiniType): Json => ({ $ref: REF + nameOf(schema) });

function security(op: Operation): Json[] {
  if (op.access === "read") return [{}, { PartnerKeyQuery: [] }, { PartnerKey: [] }];
  if (op.access === "partner-write") return [{ PartnerKey: [] }];
  if (op.access === "admin") return [{ SecretKey: [] }];
  return [];
}

function answer(op: Operation, status: number, a: Answer): Json {
  const headers = op.method !== "get" && status < 300 && (op.access === "partner-write" || op.idempotency) ? { [IDEMPOTENT_REPLAYED_HEADER]: { $ref: "#/components/headers/IdempotentReplayed" } } : undefined;
  if (a.redirect) return { description: a.description, headers: { Location: { description: "Where to go next.", schema: { type: "string" } } } };
  if (a.media) return { description: a.description, content: { [MEDIA[a.media]]: { schema: { type: "string" } } } };
  return { description: a.description, ...(headers ? { headers } : {}), content: { "application/json": { schema: ref(a.json!) } } };
}

function operation(op: Operation): Json {
  const parameters: Json[] = [];
  for (const [name, description] of Object.entries(op.pathParams ?? {})) parameters.push({ name, in: "path", required: true, description, schema: { type: "string" } });
  for (const q of op.query ?? []) parameters.push({ name: q.name, in: "query", required: q.required ?? false, description: q.description, schema: q.schema ? inline(q.schema) : { type: "string" } });
  if (op.access === "partner-write") parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
  if (op.idempotency) parameters.push({ $ref: op.idempotency === "required" ? "#/components/parameters/IdempotencyKeyRequired" : "#/components/parameters/IdempotencyKey" });
  parameters.push({ $ref: "#/components/parameters/AcceptLanguage" });

  const responses: Json = {};
  for (const [status, a] of Object.entries(op.responses)) responses[status] = answer(op, Number(status), a);
  if (op.access === "read") responses["304"] = { description: "Not modified (the ETag in If-None-Match still holds)." };
  for (const status of op.errors) responses[String(status)] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` };
  responses["500"] = { $ref: "#/components/responses/Internal" };

  let requestBody: Json | undefined;
  if (op.body) {
    const content: Json = {};
    if (op.body.csv) content["text/csv"] = { schema: ref(op.body.schema) };
    else if (!op.body.formOnly) content["application/json"] = { schema: ref(op.body.schema) };
    if (op.body.form || op.body.formOnly) content["application/x-www-form-urlencoded"] = { schema: ref(op.body.schema) };
    requestBody = { required: !op.body.formOnly && !op.body.optional, content, ...(op.body.description ? { description: op.body.description } : {}) };
  }
  const notes = [op.description, op.coalitionOnly ? "Only a coalition's secret key; a partner's key is answered 404." : undefined].filter(Boolean).join("\n\n");
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(notes ? { description: notes } : {}),
    security: security(op),
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: Json;
  servers: Json[];
  tags: Json[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; [key: string]: unknown };
}

/** The whole document, with `serverUrl` as its one server. */
export function openApiDocument(serverUrl: string): OpenApiDocument {
  const requests = new Set<z.ZodMiniType>();
  const answers = new Set<z.ZodMiniType>([ApiErrorBody]);
  for (const op of OPERATIONS) {
    if (op.body) requests.add(op.body.schema);
    for (const a of Object.values(op.responses)) if (a.json) answers.add(a.json);
  }
  for (const op of OPERATIONS) {
    for (const schema of [op.body?.schema, ...Object.values(op.responses).map((a) => a.json)]) if (schema && !nameOf(schema)) throw new Error(`${op.operationId}: a schema without an exported name.`);
  }
  const requestSchemas = components(requests, "input");
  const answerSchemas = components(answers, "output");
  for (const name of Object.keys(requestSchemas)) if (name in answerSchemas) throw new Error(`${name} is both a request and an answer schema.`);

  const paths: OpenApiDocument["paths"] = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operation(op);

  const errorResponses: Json = {};
  for (const { name, description } of Object.values(ERROR_RESPONSES)) errorResponses[name] = { description, content: { "application/json": { schema: { $ref: `${REF}ApiErrorBody` } } } };
  const codes = ERROR_CODES.map((code) => `| \`${code}\` | ${ERROR_STATUS[code]} | ${ERROR_MESSAGES[code]} |`).join("\n");

  return {
    openapi: "3.1.0",
    info: {
      title: "Coalition Kit API",
      version: "1",
      license: { name: "MIT", identifier: "MIT" },
      description: [
        "The reference API behind the Coalition Kit widgets and SDK: petitions, trainings, meetings, stories and surveys for partner pages, and the organizer (admin) API.",
        "Partner reads may carry the publishable key as `?key=pk_...` (no preflight, cacheable); writes send it as `X-Partner-Key` from one of the partner's allowed Origins, with an `Idempotency-Key`. Organizer calls send `Authorization: Bearer sk_...`.",
        `Every error answers \`{ "error": { "code", "message", "fields"? } }\`:\n\n| code | status | default message |\n| --- | --- | --- |\n${codes}`,
      ].join("\n\n"),
    },
    servers: [{ url: serverUrl }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: { ...requestSchemas, ...answerSchemas },
      responses: errorResponses,
      parameters: {
        IdempotencyKey: { name: IDEMPOTENCY_KEY_HEADER, in: "header", required: false, description: "One key per write (8 to 200 visible ASCII characters): a retry with the same key gets the stored answer, never a second write.", schema: { type: "string", pattern: KEY_SHAPE.source } },
        IdempotencyKeyRequired: { name: IDEMPOTENCY_KEY_HEADER, in: "header", required: true, description: "Required: this write emails people, so a retry must never send twice.", schema: { type: "string", pattern: KEY_SHAPE.source } },
        AcceptLanguage: { name: "Accept-Language", in: "header", required: false, description: "Language of messages and texts: `en` (default) or `es`.", schema: { type: "string" } },
      },
      headers: {
        IdempotentReplayed: { description: "`true` when this answer is replayed from an earlier write with the same Idempotency-Key.", schema: { type: "string", enum: ["true"] } },
      },
      securitySchemes: {
        PartnerKey: { type: "apiKey", in: "header", name: PARTNER_KEY_HEADER, description: "A partner's publishable key (`pk_...`), accepted only from the partner's allowed Origins." },
        PartnerKeyQuery: { type: "apiKey", in: "query", name: PARTNER_KEY_PARAM, description: "The same publishable key on a read, as `?key=pk_...`." },
        SecretKey: { type: "http", scheme: "bearer", bearerFormat: "sk_...", description: "An organizer's secret key (servers and the console only; never in a web page)." },
      },
    },
  };
}
