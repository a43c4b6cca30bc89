// A loopback OSDI endpoint for tests, written from the OSDI documentation
// (https://opensupporter.github.io/osdi-docs/person_signup.html, people.html): the Person Signup
// Helper (POST /people/) matches a person by email, applies add_tags, and answers 201 with the
// person resource (200 when the person was already there); DELETE on a person resource removes it.
// Every request must carry the API key in the OSDI-API-Token header, as Action Network requires.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface OsdiPerson {
  identifiers: string[];
  given_name?: string;
  family_name?: string;
  email_addresses: { address: string; primary?: boolean; status?: string }[];
  postal_addresses?: { postal_code?: string }[];
  custom_fields: Record<string, string>;
  tags: string[];
}

export interface OsdiEndpoint {
  /** The API entry point to configure a connector with. */
  url: string;
  /** People by their id in this system. */
  people: Map<string, OsdiPerson>;
  /** Every signup helper body received, in order. */
  signups: Record<string, unknown>[];
  deletes: string[];
  /** The key it accepts (change it to make the connector's key wrong). */
  key: string;
  /** Whether DELETE on a person is supported (false: 405, as systems without deletion answer). */
  deletes_supported: boolean;
  close(): Promise<void>;
}

export async function startOsdiEndpoint(key: string): Promise<OsdiEndpoint> {
  let server: Server;
  const endpoint: OsdiEndpoint = { url: "", people: new Map(), signups: [], deletes: [], key, deletes_supported: true, close: () => new Promise((r) => server.close(() => r())) };
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const send = (status: number, body?: unknown) => {
        res.writeHead(status, body === undefined ? {} : { "Content-Type": "application/hal+json" }).end(body === undefined ? undefined : JSON.stringify(body));
      };
      if (req.headers["osdi-api-token"] !== endpoint.key) return send(401, { error: "API Key invalid or not present" });
      const path = new URL(req.url ?? "/", endpoint.url).pathname;
      if (req.method === "POST" && /^\/api\/v2\/people\/?$/.test(path)) {
        let body: { person?: Partial<OsdiPerson>; add_tags?: string[] };
        try {
          body = JSON.parse(raw) as typeof body;
        } catch {
          return send(400, { error: "JSON could not be parsed" });
        }
        const email = body.person?.email_addresses?.[0]?.address;
        if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) return send(400, { error: "You must specify a valid email address" });
        endpoint.signups.push(body as Record<string, unknown>);
        const found = [...endpoint.people.entries()].find(([, p]) => p.email_addresses[0]?.address === email);
        const id = found?.[0] ?? randomUUID();
        const before = found?.[1];
        const person: OsdiPerson = {
          identifiers: [`osdi_test:${id}`],
          ...(before ?? {}),
          ...(body.person?.given_name ? { given_name: body.person.given_name } : {}),
          ...(body.person?.family_name ? { family_name: body.person.family_name } : {}),
          email_addresses: body.person!.email_addresses!,
          ...(body.person?.postal_addresses ? { postal_addresses: body.person.postal_addresses } : {}),
          custom_fields: { ...(before?.custom_fields ?? {}), ...(body.person?.custom_fields ?? {}) },
          tags: [...new Set([...(before?.tags ?? []), ...(body.add_tags ?? [])])],
        };
        endpoint.people.set(id, person);
        return send(found ? 200 : 201, { ...person, _links: { self: { href: `${endpoint.url}/people/${id}` } } });
      }
      const one = /^\/api\/v2\/people\/([0-9a-f-]{36})$/.exec(path);
      if (req.method === "DELETE" && one) {
        if (!endpoint.deletes_supported) return send(405, { error: "Deleting people is not supported" });
        endpoint.deletes.push(one[1]!);
        return endpoint.people.delete(one[1]!) ? send(204) : send(404, { error: "Not found" });
      }
      send(404, { error: "Not found" });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
  return endpoint;
}
