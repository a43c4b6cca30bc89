import { html, nothing } from "lit";
import type { SurveyResults } from "@coalition-kit/schema";

/**
 * A survey's aggregated answers under `heading`: per question its options with counts and a meter,
 * the average of a scale, how many wrote an answer; groups below the survey's minimum withheld.
 * Shown on the surveys page and, for one session's feedback, on the attendance page.
 */
export function renderSurveyResults(r: SurveyResults, heading: string) {
  return html`<h2>${heading} (${r.responses === 1 ? "1 response" : `${r.responses} responses`})</h2>
    ${r.suppressed ? html`<p class="muted">Fewer than ${r.minGroupSize} responses: nothing is shown yet, to protect students.</p>` : nothing}
    ${r.questions.map(
      (q) => html`<h3>${q.prompt}</h3>
        ${q.suppressed
          ? html`<p class="muted">Withheld: fewer than ${r.minGroupSize} answered.</p>`
          : q.options.length
            ? html`<table>
                <tbody>
                  ${q.options.map((o) => html`<tr><td>${o.label}</td><td class="num">${o.count}</td><td><meter min="0" max="100" value=${o.percent} aria-label="${o.label}: ${o.percent}%"></meter> ${o.percent}%</td></tr>`)}
                </tbody>
              </table>
              ${q.average !== null ? html`<p>Average: ${q.average.toFixed(1)}</p>` : nothing}`
            : html`<p class="muted">${q.answered} written answers (in the CSV export).</p>`}`,
    )}`;
}
