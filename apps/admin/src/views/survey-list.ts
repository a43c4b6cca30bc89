import { html, nothing } from "lit";
import type { AdminSurveyList, SurveyResults } from "@coalition-kit/schema";
import { AdminView, download } from "./admin-view.js";
import { renderSurveyResults } from "./survey-results.js";

/** Surveys with their response counts; results per question (small groups withheld) and the CSV. */
export class CkAdminSurveys extends AdminView {
  static override properties = { ...AdminView.properties, surveys: { state: true }, results: { state: true } };
  declare surveys: AdminSurveyList["surveys"];
  declare results: SurveyResults | undefined;

  constructor() {
    super();
    this.surveys = [];
  }

  protected async load(): Promise<void> {
    this.surveys = await this.client.surveys.list();
  }

  private show(slug: string) {
    return this.attempt(async () => {
      this.results = await this.client.surveys.results(slug);
    });
  }

  private exportCsv(slug: string) {
    return this.attempt(async () => download(await this.client.surveys.exportCsv(slug), `${slug}-responses.csv`));
  }

  protected override render() {
    return html`
      <h1>Surveys</h1>
      <p><a href="#/surveys/new">New survey</a></p>
      ${this.renderAlert()}
      <table>
        <thead><tr><th>Survey</th><th class="num">Responses</th><th>Results</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          ${this.surveys.map(
            (s) => html`<tr>
              <td>${s.title}<br /><code class="muted">${s.slug}</code></td>
              <td class="num">${s.responses.toLocaleString()}</td>
              <td>${s.publicResults ? "Public" : "Organizers only"}</td>
              <td class="row">
                <button type="button" class="secondary" @click=${() => void this.show(s.slug)}>Results</button>
                <button type="button" class="secondary" @click=${() => void this.exportCsv(s.slug)}>Export (CSV)</button>
                <a href="#/surveys/edit/${encodeURIComponent(s.slug)}">Edit<span class="visually-hidden"> ${s.title}</span></a>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.results ? renderSurveyResults(this.results, `Results: ${this.results.survey}`) : nothing}
    `;
  }
}

customElements.define("ck-admin-surveys", CkAdminSurveys);
