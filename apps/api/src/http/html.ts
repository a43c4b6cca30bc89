/** Minimal HTML pages for the no-JavaScript form fallback. Every dynamic value is escaped. */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

function page(title: string, inner: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5">${inner}</body></html>`;
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
