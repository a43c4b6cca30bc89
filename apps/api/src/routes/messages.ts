import { Hono } from "hono";
import type { Db } from "../db/types.js";
import { readBody } from "../http/body.js";
import { choicePage, donePage } from "../http/html.js";
import { verifyLink } from "../services/platform/signed-links.js";
import { unsubscribe } from "../services/messages/unsubscribe.js";

const TEXT = {
  en: {
    title: "Stop reminders?",
    explain: "You will get no more reminder emails for this. Confirmations and notices of changes still reach you.",
    button: "Stop reminders",
    all: "Stop all email from these organizers",
    done: (title: string) => `You will get no more reminders for ${title}.`,
    doneAll: (coalition: string) => `You will get no more email from ${coalition}.`,
    invalid: "This link is not valid. Use the link in your most recent email.",
  },
  es: {
    title: "¿Dejar de recibir recordatorios?",
    explain: "No recibirás más recordatorios de esto. Las confirmaciones y los avisos de cambios te seguirán llegando.",
    button: "No recibir más recordatorios",
    all: "No recibir ningún correo de estos organizadores",
    done: (title: string) => `No recibirás más recordatorios de ${title}.`,
    doneAll: (coalition: string) => `No recibirás más correos de ${coalition}.`,
    invalid: "Este enlace no es válido. Usa el enlace de tu correo más reciente.",
  },
};
const textFor = (locale: string | undefined) => (locale?.startsWith("es") ? TEXT.es : TEXT.en);

/**
 * /v1/messages/unsubscribe: one-click unsubscribe (RFC 8058). Mail apps POST
 * `List-Unsubscribe=One-Click` to the link; a person who opens it gets a page with one button (a
 * GET never changes anything, so link scanners cannot unsubscribe anyone).
 */
export function messageRoutes(db: Db, maxBodyBytes: number): Hono {
  const app = new Hono();

  app.get("/unsubscribe", async (c) => {
    const token = c.req.query("token") ?? "";
    const id = await verifyLink(db, "unsubscribe", token);
    const locale = id ? (await db.query<{ locale: string }>("select locale from messages where id = $1", [id]))[0]?.locale : undefined;
    const t = textFor(locale);
    c.header("Cache-Control", "no-store");
    if (!id) return c.html(donePage(t.invalid, false), 400);
    return c.html(choicePage(t.title, [t.explain], token, [{ value: "reminders", label: t.button }, { value: "all", label: t.all }], locale?.startsWith("es") ? "es" : "en"));
  });

  app.post("/unsubscribe", async (c) => {
    const body = await readBody(c, maxBodyBytes).catch(() => ({ format: "form" as const, data: {} as Record<string, unknown> }));
    const token = c.req.query("token") ?? (typeof body.data.token === "string" ? body.data.token : "");
    // A mail app's one-click POST (List-Unsubscribe=One-Click) stops reminders; the page's second button stops everything.
    const result = await unsubscribe(db, token, body.data.decision === "all");
    c.header("Cache-Control", "no-store");
    if (!result) return c.html(donePage(TEXT.en.invalid, false), 400);
    const t = textFor(result.locale);
    return c.html(donePage(result.everything ? t.doneAll(result.title) : t.done(result.title), true));
  });

  return app;
}
