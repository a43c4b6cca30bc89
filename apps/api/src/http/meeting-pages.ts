import type { ManageView } from "../services/meetings/meeting-manage.js";
import { escapeHtml, pageHead } from "./html.js";

const LABELS: Record<string, string> = { yes: "Yes", maybe: "Maybe", no: "No" };

/** The page behind a manage link: plain HTML forms (POST), so it works in any mail client's browser. */
export function managePage(view: ManageView, token: string): string {
  const zone = view.meeting.time_zone;
  const when = (iso: string) =>
    new Intl.DateTimeFormat("en-US", { weekday: "long", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZone: zone, timeZoneName: "short" }).format(new Date(iso));
  const t = escapeHtml(token);
  const rows = view.occurrences
    .map((o) => {
      const buttons =
        o.status === "cancelled"
          ? "<em>Cancelled</em>"
          : ["yes", "maybe", "no"]
              .map((r) => `<button type="submit" name="response" value="${r}"${o.mine === r ? ' aria-pressed="true"' : ""}>${LABELS[r]}</button>`)
              .join(" ");
      return `<li><form method="post"><input type="hidden" name="token" value="${t}"><input type="hidden" name="occurrence" value="${escapeHtml(o.date)}">
        <strong>${escapeHtml(when(o.startsAt))}</strong>${o.note ? ` · ${escapeHtml(o.note)}` : ""} — your answer: ${escapeHtml(o.mine ? LABELS[o.mine]! : "none")} ${buttons}</form></li>`;
    })
    .join("");
  const standing = view.standing
    ? `<p>You answered <strong>${escapeHtml(LABELS[view.standing.response]!)}</strong> for every week.</p>
       <form method="post"><input type="hidden" name="token" value="${t}"><button type="submit" name="action" value="stop_every_week">Stop my every-week RSVP</button></form>`
    : "";
  return `<!doctype html><html lang="en">${pageHead("Your RSVPs")}
    <body>
    <h1>Your RSVPs: ${escapeHtml(view.meeting.title)}</h1>${standing}<ul>${rows}</ul></body></html>`;
}
