import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { adminWriter, requireAdmin } from "../http/admin-request.js";
import { createPetition, listPetitions, patchPetition, petitionDetail } from "../services/petitions/admin-petitions.js";
import { SIGNATURE_LAYOUTS, signatureCsv, type SignatureLayout } from "../services/petitions/signature-export.js";
import { validationError } from "../services/errors.js";

/** /v1/admin/petitions: a coalition's petitions, their numbers, and signature exports. */
export function adminPetitionRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();
  const write = adminWriter(db, maxBodyBytes);
  const coalitionOnly = { coalitionOnly: true };

  app.get("/", async (c) => c.json({ petitions: await listPetitions(db, await requireAdmin(db, c, coalitionOnly)) }));
  app.post("/", (c) => write(c, "admin:petitions:create", coalitionOnly, async (q, admin, data) => ({ status: 201, body: { petition: await createPetition(q, admin, data) } })));
  app.get("/:slug", async (c) => c.json(await petitionDetail(db, await requireAdmin(db, c, coalitionOnly), c.req.param("slug"))));
  app.patch("/:slug", (c) =>
    write(c, `admin:petitions:patch:${c.req.param("slug")}`, coalitionOnly, async (q, admin, data) => ({ status: 200, body: { petition: await patchPetition(q, admin, c.req.param("slug"), data) } })),
  );

  // Streams: memory stays flat for any number of signatures. A partner's key gets its own opt-ins.
  app.get("/:slug/signatures.csv", async (c) => {
    // ?layout=osdi: the columns Action Network's CSV import reads, with only the people who agreed to hear from this organization.
    const layout = c.req.query("layout") ?? "standard";
    if (!(SIGNATURE_LAYOUTS as readonly string[]).includes(layout)) throw validationError({ layout: "Choose the standard or osdi layout." });
    const { filename, stream } = await signatureCsv(db, await requireAdmin(db, c), c.req.param("slug"), layout as SignatureLayout);
    return c.body(stream, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
    });
  });

  return app;
}
