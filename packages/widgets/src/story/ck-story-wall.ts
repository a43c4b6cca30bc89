import { html, nothing } from "lit";
import { storiesLite } from "@coalition-kit/sdk/lite";
import { STORY_ROLES } from "@coalition-kit/schema/rules";
import type { PublicStory, StoryRole, StoryWallResponse } from "@coalition-kit/schema";
import type { CoalitionClient } from "@coalition-kit/sdk/lite";
import { CkWidget } from "../shared/ck-widget.js";
import { emit, errorDetail } from "../shared/events.js";
import { formStyles } from "../shared/form-styles.js";
import { paragraphs } from "../shared/format.js";
import { dateTimeFormat } from "../shared/formatters.js";
import { formatLocale } from "../shared/i18n.js";
import { loadPanel } from "../shared/load-panels.js";
import { storyMessages as m } from "./story-messages.js";
import { panelStyles } from "../shared/panel-styles.js";
import { tokens } from "../shared/tokens.js";
import { storyStyles } from "./story.styles.js";
import { pagerMessages as pager } from "../shared/common-messages.js";

/** A story's publication date in the reader's language and time zone: "Nov 30, 2026", "30 nov 2026". */
const publishedDate = (iso: string): string => dateTimeFormat(formatLocale(), { year: "numeric", month: "short", day: "numeric" }).format(new Date(iso));

/**
 * A public wall of approved stories whose authors agreed to sharing: paginated, filterable by
 * role with a segmented group of radios (arrow keys move between them). Each story shows its
 * publication date. Story text is always rendered as text.
 *
 * @fires ck-error
 * @slot header
 * @summary A paginated wall of approved stories, filterable by role.
 * @tagname ck-story-wall
 * @csspart container - the widget's outer box
 * @csspart title - the heading
 * @csspart form - the form
 * @csspart field - one field (label, control, error)
 * @csspart label - a field's label
 * @csspart input - text inputs
 * @csspart checkbox - consent checkboxes
 * @csspart error - a field's error message
 * @csspart button - buttons
 * @csspart success - the confirmation after sending
 * @cssprop --ck-font-family - font stack (default: system UI)
 * @cssprop --ck-color-primary - buttons, links, progress
 * @cssprop --ck-color-text - body text
 * @cssprop --ck-color-bg - background
 * @cssprop --ck-color-error - error messages and invalid fields
 * @cssprop --ck-radius - corner radius
 */
export class CkStoryWall extends CkWidget {
  protected static override vertical = ["stories", storiesLite] as const;
  static override properties = {
    campaign: { type: String },
    pageSize: { type: Number, attribute: "page-size" },
    phase: { state: true },
    data: { state: true },
    page: { state: true },
    filter: { state: true },
  };
  static override styles = [tokens, panelStyles, formStyles, storyStyles];

  declare campaign: string;
  declare pageSize: number;
  declare protected phase: "loading" | "ready" | "error";
  declare protected data: StoryWallResponse | undefined;
  declare protected page: number;
  declare protected filter: StoryRole | "";


  constructor() {
    super();
    this.campaign = "";
    this.pageSize = 6;
    this.phase = "loading";
    this.page = 1;
    this.filter = "";
  }

  protected override reloadOn() {
    return ["campaign", "pageSize", "page", "filter"];
  }

  /** Fetch the current page (again). */
  async load(): Promise<void> {
    const client = this.activeClient;
    if (!client || !this.campaign || !this.isConnected) return;
    const current = this.beginLoad();
    try {
      const data = await client.stories.wall(this.campaign, { page: this.page, pageSize: this.pageSize, ...(this.filter ? { role: this.filter } : {}) });
      if (!current()) return;
      this.data = data;
      this.phase = "ready";
    } catch (error) {
      if (!current()) return;
      this.phase = "error";
      emit(this, "ck-error", { widget: "story-wall", campaign: this.campaign, ...errorDetail(error) });
    }
  }

  private byline(story: PublicStory): string {
    const who = story.authorName ? m.namedAuthor(story.authorName, m.roles[story.role].toLowerCase()) : m.anonymousAuthor[story.role];
    return `— ${who}${story.school ? ` · ${story.school}` : ""}`;
  }

  private async go(page: number): Promise<void> {
    this.page = page;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(".stories")?.focus();
  }

  protected override render() {
    if (this.phase === "error") return loadPanel(m.loadFailed, () => this.load());
    const data = this.data;
    const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
    return html`
      <section part="container" class="container" aria-busy=${this.phase === "loading" ? "true" : "false"}>
        <slot name="header"></slot>
        <fieldset class="toolbar segmented">
          <legend>${m.filterLabel}</legend>
          ${(["", ...STORY_ROLES] as const).map(
            (r) => html`<label class="segment">
              <input
                type="radio"
                name="ck-role-filter"
                id=${r ? `ck-role-filter-${r}` : "ck-role-filter"}
                value=${r}
                .checked=${this.filter === r}
                @change=${() => {
                  this.filter = r;
                  this.page = 1;
                }}
              />
              <span>${r ? m.rolesPlural[r] : m.allRoles}</span>
            </label>`,
          )}
        </fieldset>
        ${!data
          ? html`<p class="muted" role="status">${m.loading}</p>`
          : data.stories.length === 0
            ? html`<p class="muted empty">${m.wallEmpty}</p>`
            : html`<ol part="stories" class="stories" tabindex="-1" aria-label=${m.pageOf(data.page, pages)}>
                ${data.stories.map(
                  (s) => html`<li part="story" class="story" data-story=${s.id}>
                    <h3 lang=${s.language ?? nothing}>${s.title}</h3>
                    ${paragraphs(s.story).map((p) => html`<p lang=${s.language ?? nothing}>${p}</p>`)}
                    <p class="byline">${this.byline(s)}</p>
                    <p class="published"><time datetime=${s.publishedAt}>${publishedDate(s.publishedAt)}</time></p>
                  </li>`,
                )}
              </ol>`}
        ${data && pages > 1
          ? html`<nav class="pager" aria-label=${m.pages}>
              <button part="button" type="button" ?disabled=${data.page <= 1} @click=${() => void this.go(data.page - 1)}>${pager.previous}</button>
              <span>${m.pageOf(data.page, pages)}</span>
              <button part="button" type="button" ?disabled=${data.page >= pages} @click=${() => void this.go(data.page + 1)}>${pager.next}</button>
            </nav>`
          : nothing}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "ck-story-wall": CkStoryWall;
  }
}
