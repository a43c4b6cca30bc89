/**
 * Minimal HTML pages: the no-JavaScript form fallback and the pages behind emailed links. Every
 * dynamic value is escaped; the one stylesheet is allowed by its hash in the pages' CSP
 * (pageSecurityHeaders), and nothing else may load or run.
 */
import { createHash } from "node:crypto";

/** The only style on the API's pages. */
export const PAGE_CSS =
  "body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5}form.choice{display:inline-block;margin:0 .5rem .5rem 0}button[aria-pressed=true]{font-weight:bold}";
const PAGE_CSS_HASH = createHash("sha256").update(PAGE_CSS).digest("base64");

/** The Content-Security-Policy of every HTML page the API itself serves: its own stylesheet, forms posting back to it, nothing else. */
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${PAGE_CSS_HASH}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

/** The head of every page: charset, viewport, title and the stylesheet. */
export function pageHead(title: string): string {
  return `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${PAGE_CSS}</style></head>`;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

function page(title: string, inner: string, lang = "en"): string {
  return `<!doctype html><html lang="${lang === "es" ? "es" : "en"}">${pageHead(title)}<body>${inner}</body></html>`;
}

export function thankYouPage(alreadySigned: boolean, backUrl: string | undefined): string {
  const heading = alreadySigned ? "You've already signed this petition. Thank you!" : "Thank you for adding your name!";
  const back = backUrl ? `<p><a href="${escapeHtml(backUrl)}">Go back</a></p>` : "";
  return page(heading, `<h1>${escapeHtml(heading)}</h1>${back}`);
}

export function errorPage(message: string, fields: Record<string, string> | undefined, backUrl: string | undefined): string {
  const items = Object.values(fields ?? {}).map((m) => `<li>${escapeHtml(m)}</li>`).join("");
  const back = backUrl ? `<p><a href="${escapeHtml(backUrl)}">Go back and try again</a></p>` : "<p>Use your browser's back button to try again.</p>";
  return page("Please check your details", `<h1>Please check your details</h1><p>${escapeHtml(message)}</p>${items ? `<ul>${items}</ul>` : ""}${back}`);
}

/** A GET on an emailed link only shows this: the change happens on the POST it sends. */
export function confirmPage(title: string, explanation: string, token: string, button: string): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(explanation)}</p>
     <form method="post"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">${escapeHtml(button)}</button></form>`,
  );
}

export function donePage(message: string, ok: boolean): string {
  return page(ok ? "Done" : "This link did not work", `<h1>${escapeHtml(message)}</h1>`);
}

/**
 * A page with several answers to one emailed link (a guardian's consent or refusal): each button
 * POSTs the token with its own `decision`. Nothing changes on the GET that shows it.
 */
export function choicePage(title: string, paragraphs: string[], token: string, choices: Array<{ value: string; label: string }>, lang = "en"): string {
  const forms = choices
    .map((c) => `<form method="post" class="choice"><input type="hidden" name="token" value="${escapeHtml(token)}"><input type="hidden" name="decision" value="${escapeHtml(c.value)}"><button type="submit">${escapeHtml(c.label)}</button></form>`)
    .join("");
  return page(title, `<h1>${escapeHtml(title)}</h1>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}${forms}`, lang);
}

/** The outcome of an emailed link, in the person's language. */
export function outcomePage(message: string, ok: boolean, lang = "en"): string {
  const title = ok ? (lang === "es" ? "Listo" : "Done") : lang === "es" ? "Este enlace no funcionó" : "This link did not work";
  return page(title, `<h1>${escapeHtml(message)}</h1>`, lang);
}
