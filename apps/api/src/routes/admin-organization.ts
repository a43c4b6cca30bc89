import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { adminWriter, requireAdmin } from "../http/admin-request.js";
import { createPartner, listPartners, patchPartner, rotatePartnerKey } from "../services/partners/admin-partners.js";
import { partnersChanged } from "../services/partners/partner-lookup.js";
import { addSecretKey, listSecretKeys, revokeSecretKey } from "../services/keys/secret-keys.js";
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, rotateWebhookSecret } from "../services/webhooks/webhooks.js";

/** /v1/admin: whose key this is, the coalition's partners (and their key rotations), its secret keys and its webhooks. */
export function adminOrganizationRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();
  const write = adminWriter(db, maxBodyBytes);
  const coalitionOnly = { coalitionOnly: true };
  const noBody = { body: false };
  const optionalBody = { body: "optional" as const };

  app.get("/organization", async (c) => {
    const { slug, name, kind } = await requireAdmin(db, c);
    return c.json({ organization: { slug, name, kind } });
  });

  app.get("/partners", async (c) => c.json({ partners: await listPartners(db, await requireAdmin(db, c, coalitionOnly)) }));
  // Remembered partners are forgotten once the change has committed, so none is re-read stale.
  const thenForget = async (answer: Promise<Response>) => {
    const response = await answer;
    partnersChanged();
    return response;
  };
  app.post("/partners", (c) => thenForget(write(c, "admin:partners:create", coalitionOnly, async (q, admin, data) => ({ status: 201, body: { partner: await createPartner(q, admin, data) } }))));
  app.patch("/partners/:slug", (c) =>
    thenForget(write(c, `admin:partners:patch:${c.req.param("slug")}`, coalitionOnly, async (q, admin, data) => ({ status: 200, body: { partner: await patchPartner(q, admin, c.req.param("slug"), data) } }))),
  );

  // A retried rotation must not rotate twice (the first new key would be lost): it needs an Idempotency-Key.
  app.post("/partners/:slug/rotate-key", (c) =>
    thenForget(
      write(c, `admin:partners:rotate-key:${c.req.param("slug")}`, { ...coalitionOnly, ...optionalBody, requireKey: true }, async (q, admin, data) => ({
        status: 200,
        body: { partner: await rotatePartnerKey(q, admin, c.req.param("slug"), data) },
      })),
    ),
  );

  app.get("/keys", async (c) => c.json({ keys: await listSecretKeys(db, await requireAdmin(db, c)) }));
  app.post("/keys", (c) => write(c, "admin:keys:create", optionalBody, async (q, admin, data) => ({ status: 201, body: await addSecretKey(q, admin, data) })));
  app.delete("/keys/:id", (c) =>
    write(c, `admin:keys:revoke:${c.req.param("id")}`, noBody, async (q, admin) => ({ status: 200, body: { key: await revokeSecretKey(q, admin, c.req.param("id")) } })),
  );

  app.get("/webhooks", async (c) => c.json({ webhooks: await listWebhooks(db, await requireAdmin(db, c)) }));
  app.post("/webhooks", (c) => write(c, "admin:webhooks:create", {}, async (q, admin, data) => ({ status: 201, body: await createWebhook(q, admin, data) })));
  // A retried rotation must not rotate twice (the first new secret would be lost): it needs an Idempotency-Key.
  app.post("/webhooks/:id/rotate-secret", (c) =>
    write(c, `admin:webhooks:rotate-secret:${c.req.param("id")}`, { ...optionalBody, requireKey: true }, async (q, admin, data) => ({
      status: 200,
      body: await rotateWebhookSecret(q, admin, c.req.param("id"), data),
    })),
  );
  app.delete("/webhooks/:id", (c) =>
    write(c, `admin:webhooks:delete:${c.req.param("id")}`, noBody, async (q, admin) => {
      await deleteWebhook(q, admin, c.req.param("id"));
      return { status: 200, body: { deleted: true } };
    }),
  );
  app.get("/webhooks/:id/deliveries", async (c) => c.json({ deliveries: await listDeliveries(db, await requireAdmin(db, c), c.req.param("id")) }));

  return app;
}
