// Organizer calls for tests: a fresh secret key for an organization, and JSON requests with it.
import { createSecretKey } from "../services/keys/secret-keys.js";
import type { Harness } from "./harness.js";

export const COALITION = "ct-fund-our-schools";

export interface Admin {
  key: string;
  get(path: string): Promise<Response>;
  send(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export async function adminFor(h: Harness, organization = COALITION): Promise<Admin> {
  const { key } = await createSecretKey(h.db, organization);
  const auth = { Authorization: `Bearer ${key}` };
  return {
    key,
    get: (path) => fetch(`${h.url}/v1/admin${path}`, { headers: auth }),
    send: (method, path, body, headers = {}) =>
      fetch(`${h.url}/v1/admin${path}`, {
        method,
        headers: { ...auth, ...(body === undefined ? {} : { "Content-Type": "application/json" }), "Idempotency-Key": crypto.randomUUID(), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

export const newPetition = (slug: string, overrides: Record<string, unknown> = {}) => ({
  slug,
  title: "Fund school counselors",
  body: "Every student deserves a counselor.\n\nSign to tell the legislature.",
  target: "Connecticut General Assembly",
  goal: 1000,
  ...overrides,
});
