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

/** utm_* codes from the host page's URL, clipped to what the API accepts. */
export function utmFromLocation(search: string): { utmSource?: string; utmMedium?: string; utmCampaign?: string } {
  const params = new URLSearchParams(search);
  const out: { utmSource?: string; utmMedium?: string; utmCampaign?: string } = {};
  const take = (name: string) => params.get(name)?.trim().slice(0, 100) || undefined;
  const source = take("utm_source");
  const medium = take("utm_medium");
  const campaign = take("utm_campaign");
  if (source) out.utmSource = source;
  if (medium) out.utmMedium = medium;
  if (campaign) out.utmCampaign = campaign;
  return out;
}
