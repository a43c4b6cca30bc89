import { html, nothing, type TemplateResult } from "lit";
import { AGE_BANDS } from "@coalition-kit/schema/rules";
import type { AgeBand, Petition } from "@coalition-kit/schema";
import { checkbox, errorFor, textField, type ControlsView } from "../shared/form-controls.js";
import { messages } from "./petition-messages.js";
import { langOf } from "./petition-summary.js";
import { commonMessages as common, minorMessages as minor } from "../shared/common-messages.js";

export interface FormView extends ControlsView {
  petition: Petition;
  ageBand: AgeBand | undefined;
  submitting: boolean;
  alert: string | undefined;
  onSubmit(event: SubmitEvent): void;
  onAgeBand(band: AgeBand): void;
}

/** Fields in the order they appear: the first invalid one gets focus. */
export const FIELD_ORDER = ["firstName", "lastName", "email", "zip", "ageBand", "guardianEmail", "guardianConsent", "consentCoalition", "consentPartner"] as const;

function ageFieldset(view: FormView): TemplateResult {
  const invalid = Boolean(view.errors.ageBand);
  return html`
    <fieldset part="field" class="field ages" aria-describedby=${invalid ? "ageBand-error" : nothing}>
      <legend part="label">${minor.ageLegend}</legend>
      ${AGE_BANDS.map(
        (band, i) => html`<label class="radio">
          <input
            type="radio"
            name="ageBand"
            id=${i === 0 ? "ck-ageBand" : `ck-ageBand-${band}`}
            value=${band}
            aria-invalid=${invalid ? "true" : "false"}
            .checked=${view.ageBand === band}
            @change=${() => view.onAgeBand(band)}
          />
          ${minor.ageBands[band]}
        </label>`,
      )}
      ${errorFor(view, "ageBand")}
    </fieldset>
  `;
}

export function renderForm(view: FormView): TemplateResult {
  const { petition } = view;
  const errorCount = Object.keys(view.errors).length;
  return html`
    <form part="form" class="form" novalidate aria-labelledby="ck-form-heading" @submit=${view.onSubmit}>
      <h3 id="ck-form-heading" class="form-heading">${messages.formHeading}</h3>
      ${view.alert ? html`<div part="alert" class="alert" role="alert">${view.alert}</div>` : nothing}
      ${errorCount > 0 && !view.alert ? html`<p class="visually-hidden" role="alert">${messages.fixErrors(errorCount)}</p>` : nothing}
      <div class="row">
        ${textField(view, "firstName", common.firstName, { autocomplete: "given-name", required: true, maxlength: 80 })}
        ${textField(view, "lastName", common.lastNameOptional, { autocomplete: "family-name", maxlength: 80 })}
      </div>
      <div class="row">
        ${textField(view, "email", common.email, { type: "email", autocomplete: "email", required: true, maxlength: 254 })}
        ${textField(view, "zip", messages.zip, { autocomplete: "postal-code", inputmode: "numeric", required: true, maxlength: 10 })}
      </div>
      ${petition.askAgeBand ? ageFieldset(view) : nothing}
      ${view.ageBand === "under_13"
        ? html`<div class="guardian">
            <p class="note">${messages.guardianNote}</p>
            ${textField(view, "guardianEmail", minor.guardianEmail, { type: "email", autocomplete: "off", required: true, maxlength: 254 })}
            ${checkbox(view, "guardianConsent", consentText(petition, "guardian"))}
          </div>`
        : nothing}
      <div class="consents">
        ${checkbox(view, "consentCoalition", consentText(petition, "coalition"))}
        ${petition.consent.partner ? checkbox(view, "consentPartner", consentText(petition, "partner")) : nothing}
      </div>
      <button part="button" class="submit" type="submit" ?disabled=${view.submitting} aria-disabled=${view.submitting ? "true" : "false"}>
        ${view.submitting ? messages.submitting : messages.submit}
      </button>
      <p class="privacy">${messages.privacy}</p>
    </form>
  `;
}

/** A consent text exactly as the API sent it, marked with its language. */
function consentText(petition: Petition, scope: "coalition" | "partner" | "guardian") {
  return html`<span lang=${langOf(petition, `consent.${scope}`)}>${petition.consent[scope]?.text}</span>`;
}
