import { html, nothing } from "lit";
import type { TrainingSeries, TrainingSession } from "@coalition-kit/schema";
import { checkbox, textField, type ControlsView } from "../shared/form-controls.js";
import { trainingMessages as t } from "./training-messages.js";
import { commonMessages as common, scheduleMessages as schedule } from "../shared/common-messages.js";
import { langOf } from "../shared/content-language.js";

export const REGISTER_FIELD_ORDER = ["firstName", "lastName", "email", "consentCoalition", "consentPartner"] as const;

export interface RegisterFormView extends ControlsView {
  series: TrainingSeries;
  session: TrainingSession;
  submitting: boolean;
  alert: string | undefined;
  onSubmit(event: SubmitEvent): void;
  onClose(): void;
}

export function renderRegisterForm(view: RegisterFormView) {
  const full = view.session.seatsLeft === 0;
  return html`
    <form part="form" class="form" novalidate aria-label=${t.formTitle(view.session.title)} @submit=${view.onSubmit}>
      ${view.alert ? html`<div part="alert" class="alert" role="alert">${view.alert}</div>` : nothing}
      <div class="row">
        ${textField(view, "firstName", common.firstName, { autocomplete: "given-name", required: true, maxlength: 80 })}
        ${textField(view, "lastName", common.lastNameOptional, { autocomplete: "family-name", maxlength: 80 })}
      </div>
      ${textField(view, "email", common.email, { type: "email", autocomplete: "email", required: true, maxlength: 254 })}
      ${checkbox(view, "consentCoalition", html`<span lang=${langOf(view.series, "consent.coalition")}>${view.series.consent.coalition.text}</span>`)}
      ${view.series.consent.partner ? checkbox(view, "consentPartner", html`<span lang=${langOf(view.series, "consent.partner")}>${view.series.consent.partner.text}</span>`) : nothing}
      <div class="actions">
        <button part="button" class="primary" type="submit" ?disabled=${view.submitting}>
          ${view.submitting ? t.submitting : full ? t.submitWaitlist : t.submit}
        </button>
        <button part="button" class="secondary" type="button" @click=${view.onClose}>${schedule.close}</button>
      </div>
    </form>
  `;
}
