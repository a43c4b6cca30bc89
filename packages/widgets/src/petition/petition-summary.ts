import { html, nothing } from "lit";
import { cssWidth } from "../shared/css-width.js";
import type { Petition, PetitionStats } from "@coalition-kit/schema";
import { formatNumber, paragraphs } from "../shared/format.js";
import { messages } from "./petition-messages.js";

/** The language of one of the organizer's texts (`fallbacks` names those left in the petition's own). */
export const langOf = (petition: Petition, field: string): string => petition.fallbacks[field] ?? petition.language;

/** A translated sentence ("Para: \0") with `part` in place of its \0: the interface's words around an organizer's, each in its own language. */
const inSentence = (sentence: string, part: unknown) => {
  const [before, after] = sentence.split("\0");
  return html`${before}${part}${after}`;
};

/** Title and target, the title marked with its language. */
export function renderIntro(petition: Petition) {
  return html`
    <h2 part="title" id="ck-title" lang=${langOf(petition, "title")}>${petition.title}</h2>
    <p part="target" class="target">${inSentence(messages.to("\0"), html`<span lang=${langOf(petition, "target")}>${petition.target}</span>`)}</p>
  `;
}

/** The petition's text, marked with its language. */
export const renderBody = (petition: Petition) =>
  html`<div part="body" class="body" lang=${langOf(petition, "body")}>${paragraphs(petition.body).map((p) => html`<p>${p}</p>`)}</div>`;

/**
 * Live count, goal bar and per-partner counts; below the petition's `shownFrom`, the goal alone.
 * `shown` is the number on screen while the count rises to a new total: the live region is busy
 * until it lands, so a screen reader hears the new total once, not every step.
 */
export function renderProgress(stats: PetitionStats, locale: string | undefined, shownFrom = 0, shown?: number) {
  const total = formatNumber(stats.total, locale);
  const now = shown ?? stats.total;
  const goal = formatNumber(stats.goal, locale);
  if (stats.total < shownFrom) return html`<p part="count" class="count progress-block">${messages.goalOnly(goal)}</p>`;
  // A first signature shows: at least a sliver of the bar once anyone has signed (1 of 5,000 is 0.02%).
  const percent = stats.goal > 0 ? Math.max(stats.total && 2, Math.min(100, (stats.total / stats.goal) * 100)) : 100;
  return html`
    <div class="progress-block">
      <p part="count" class="count" aria-live="polite" aria-busy=${shown !== undefined}><strong>${messages.signatures(formatNumber(now, locale), now)}</strong></p>
      ${stats.goal > 0
        ? html`<div
              part="progress"
              class="bar"
              role="progressbar"
              aria-label=${messages.progressLabel}
              aria-valuemin="0"
              aria-valuemax=${stats.goal}
              aria-valuenow=${Math.min(stats.total, stats.goal)}
              aria-valuetext=${messages.ofGoal(total, goal)}
            >
              <span class="fill" ${cssWidth(percent)}></span>
            </div>
            <p class="goal">${messages.ofGoal(total, goal)}</p>`
        : nothing}
      ${stats.partners.length > 0
        ? html`<ul part="partners" class="partners" aria-label=${messages.byPartner}>
            ${stats.partners.map((p) => html`<li><span class="partner-name">${p.name}</span> <span class="partner-count">${formatNumber(p.count, locale)}</span></li>`)}
          </ul>`
        : nothing}
    </div>
  `;
}
