import { svg } from "lit";
import type { DailyCount } from "@coalition-kit/schema";

/** Signatures per day as SVG bars (attributes only: works under a CSP without inline styles). */
export function dailyChart(days: DailyCount[], width = 640, height = 120) {
  const shown = days.slice(-60);
  const max = Math.max(1, ...shown.map((d) => d.count));
  const step = width / Math.max(1, shown.length);
  return svg`<svg viewBox="0 0 ${width} ${height + 16}" width="100%" role="img" aria-label="Signatures per day, last ${shown.length} days">
    ${shown.map((d, i) => {
      const h = Math.round((d.count / max) * height);
      return svg`<rect x=${(i * step + 1).toFixed(1)} y=${height - h} width=${Math.max(1, step - 2).toFixed(1)} height=${h} fill="currentColor" opacity="0.75"><title>${d.date}: ${d.count}</title></rect>`;
    })}
    <text x="0" y=${height + 14} font-size="11" fill="currentColor">${shown[0]?.date ?? ""}</text>
    <text x=${width} y=${height + 14} font-size="11" fill="currentColor" text-anchor="end">${shown.at(-1)?.date ?? ""}</text>
  </svg>`;
}
