import { html, nothing } from "lit";
import { AGE_BANDS, PUBLISH_CHOICES, STORY_MAX, STORY_ROLES } from "@coalition-kit/schema/rules";
import type { AgeBand, PublishChoice, StoryCampaign, StoryRole } from "@coalition-kit/schema";
import { checkbox, textField, type ControlsView } from "../shared/form-controls.js";
import { radioGroup, textArea } from "../shared/form-choices.js";
import { commonMessages as common, minorMessages as minor, sendingMessages as sending } from "../shared/common-messages.js";
import { storyMessages as m } from "./story-messages.js";
import { langOf } from "../shared/text-language.js";

/** A consent text exactly as the API sent it, marked with its language. */
const consent = (campaign: StoryCampaign, scope: "publish" | "coalition" | "partner" | "guardian") => html`<span lang=${langOf(campaign, `consent.${scope}`)}>${campaign.consent[scope]?.text}</span>`;

export const STORY_FIELD_ORDER = ["title", "story", "role", "school", "ageBand", "publish", "firstName", "consentPublish", "email", "guardianEmail", "guardianConsent"] as const;

export interface StoryFormView extends ControlsView {
  campaign: StoryCampaign;
  role: StoryRole | undefined;
  ageBand: AgeBand | undefined;
  publish: PublishChoice | undefined;
  storyLength: number;
  submitting: boolean;
  alert: string | undefined;
  onPick(name: "role" | "ageBand" | "publish", value: string): void;
  onStoryInput(event: Event): void;
  onSubmit(event: SubmitEvent): void;
}

export function renderStoryForm(view: StoryFormView) {
  const { campaign } = view;
  return html`
    <form part="form" class="form" novalidate aria-labelledby="ck-story-heading" @submit=${view.onSubmit}>
      ${view.alert ? html`<div part="alert" class="alert" role="alert">${view.alert}</div>` : nothing}
      ${textField(view, "title", m.title, { autocomplete: "off", required: true, maxlength: 120 })}
      ${textArea(view, "story", m.story, { max: STORY_MAX, length: view.storyLength, onInput: view.onStoryInput })}
      ${radioGroup(view, "role", m.roleLegend, STORY_ROLES.map((r) => [r, m.roles[r]] as const), view.role, (v) => view.onPick("role", v))}
      ${textField(view, "school", m.school, { autocomplete: "organization", maxlength: 120 })}
      ${radioGroup(view, "ageBand", minor.ageLegend, AGE_BANDS.map((a) => [a, minor.ageBands[a]] as const), view.ageBand, (v) => view.onPick("ageBand", v))}
      ${radioGroup(view, "publish", m.publishLegend, PUBLISH_CHOICES.map((p) => [p, m.publish[p]] as const), view.publish, (v) => view.onPick("publish", v))}
      ${view.publish === "first_name" ? textField(view, "firstName", common.firstName, { autocomplete: "given-name", required: true, maxlength: 80 }) : nothing}
      ${view.publish && view.publish !== "internal" ? checkbox(view, "consentPublish", consent(campaign, "publish")) : nothing}
      ${textField(view, "email", m.email, { type: "email", autocomplete: "email", maxlength: 254 })}
      ${view.ageBand === "under_13"
        ? html`<div class="guardian">
            <p class="note">${m.guardianNote}</p>
            ${textField(view, "guardianEmail", minor.guardianEmail, { type: "email", autocomplete: "off", maxlength: 254 })}
            ${checkbox(view, "guardianConsent", consent(campaign, "guardian"))}
          </div>`
        : nothing}
      <div class="consents">
        ${checkbox(view, "consentCoalition", consent(campaign, "coalition"))}
        ${campaign.consent.partner ? checkbox(view, "consentPartner", consent(campaign, "partner")) : nothing}
      </div>
      <button part="button" class="submit" type="submit" ?disabled=${view.submitting}>${view.submitting ? sending.sending : m.submit}</button>
    </form>
  `;
}
