import mjml2html from "mjml";
import type { Brand, EmailContent } from "./content.js";

/**
 * Responsive HTML with MJML. Compiling MJML costs milliseconds, so each layout shape (how many
 * paragraphs, details and buttons, which colour and language) is compiled once with placeholders,
 * and every message fills them in with escaped text. Nothing a person typed reaches the markup
 * unescaped.
 */
const compiled = new Map<string, Promise<string>>();

const escapeHtml = (value: string): string =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const SAFE_COLOR = /^#[0-9a-fA-F]{6}$/;
const SAFE_LANG = /^[a-z]{2}(-[A-Z]{2})?$/;
const slot = (name: string) => `%%CK_${name}%%`;

function layout(shape: { paragraphs: number; details: number; actions: number; footer: number; color: string; lang: string }): string {
  const { color } = shape;
  const paragraphs = Array.from({ length: shape.paragraphs }, (_, i) => `<mj-text font-size="16px" line-height="1.5">${slot(`P${i}`)}</mj-text>`).join("");
  const details = shape.details
    ? `<mj-table font-size="15px" line-height="1.5" cellpadding="4px">${Array.from({ length: shape.details }, (_, i) => `<tr><th align="left" valign="top" style="padding:4px 12px 4px 0;color:#4a5563;font-weight:600">${slot(`DL${i}`)}</th><td style="padding:4px 0">${slot(`DV${i}`)}</td></tr>`).join("")}</mj-table>`
    : "";
  const actions = Array.from({ length: shape.actions }, (_, i) =>
    i === 0
      ? `<mj-button href="${slot(`AU${i}`)}" background-color="${color}" color="#ffffff" font-size="16px" font-weight="600" border-radius="6px" inner-padding="12px 22px" align="left">${slot(`AL${i}`)}</mj-button>`
      : `<mj-text font-size="15px"><a href="${slot(`AU${i}`)}" style="color:${color}">${slot(`AL${i}`)}</a></mj-text>`,
  ).join("");
  const footer = Array.from({ length: shape.footer }, (_, i) => `<mj-text font-size="12px" color="#5b6472" line-height="1.5">${slot(`F${i}`)}</mj-text>`).join("");
  return `<mjml lang="${shape.lang}">
  <mj-head>
    <mj-title>${slot("SUBJECT")}</mj-title>
    <mj-preview>${slot("PREHEADER")}</mj-preview>
    <mj-attributes><mj-all font-family="-apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif" color="#1b1f24" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6" width="600px">
    <mj-section background-color="${color}" padding="16px 24px">
      <mj-column><mj-text color="#ffffff" font-size="15px" font-weight="700">${slot("BRAND")}</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="8px 12px 20px">
      <mj-column>
        <mj-text font-size="22px" font-weight="700" line-height="1.3">${slot("HEADING")}</mj-text>
        ${paragraphs}${details}${actions}
      </mj-column>
    </mj-section>
    <mj-section padding="12px 12px"><mj-column>${footer}</mj-column></mj-section>
  </mj-body>
</mjml>`;
}

async function compile(source: string): Promise<string> {
  const result = await mjml2html(source, { validationLevel: "strict", minify: false, keepComments: false });
  return result.html;
}

/** The message as responsive HTML. */
export async function renderHtml(content: EmailContent, brand: Brand): Promise<string> {
  const shape = {
    paragraphs: content.paragraphs.length,
    details: content.details.length,
    actions: content.actions.length,
    footer: content.footer.length,
    color: SAFE_COLOR.test(brand.color) ? brand.color : "#1f5fbf",
    lang: SAFE_LANG.test(brand.lang) ? brand.lang : "en",
  };
  const key = JSON.stringify(shape);
  let template = compiled.get(key);
  if (!template) {
    template = compile(layout(shape));
    compiled.set(key, template);
    template.catch(() => compiled.delete(key));
  }
  const values = new Map<string, string>([
    ["SUBJECT", content.subject],
    ["PREHEADER", content.preheader],
    ["BRAND", brand.partnerName ? `${brand.coalitionName} · ${brand.partnerName}` : brand.coalitionName],
    ["HEADING", content.heading],
  ]);
  content.paragraphs.forEach((p, i) => values.set(`P${i}`, p));
  content.details.forEach(([label, value], i) => {
    values.set(`DL${i}`, label);
    values.set(`DV${i}`, value);
  });
  content.actions.forEach((a, i) => {
    values.set(`AL${i}`, a.label);
    values.set(`AU${i}`, a.url);
  });
  content.footer.forEach((f, i) => values.set(`F${i}`, f));
  return (await template).replace(/%%CK_([A-Z]+\d*)%%/g, (whole, name: string) => {
    const value = values.get(name);
    return value === undefined ? "" : escapeHtml(value);
  });
}
