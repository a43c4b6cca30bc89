import { html, nothing } from "lit";
import type { ModerationStory, StoryDecision } from "@coalition-kit/schema";
import { AdminView } from "./admin-view.js";

const PUBLISH = { internal: "Only the coalition may read it", anonymous: "Publish without a name", first_name: "Publish with first name" } as const;

/**
 * Stories waiting for a decision, then the history of decisions made (who, when, why). Approving
 * publishes only as the author chose; rejecting needs a reason.
 */
export class CkAdminStories extends AdminView {
  static override properties = { ...AdminView.properties, stories: { state: true }, decisions: { state: true } };
  declare stories: ModerationStory[];
  declare decisions: StoryDecision[];

  constructor() {
    super();
    this.stories = [];
    this.decisions = [];
  }

  protected async load(): Promise<void> {
    [this.stories, this.decisions] = await Promise.all([this.client.stories.list("pending"), this.client.stories.decisions()]);
  }

  private decide(story: ModerationStory, decision: "approve" | "reject", form?: HTMLFormElement) {
    const reason = form ? String(new FormData(form).get("reason") ?? "").trim() : undefined;
    return this.attempt(async () => {
      await this.client.stories.moderate(story.id, decision === "approve" ? { decision } : { decision, reason: reason ?? "" });
      await this.load();
    });
  }

  protected override render() {
    return html`
      <h1>Story moderation</h1>
      ${this.renderAlert()}
      ${!this.loaded ? html`<p class="muted" role="status">Loading…</p>` : this.stories.length === 0 ? html`<p>No stories are waiting. 🎉</p>` : html``}
      ${this.stories.map(
        (s) => html`<article class="card" aria-labelledby="story-${s.id}">
          <h2 id="story-${s.id}">${s.title}</h2>
          <p class="muted">${s.campaign} · ${s.role} · ${s.ageBand.replace("_", " ")} · ${PUBLISH[s.publish]}${s.authorName ? ` · ${s.authorName}` : ""}${s.partner ? ` · via ${s.partner}` : ""}</p>
          ${s.guardianPending
            ? html`<p class="note" data-guardian-pending><strong>Waiting for a parent or guardian.</strong> The author is under 13; we emailed their parent or guardian. Until they agree, the story can't be approved and the author's name and school stay hidden.</p>`
            : nothing}
          ${s.story.split(/\n\s*\n/).map((p) => html`<p>${p}</p>`)}
          <form class="row" @submit=${(e: SubmitEvent) => (e.preventDefault(), void this.decide(s, "reject", e.currentTarget as HTMLFormElement))}>
            <button type="button" @click=${() => void this.decide(s, "approve")} ?disabled=${this.busy || s.guardianPending}>Approve</button>
            <label>Reason to reject <input name="reason" maxlength="500" /></label>
            <button type="submit" class="danger" ?disabled=${this.busy}>Reject</button>
          </form>
        </article>`,
      )}
      ${this.loaded ? this.renderHistory() : nothing}
    `;
  }

  private renderHistory() {
    return html`<h2>Moderation history</h2>
      ${this.decisions.length === 0
        ? html`<p class="muted">No story has been approved or rejected yet.</p>`
        : html`<table class="story-history">
            <thead><tr><th>When</th><th>Story</th><th>Decision</th><th>By</th></tr></thead>
            <tbody>
              ${this.decisions.map(
                (d) => html`<tr>
                  <td>${new Date(d.decidedAt).toLocaleString()}</td>
                  <td>${d.title} <span class="muted">(${d.campaign})</span></td>
                  <td>${d.decision === "approved" ? "Approved" : html`Rejected: ${d.reason}`}</td>
                  <td><code>${d.decidedBy ? `${d.decidedBy}…` : "a deleted key"}</code></td>
                </tr>`,
              )}
            </tbody>
          </table>`}`;
  }
}

customElements.define("ck-admin-stories", CkAdminStories);
