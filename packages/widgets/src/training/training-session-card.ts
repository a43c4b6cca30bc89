import { html, nothing, type TemplateResult } from "lit";
import type { RegisterResponse, TrainingSession } from "@coalition-kit/schema";
import { trainingMessages as t } from "./training-messages.js";
import { formatDay, formatTimeRange, sameWallClock } from "../shared/time.js";
import { scheduleMessages as schedule } from "../shared/common-messages.js";
import { langOf } from "../shared/content-language.js";

export interface CardContext {
  viewerZone: string;
  locale: string | undefined;
  /** Public .ics for this session. */
  icsUrl: string;
  open: boolean;
  result: RegisterResponse | undefined;
  form: TemplateResult | undefined;
  onOpen(session: TrainingSession): void;
}

function seats(session: TrainingSession): string {
  if (session.status === "cancelled") return schedule.cancelled;
  if (session.past) return t.pastSession;
  if (session.seatsLeft === null) return t.openSeats;
  return session.seatsLeft > 0 ? t.seatsLeft(session.seatsLeft) : t.full(session.waitlisted);
}

function renderResult(result: RegisterResponse) {
  const heading =
    result.status === "registered" ? t.registered
    : result.status === "already_registered" ? t.alreadyRegistered
    : result.status === "already_waitlisted" ? t.alreadyWaitlisted
    : t.waitlisted(result.waitlistPosition);
  const waiting = result.status === "waitlisted" || result.status === "already_waitlisted";
  return html`<div part="success" class="success" role="status">
    <h4 class="result-heading" tabindex="-1">${heading}</h4>
    ${waiting ? html`<p>${t.waitlistNote}</p>` : nothing}
    <ul class="links">
      ${result.virtualLink ? html`<li><a part="link" href=${result.virtualLink} target="_blank" rel="noopener noreferrer">${schedule.joinOnline}</a></li>` : nothing}
      <li><a part="link" href=${result.calendarUrl} download>${t.addToCalendar}</a></li>
      <li><a part="link" href=${result.cancelUrl} target="_blank" rel="noopener">${t.cancelLink}</a></li>
    </ul>
    <p class="muted small">${t.keepLinks}</p>
  </div>`;
}

export function renderSessionCard(session: TrainingSession, ctx: CardContext) {
  const bookable = !session.past && session.status === "scheduled";
  const sameZone = sameWallClock(session.startsAt, session.timeZone, ctx.viewerZone);
  const full = session.seatsLeft === 0;
  return html`
    <li part="session" class="session ${session.past ? "is-past" : ""} ${session.status === "cancelled" ? "is-cancelled" : ""}" id="session-${session.id}" data-session=${session.id} tabindex="-1">
      <p class="when">
        <span class="day">${formatDay(session.startsAt, ctx.viewerZone, ctx.locale)}</span> ·
        <span class="time">${formatTimeRange(session.startsAt, session.endsAt, ctx.viewerZone, ctx.locale)}</span>
      </p>
      ${sameZone ? nothing : html`<p class="zone">${t.eventTime(formatTimeRange(session.startsAt, session.endsAt, session.timeZone, ctx.locale), session.timeZone)}</p>`}
      <h3 part="session-title" class="session-title" lang=${langOf(session, "title")}>${session.title}</h3>
      ${session.description ? html`<p class="description" lang=${langOf(session, "description")}>${session.description}</p>` : nothing}
      <p class="meta">
        <span class="format">${schedule.formats[session.format]}</span>${session.location ? html` · <span class="location">${session.location}</span>` : nothing}
      </p>
      ${session.leaders.length
        ? html`<p class="leaders">${t.ledBy} ${session.leaders.map((l, i) => html`${i ? ", " : ""}<strong>${l.name}</strong>${l.role ? [" (", html`<span lang=${langOf(session, `leaders.${i}.role`)}>${l.role}</span>`, ")"] : ""}`)}</p>`
        : nothing}
      ${session.partners.length ? html`<p class="partners">${t.withPartners} ${session.partners.map((p) => p.name).join(", ")}</p>` : nothing}
      <p part="seats" class="seats ${full ? "is-full" : ""}">${seats(session)}</p>
      ${ctx.result
        ? renderResult(ctx.result)
        : ctx.open
          ? ctx.form
          : html`<div class="actions">
              ${bookable
                ? html`<button part="button" class="primary" type="button" aria-label="${full ? t.joinWaitlist : t.register}: ${session.title}" @click=${() => ctx.onOpen(session)}>
                    ${full ? t.joinWaitlist : t.register}
                  </button>`
                : nothing}
              ${bookable ? html`<a part="link" class="ics" href=${ctx.icsUrl} download>${t.addToCalendar}</a>` : nothing}
            </div>`}
    </li>
  `;
}
