import { html } from "lit";
import type { TrainingSession } from "@coalition-kit/schema";
import { dayKey, monthTitle, weekdayNames } from "../shared/time.js";
import { trainingMessages as t } from "./training-messages.js";
import { langOf } from "../shared/content-language.js";

export interface MonthView {
  year: number;
  month: number; // 0-11
  sessions: TrainingSession[];
  viewerZone: string;
  locale: string | undefined;
  onMove(delta: number): void;
  onPick(session: TrainingSession): void;
}

/** A month grid in the viewer's zone; each session is a button that opens it in the list. */
export function renderMonth(view: MonthView) {
  const first = new Date(Date.UTC(view.year, view.month, 1));
  const daysInMonth = new Date(Date.UTC(view.year, view.month + 1, 0)).getUTCDate();
  const byDay = new Map<string, TrainingSession[]>();
  for (const s of view.sessions) {
    const key = dayKey(s.startsAt, view.viewerZone);
    byDay.set(key, [...(byDay.get(key) ?? []), s]);
  }
  const cells: Array<number | null> = [...Array<null>(first.getUTCDay()).fill(null), ...Array.from({ length: daysInMonth }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const title = monthTitle(view.year, view.month, view.locale);
  const pad = (n: number) => String(n).padStart(2, "0");
  return html`
    <div part="month" class="month">
      <div class="month-nav">
        <button part="button" class="secondary" type="button" aria-label=${t.previousMonth} @click=${() => view.onMove(-1)}>‹</button>
        <h3 class="month-title" aria-live="polite">${title}</h3>
        <button part="button" class="secondary" type="button" aria-label=${t.nextMonth} @click=${() => view.onMove(1)}>›</button>
      </div>
      <table class="grid">
        <caption class="visually-hidden">${title}</caption>
        <thead><tr>${weekdayNames(view.locale).map((d) => html`<th scope="col">${d}</th>`)}</tr></thead>
        <tbody>
          ${Array.from({ length: cells.length / 7 }, (_, w) => html`<tr>
            ${cells.slice(w * 7, w * 7 + 7).map((day) => {
              if (day === null) return html`<td class="empty"></td>`;
              const sessions = byDay.get(`${view.year}-${pad(view.month + 1)}-${pad(day)}`) ?? [];
              return html`<td class=${sessions.length ? "has-sessions" : ""}>
                <span class="date">${day}</span>
                ${sessions.map((s) => html`<button type="button" class="chip ${s.past ? "is-past" : ""}" lang=${langOf(s, "title")} title=${s.title} @click=${() => view.onPick(s)}>${s.title}</button>`)}
              </td>`;
            })}
          </tr>`)}
        </tbody>
      </table>
    </div>
  `;
}
