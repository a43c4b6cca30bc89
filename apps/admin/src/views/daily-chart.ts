import { svg } from "lit";
import type { DailyCount } from "@coalition-kit/schema";

/** Axis steps that read well: 1, 2, 5, 10, 20, 50… */
function niceStep(max: number, ticks = 4): number {
  const raw = Math.max(1, max / ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
}

const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const label = (date: string) => dayLabel.format(new Date(`${date}T00:00:00Z`));

/**
 * Signatures per day as an SVG bar chart (attributes only: works under a CSP without inline
 * styles): a y axis with round steps and grid lines, day labels under the bars (at most eight,
 * counted back from the latest day), the
 * value over each bar when there are few, and bars no wider than 40 px, so one day of data reads
 * as one day and not as a block filling the chart.
 */
export function dailyChart(days: DailyCount[], width = 640, height = 160) {
  const shown = days.slice(-60);
  const step = niceStep(Math.max(1, ...shown.map((d) => d.count)));
  const top = Math.max(step, Math.ceil(Math.max(1, ...shown.map((d) => d.count)) / step) * step);
  const left = 40;
  const bottom = 22;
  const plotWidth = width - left - 4;
  const slot = plotWidth / Math.max(1, shown.length);
  const bar = Math.max(2, Math.min(40, slot * 0.7));
  const y = (v: number) => 18 + (height - 18 - bottom) * (1 - v / top);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const every = Math.max(1, Math.ceil(shown.length / 8));
  const total = shown.reduce((n, d) => n + d.count, 0);
  return svg`<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Signatures per day, last ${shown.length} ${shown.length === 1 ? "day" : "days"}: ${total} in all${shown.length ? `, from ${label(shown[0]!.date)} to ${label(shown.at(-1)!.date)}` : ""}">
    ${ticks.map(
      (t) => svg`<line x1=${left} x2=${width - 4} y1=${y(t)} y2=${y(t)} stroke="currentColor" stroke-opacity=${t === 0 ? "0.6" : "0.15"} />
        <text x=${left - 6} y=${y(t) + 4} font-size="11" fill="currentColor" text-anchor="end">${t.toLocaleString("en-US")}</text>`,
    )}
    ${shown.map((d, i) => {
      const x = left + i * slot + (slot - bar) / 2;
      const barTop = y(d.count);
      return svg`<rect x=${x.toFixed(1)} y=${barTop.toFixed(1)} width=${bar.toFixed(1)} height=${(y(0) - barTop).toFixed(1)} fill="currentColor" opacity="0.75"><title>${label(d.date)}: ${d.count}</title></rect>
        ${shown.length <= 14 && d.count > 0 ? svg`<text x=${(x + bar / 2).toFixed(1)} y=${(barTop - 4).toFixed(1)} font-size="11" fill="currentColor" text-anchor="middle">${d.count.toLocaleString("en-US")}</text>` : ""}
        ${(shown.length - 1 - i) % every === 0 ? svg`<text x=${(x + bar / 2).toFixed(1)} y=${height - 6} font-size="11" fill="currentColor" text-anchor="middle">${label(d.date)}</text>` : ""}`;
    })}
  </svg>`;
}
