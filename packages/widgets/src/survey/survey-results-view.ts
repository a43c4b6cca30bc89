import { html, nothing } from "lit";
import { cssWidth } from "../shared/css-width.js";
import type { SurveyResults } from "@coalition-kit/schema";
import { surveyMessages as t } from "./survey-messages.js";
import { langOf } from "../shared/text-language.js";

/** Aggregates only: bars for choice and scale questions; groups under the minimum size are withheld. */
export function renderResults(results: SurveyResults) {
  if (results.suppressed) return html`<p class="muted">${t.suppressed(results.minGroupSize)}</p>`;
  return html`<div part="results" class="results">
    <h3>${t.resultsHeading}</h3>
    ${results.questions
      .filter((q) => !q.type.endsWith("_text"))
      .map(
        (q) => html`<section class="result">
          <h4 lang=${langOf(results, `questions.${q.id}.prompt`)}>${q.prompt}</h4>
          ${q.suppressed
            ? html`<p class="muted">${t.suppressed(results.minGroupSize)}</p>`
            : html`<p class="muted small">${t.answered(q.answered)}${q.average !== null ? html` · ${t.average(q.average)}` : nothing}</p>
                <ul class="bars">
                  ${q.options.map(
                    (o) => html`<li>
                      <span class="bar-label" lang=${q.type === "scale" ? nothing : langOf(results, `questions.${q.id}.options.${o.value}`)}>${o.label}</span>
                      <span class="bar" role="img" aria-label="${o.label}: ${o.percent}% (${o.count})"><span class="bar-fill" ${cssWidth(o.percent)}></span></span>
                      <span class="bar-value">${o.percent}%</span>
                    </li>`,
                  )}
                </ul>`}
        </section>`,
      )}
  </div>`;
}
