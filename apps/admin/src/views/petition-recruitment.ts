import { html, nothing } from "lit";
import type { AdminPetitionDetail } from "@coalition-kit/schema";

/** "1 step", "2 steps": how far a signature is from the first sharer. */
const steps = (depth: number) => (depth === 0 ? "Not through a share link" : depth === 1 ? "Through a signer's link (1 step)" : `Through a link shared ${depth} steps on`);

/**
 * Where counted signatures came from: the widget `source` of each embed, and recruitment through
 * share links (how many came through one, how many signers' links brought someone, and how far
 * from the first sharer). Counts only: the console never says who recruited whom.
 */
export function recruitmentSection(detail: AdminPetitionDetail) {
  const { sources, referrals } = detail;
  if (!sources || !referrals) return nothing;
  return html`
    <h2 id="sources-heading">Where signatures came from</h2>
    <table class="sources" aria-labelledby="sources-heading">
      <thead><tr><th>Widget source</th><th class="num">Signatures</th></tr></thead>
      <tbody>
        ${sources.length
          ? sources.map((s) => html`<tr><td>${s.source === null ? html`<span class="muted">(none set)</span>` : html`<code>${s.source}</code>`}</td><td class="num">${s.count.toLocaleString()}</td></tr>`)
          : html`<tr><td colspan="2" class="muted">No signatures yet.</td></tr>`}
      </tbody>
    </table>
    <h2 id="referrals-heading">Shared by signers</h2>
    <p class="recruited">
      <strong>${referrals.recruited.toLocaleString()}</strong> ${referrals.recruited === 1 ? "signature" : "signatures"} came through a signer's share link,
      from <strong>${referrals.sharers.toLocaleString()}</strong> ${referrals.sharers === 1 ? "signer" : "signers"} whose link brought someone.
    </p>
    <table class="referrals" aria-labelledby="referrals-heading">
      <thead><tr><th>How they arrived</th><th class="num">Signatures</th></tr></thead>
      <tbody>
        ${referrals.byDepth.map((d) => html`<tr data-depth=${d.depth}><td>${steps(d.depth)}</td><td class="num">${d.count.toLocaleString()}</td></tr>`)}
      </tbody>
    </table>
  `;
}
