import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import * as vocabulary from "@coalition-kit/schema/rules";
import * as schema from "@coalition-kit/schema";
import { EMAIL_MESSAGE, ERROR_MESSAGES, ZIP_MESSAGE } from "@coalition-kit/schema";
import { spanishFor } from "@coalition-kit/schema/messages/es";
import { DB_LABEL, SLUG, signer, startHarness, type Harness } from "../testing/harness.js";

const SIGN = `/v1/petitions/${SLUG}/signatures`;
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

describe(`errors in the asker's language (${DB_LABEL})`, () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.stop());

  test("Accept-Language: es gets the same field errors in Spanish, and nothing is stored", async () => {
    const before = await h.count();
    const bad = signer({ email: "not-an-email", zip: "12", firstName: "" });
    const en = (await (await h.post(SIGN, bad, { "Idempotency-Key": crypto.randomUUID() })).json()) as ErrorBody;
    const res = await h.post(SIGN, bad, { "Accept-Language": "es-MX,es;q=0.9,en;q=0.5", "Idempotency-Key": crypto.randomUUID() });
    assert.equal(res.status, 422);
    assert.equal(res.headers.get("content-language"), "es");
    const es = (await res.json()) as ErrorBody;
    assert.deepEqual(Object.keys(es.error.fields ?? {}).sort(), Object.keys(en.error.fields ?? {}).sort());
    assert.equal(en.error.fields?.email, EMAIL_MESSAGE);
    assert.equal(es.error.fields?.email, "Escribe un correo electrónico válido, como nombre@ejemplo.org.");
    assert.equal(en.error.fields?.zip, ZIP_MESSAGE);
    assert.equal(es.error.fields?.zip, "Escribe un código postal de 5 dígitos.");
    assert.equal(es.error.fields?.firstName, "Escribe tu nombre.");
    assert.equal(es.error.message, "Corrige los campos marcados.");
    assert.equal(await h.count(), before);
  });

  test("English stays the default, also for languages we do not speak", async () => {
    const res = await h.post(SIGN, signer({ zip: "x" }), { "Accept-Language": "fr-FR,de;q=0.8", "Idempotency-Key": crypto.randomUUID() });
    assert.equal(((await res.json()) as ErrorBody).error.fields?.zip, ZIP_MESSAGE);
    assert.equal(res.headers.get("content-language"), "en");
  });

  test("unknown routes and bad partner keys answer in Spanish too", async () => {
    const missing = await fetch(`${h.url}/v1/nope`, { headers: { "Accept-Language": "es" } });
    assert.equal(((await missing.json()) as ErrorBody).error.message, "No encontramos eso.");
    const badKey = await h.post(SIGN, signer(), { "X-Partner-Key": "pk_nope", "Accept-Language": "es" });
    assert.equal(((await badKey.json()) as ErrorBody).error.message, "La clave de socio de esta página falta o no es válida.");
  });

  test("every text-field message has Spanish, including lengths", () => {
    for (const en of ["Enter your last name.", "Last name must be at most 80 characters.", "School or district must be at most 120 characters.", "Keep your answer under 200 characters.", "Enter a title."]) {
      const es = spanishFor(en);
      assert.ok(es && es !== en, `no Spanish for "${en}"`);
    }
    assert.equal(spanishFor("Last name must be at most 80 characters."), "El apellido tiene como máximo 80 caracteres.");
  });

  test("every message constant and error-code message of the contract has Spanish", () => {
    const english = [
      ...Object.values(ERROR_MESSAGES),
      ...Object.entries(vocabulary).filter(([name, v]) => /_MESSAGE$|^NAME_REQUIRED|^UNDER_13|^REQUIRED_ANSWER|^CHOOSE_FROM|^PUBLISH_CONSENT/.test(name) && typeof v === "string").map(([, v]) => v as string),
      // Attendance's messages (attendance.ts) are the console's and the API's too.
      ...Object.entries(schema).filter(([name, v]) => /^(ATTENDANCE|ATTENDED|COMPLETION)_\w*MESSAGE$/.test(name) && typeof v === "string").map(([, v]) => v as string),
    ];
    assert.ok(english.length >= 20, `only ${english.length} messages found`);
    for (const en of english) assert.ok(spanishFor(en), `no Spanish for "${en}"`);
  });
});
