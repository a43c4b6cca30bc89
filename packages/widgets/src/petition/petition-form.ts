import { html, nothing, type TemplateResult } from "lit";
import { AGE_BANDS, type AgeBand, type Petition } from "@coalition-kit/schema";
import { messages } from "../shared/messages.js";

export interface FormView {
  petition: Petition;
  errors: Readonly<Record<string, string>>;
  ageBand: AgeBand | undefined;
  submitting: boolean;
  alert: string | undefined;
  onSubmit(event: SubmitEvent): void;
  onAgeBand(band: AgeBand): void;
  onFieldChange(event: Event): void;
}

/** Fields in the order they appear: the first invalid one gets focus. */
export const FIELD_ORDER = ["firstName", "lastName", "email", "zip", "ageBand", "guardianEmail", "guardianConsent", "consentCoalition", "consentPartner"] as const;

function errorFor(view: FormView, name: string) {
  const message = view.errors[name];
  return message ? html`<p part="error" class="error" id="${name}-error">${message}</p>` : nothing;
}

function textField(view: FormView, name: string, label: string, options: { type?: string; autocomplete: string; required?: boolean; inputmode?: string; maxlength?: number }): TemplateResult {
  const invalid = Boolean(view.errors[name]);
  return html`
    <div part="field" class="field">
      <label part="label" for="ck-${name}">${label}</label>
      <input
        part="input"
        id="ck-${name}"
        name=${name}
        type=${options.type ?? "text"}
        autocomplete=${options.autocomplete}
        inputmode=${options.inputmode ?? nothing}
        maxlength=${options.maxlength ?? nothing}
        ?required=${options.required ?? false}
        aria-invalid=${invalid ? "true" : "false"}
        aria-describedby=${invalid ? `${name}-error` : nothing}
        @change=${view.onFieldChange}
      />
      ${errorFor(view, name)}
    </div>
  `;
}

function checkbox(view: FormView, name: string, label: string): TemplateResult {
  const invalid = Boolean(view.errors[name]);
  return html`
    <div part="field" class="field check">
      <input
        part="checkbox"
        type="checkbox"
        id="ck-${name}"
        name=${name}
        aria-invalid=${invalid ? "true" : "false"}
        aria-describedby=${invalid ? `${name}-error` : nothing}
        @change=${view.onFieldChange}
      />
      <label part="label" for="ck-${name}">${label}</label>
      ${errorFor(view, name)}
    </div>
  `;
}

function ageFieldset(view: FormView): TemplateResult {
  const invalid = Boolean(view.errors.ageBand);
  return html`
    <fieldset part="field" class="field ages" aria-describedby=${invalid ? "ageBand-error" : nothing}>
      <legend part="label">${messages.ageLegend}</legend>
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
          ${messages.ageBands[band]}
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
        ${textField(view, "firstName", messages.firstName, { autocomplete: "given-name", required: true, maxlength: 80 })}
        ${textField(view, "lastName", messages.lastName, { autocomplete: "family-name", maxlength: 80 })}
      </div>
      <div class="row">
        ${textField(view, "email", messages.email, { type: "email", autocomplete: "email", required: true, maxlength: 254 })}
        ${textField(view, "zip", messages.zip, { autocomplete: "postal-code", inputmode: "numeric", required: true, maxlength: 10 })}
      </div>
      ${petition.askAgeBand ? ageFieldset(view) : nothing}
      ${view.ageBand === "under_13"
        ? html`<div class="guardian">
            <p class="note">${messages.guardianNote}</p>
            ${textField(view, "guardianEmail", messages.guardianEmail, { type: "email", autocomplete: "off", required: true, maxlength: 254 })}
            ${checkbox(view, "guardianConsent", petition.consent.guardian.text)}
          </div>`
        : nothing}
      <div class="consents">
        ${checkbox(view, "consentCoalition", petition.consent.coalition.text)}
        ${petition.consent.partner ? checkbox(view, "consentPartner", petition.consent.partner.text) : nothing}
      </div>
      <button part="button" class="submit" type="submit" ?disabled=${view.submitting} aria-disabled=${view.submitting ? "true" : "false"}>
        ${view.submitting ? messages.submitting : messages.submit}
      </button>
      <p class="privacy">${messages.privacy}</p>
    </form>
  `;
}
