import { SHARE_CODE_PARAM, SHARE_CODE_PATTERN } from "@coalition-kit/schema/rules";
import { numberFormat } from "./formatters.js";

/** Numbers in the viewer's locale. */
export function formatNumber(n: number, locale?: string): string {
  return numberFormat(locale).format(n);
}

/** Plain text to paragraphs: blank lines separate them. Never parsed as HTML. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Where an action came from, in the host page's address: utm_* codes and a share link's code. */
export interface PageAttribution {
  utmSource?: string;
  utmMedium?: string;
  utmCampaign?: string;
  ref?: string;
}

/** utm_* codes from the host page's URL, clipped to what the API accepts, and a well-formed ck_ref. */
export function attributionFromLocation(search: string): PageAttribution {
  const params = new URLSearchParams(search);
  const out: Record<string, string> = {};
  for (const [key, name] of [["utmSource", "utm_source"], ["utmMedium", "utm_medium"], ["utmCampaign", "utm_campaign"]]) {
    const value = params.get(name!)?.trim().slice(0, 100);
    if (value) out[key!] = value;
  }
  const ref = params.get(SHARE_CODE_PARAM);
  if (ref && SHARE_CODE_PATTERN.test(ref)) out.ref = ref;
  return out;
}
