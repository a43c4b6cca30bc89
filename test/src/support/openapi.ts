// Every answer a contract test gets, checked against the API's own OpenAPI document: the operation
// (method + path template), a documented status, and the body against that response's JSON Schema
// (ajv, draft 2020-12, the dialect of OpenAPI 3.1).
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface MediaType {
  schema?: { $ref?: string };
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
}
interface OpenApi {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, ResponseObject> }>>;
  components: { responses: Record<string, ResponseObject> };
}

/** A fetch that checks each answer, and what it found. */
export interface ResponseChecker {
  fetch: typeof fetch;
  /** "operationId status" of every answer checked. */
  checked: string[];
  /** Every answer that does not match the document, with why. */
  problems: string[];
}

/** Concrete paths before templated ones, so /v1/stories/withdraw is not read as /v1/stories/{campaign}. */
function matchers(doc: OpenApi) {
  return Object.keys(doc.paths)
    .map((template) => ({ template, params: (template.match(/\{/g) ?? []).length, re: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`) }))
    .sort((a, b) => a.params - b.params);
}

/** Load the document the API at `apiUrl` serves, and a fetch that checks every answer against it. */
export async function responseChecker(apiUrl: string): Promise<ResponseChecker> {
  const doc = (await (await fetch(`${apiUrl}/v1/openapi.json`)).json()) as OpenApi;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "openapi.json", components: (doc as unknown as { components: unknown }).components });
  const validators = new Map<string, ValidateFunction>();
  const validator = (ref: string) => {
    let v = validators.get(ref);
    if (!v) validators.set(ref, (v = ajv.compile({ $ref: `openapi.json${ref}` })));
    return v;
  };
  const paths = matchers(doc);
  const checked: string[] = [];
  const problems: string[] = [];

  async function check(method: string, url: URL, response: Response) {
    const template = paths.find((p) => p.re.test(url.pathname))?.template;
    const op = template ? doc.paths[template]?.[method.toLowerCase()] : undefined;
    const where = `${method} ${url.pathname} -> ${response.status}`;
    if (!template || !op) return void problems.push(`${where}: no such operation in the document`);
    let answer = op.responses[String(response.status)];
    if (answer?.$ref) answer = doc.components.responses[answer.$ref.split("/").pop()!];
    if (!answer) return void problems.push(`${where}: status not documented for ${op.operationId}`);
    checked.push(`${op.operationId} ${response.status}`);
    const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    if (!answer.content) return;
    const media = answer.content[type];
    if (!media) return void problems.push(`${where}: ${type || "no content type"} is not documented (${Object.keys(answer.content).join(", ")})`);
    if (type !== "application/json" || !media.schema?.$ref) return;
    const validate = validator(media.schema.$ref);
    const body: unknown = await response.json();
    if (!validate(body)) problems.push(`${where} (${op.operationId}): ${ajv.errorsText(validate.errors, { separator: "; " })}`);
  }

  const checking: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = init?.method ?? request?.method ?? "GET";
    const url = new URL(request ? request.url : String(input));
    const response = await fetch(input, init);
    await check(method, url, response.clone());
    return response;
  };
  return { fetch: checking, checked, problems };
}
