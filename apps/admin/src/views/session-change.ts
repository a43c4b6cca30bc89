import { html } from "lit";
import type { AdminTrainingSession, TrainingSessionChanged, TrainingSessionPatch } from "@coalition-kit/schema";
import { value } from "./admin-view.js";
import { FORMATS, InlineEditor } from "./inline-editor.js";
import { fromLocalInput, toLocalInput, when, zoneName } from "../zoned-time.js";

const FIELDS = ["startsAt", "endsAt", "format", "location", "virtualLink"] as const;

/**
 * One training session's "Change" form (date-times in the event's zone, format, place, join link)
 * or its "Cancel session" confirmation, in the page. Field errors from the API sit next to their fields.
 */
export class CkAdminSessionChange extends InlineEditor<TrainingSessionChanged> {
  static override properties = { ...InlineEditor.properties, series: { type: String }, session: { attribute: false } };
  declare series: string;
  declare session: AdminTrainingSession;

  constructor() {
    super();
    this.series = "";
  }

  /** Only what differs from the session as it stands is sent. */
  private patchFrom(form: FormData): TrainingSessionPatch {
    const s = this.session;
    const patch: TrainingSessionPatch = {};
    const startsAt = fromLocalInput(value(form, "startsAt"), s.timeZone);
    const endsAt = fromLocalInput(value(form, "endsAt"), s.timeZone);
    if (Date.parse(startsAt) !== Date.parse(s.startsAt)) patch.startsAt = startsAt;
    if (Date.parse(endsAt) !== Date.parse(s.endsAt)) patch.endsAt = endsAt;
    const format = value(form, "format") as AdminTrainingSession["format"];
    if (format !== s.format) patch.format = format;
    const location = value(form, "location") || null;
    if (location !== s.location) patch.location = location;
    const virtualLink = value(form, "virtualLink") || null;
    if (virtualLink !== s.virtualLink) patch.virtualLink = virtualLink;
    return patch;
  }

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const patch = this.patchFrom(new FormData(event.currentTarget as HTMLFormElement));
    if (Object.keys(patch).length === 0) return this.close();
    return this.save("changed", () => this.client.trainings.changeSession(this.series, this.session.key, patch));
  };

  private readonly onCancel = () => this.save("cancelled", () => this.client.trainings.cancelSession(this.series, this.session.key));

  protected renderCancel() {
    const s = this.session;
    return html`<div class="confirm" role="group" aria-labelledby="question">
      <p id="question" tabindex="-1">
        <strong>Cancel “${s.title}” on ${when(s.startsAt, s.timeZone)}?</strong>
        ${s.registered + s.waitlisted === 0 ? "Nobody is registered yet." : `${s.registered} registered and ${s.waitlisted} on the waitlist will get a cancellation email.`} This can't be undone.
      </p>
      ${this.renderProblems([])}
      <div class="row">
        <button type="button" class="danger" @click=${this.onCancel} ?disabled=${this.busy}>${this.busy ? "Cancelling…" : "Yes, cancel this session"}</button>
        <button type="button" class="secondary" @click=${this.close}>Keep the session</button>
      </div>
    </div>`;
  }

  protected renderChange() {
    const s = this.session;
    const zone = zoneName(s.timeZone);
    return html`<form @submit=${this.onSubmit} novalidate aria-label="Change ${s.title}">
      ${this.renderProblems(FIELDS)}
      <p class="muted">Times are in the event's zone (${zone}). Everyone registered or on the waitlist gets an email with the new details and an updated calendar file.</p>
      <div class="row">
        ${this.field("startsAt", `Starts (${zone})`, { type: "datetime-local", value: toLocalInput(s.startsAt, s.timeZone), required: true })}
        ${this.field("endsAt", `Ends (${zone})`, { type: "datetime-local", value: toLocalInput(s.endsAt, s.timeZone), required: true })}
      </div>
      ${this.field("format", "How people take part", { value: s.format, choices: FORMATS })}
      ${this.field("location", "Place", { value: s.location ?? "", hint: "A street address or room, for in-person and hybrid sessions." })}
      ${this.field("virtualLink", "Join link", { type: "url", value: s.virtualLink ?? "", hint: "https://…, for online and hybrid sessions. Only people with a seat get it." })}
      ${this.renderSaveRow()}
    </form>`;
  }
}

customElements.define("ck-admin-session-change", CkAdminSessionChange);
