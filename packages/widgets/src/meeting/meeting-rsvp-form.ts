import { html, nothing } from "lit";
import { RSVP_RESPONSES } from "@coalition-kit/schema/rules";
import type { Meeting, RsvpAnswer } from "@coalition-kit/schema";
import { langOf } from "../shared/content-language.js";
import { checkbox, textField, type ControlsView } from "../shared/form-controls.js";
import { radioGroup } from "../shared/form-choices.js";
import { meetingMessages as t } from "./meeting-messages.js";
import { commonMessages as common, scheduleMessages as schedule, sendingMessages as sending } from "../shared/common-messages.js";

export const RSVP_FIELD_ORDER = ["response", "occurrence", "firstName", "lastName", "email", "consentCoalition", "consentPartner"] as const;

export interface RsvpFormView extends ControlsView {
  meeting: Meeting;
  /** The occurrence the form was opened for, with its human date; absent for "every week". */
  opened: { date: string; when: string } | undefined;
  /** What the RSVP applies to: the opened date or "every_week". */
  scope: string;
  response: RsvpAnswer | undefined;
  submitting: boolean;
  alert: string | undefined;
  onPick(name: "response" | "occurrence", value: string): void;
  onSubmit(event: SubmitEvent): void;
  onClose(): void;
}

export function renderRsvpForm(view: RsvpFormView) {
  const options = view.opened ? ([[view.opened.date, t.scopeOne(view.opened.when)], ["every_week", t.scopeEvery]] as const) : [];
  return html`
    <form part="form" class="form" novalidate @submit=${view.onSubmit}>
      ${view.alert ? html`<div part="alert" class="alert" role="alert">${view.alert}</div>` : nothing}
      ${radioGroup(view, "response", t.responseLegend, RSVP_RESPONSES.map((r) => [r, t.responses[r]] as const), view.response, (v) => view.onPick("response", v))}
      ${options.length ? radioGroup(view, "occurrence", t.scopeLegend, options, view.scope, (v) => view.onPick("occurrence", v)) : nothing}
      <div class="row">
        ${textField(view, "firstName", common.firstName, { autocomplete: "given-name", required: true, maxlength: 80 })}
        ${textField(view, "lastName", common.lastNameOptional, { autocomplete: "family-name", maxlength: 80 })}
      </div>
      ${textField(view, "email", common.email, { type: "email", autocomplete: "email", required: true, maxlength: 254 })}
      ${checkbox(view, "consentCoalition", html`<span lang=${langOf(view.meeting, "consent.coalition")}>${view.meeting.consent.coalition.text}</span>`)}
      ${view.meeting.consent.partner ? checkbox(view, "consentPartner", html`<span lang=${langOf(view.meeting, "consent.partner")}>${view.meeting.consent.partner.text}</span>`) : nothing}
      <div class="actions">
        <button part="button" class="primary" type="submit" ?disabled=${view.submitting}>${view.submitting ? sending.sending : t.submit}</button>
        <button part="button" class="secondary" type="button" @click=${view.onClose}>${schedule.close}</button>
      </div>
    </form>
  `;
}
