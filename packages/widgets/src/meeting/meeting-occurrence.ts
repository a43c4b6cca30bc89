import { html, nothing, type TemplateResult } from "lit";
import type { MeetingOccurrence } from "@coalition-kit/schema";
import { meetingMessages as t } from "./meeting-messages.js";
import { formatDay, formatTimeRange, formatWhen, sameWallClock } from "../shared/time.js";
import { scheduleMessages as schedule } from "../shared/common-messages.js";

export interface OccurrenceContext {
  viewerZone: string;
  eventZone: string;
  locale: string | undefined;
  open: boolean;
  form: TemplateResult | undefined;
  onOpen(date: string): void;
}

export function whenText(o: MeetingOccurrence, zone: string, locale?: string): string {
  return formatWhen(o.startsAt, o.endsAt, zone, locale);
}

export function renderOccurrence(o: MeetingOccurrence, ctx: OccurrenceContext) {
  const cancelled = o.status === "cancelled";
  return html`
    <li part="occurrence" class="occurrence ${cancelled ? "is-cancelled" : ""}" data-date=${o.date}>
      <p class="when"><span class="day">${formatDay(o.startsAt, ctx.viewerZone, ctx.locale)}</span> · <span class="time">${formatTimeRange(o.startsAt, o.endsAt, ctx.viewerZone, ctx.locale)}</span></p>
      ${sameWallClock(o.startsAt, ctx.eventZone, ctx.viewerZone) ? nothing : html`<p class="zone">${formatTimeRange(o.startsAt, o.endsAt, ctx.eventZone, ctx.locale)} ${t.plannedIn(ctx.eventZone)}</p>`}
      <p class="badges">
        ${cancelled ? html`<span class="badge cancelled">${schedule.cancelled}</span>` : html`<span class="badge">${schedule.formats[o.format]}</span>`}
        ${o.moved && !cancelled ? html`<span class="badge moved">${t.moved}</span>` : nothing}
        ${o.location && !cancelled ? html`<span class="location">${o.location}</span>` : nothing}
      </p>
      ${o.note ? html`<p class="note" lang=${o.language}>${o.note}</p>` : nothing}
      ${cancelled
        ? nothing
        : html`<p part="counts" class="counts">${t.counts(o.counts.yes, o.counts.maybe)}</p>
            ${ctx.open
              ? ctx.form
              : html`<button part="button" class="primary" type="button" aria-label="${t.rsvp}: ${formatDay(o.startsAt, ctx.viewerZone, ctx.locale)}" @click=${() => ctx.onOpen(o.date)}>${t.rsvp}</button>`}`}
    </li>
  `;
}
