// Without a `locale` attribute, widgets follow the page's `lang` (here a Spanish section of a page).
import { expect, fixture } from "@open-wc/testing";
import { html } from "lit";
import type { CkMeetingRsvp } from "../meeting/ck-meeting-rsvp.js";
import { API, until } from "../test-support/helpers.js";

describe("the page's language", () => {
  it("a widget inside lang=\"es\" speaks Spanish: labels, badges, dates and the API's schedule line", async () => {
    const box = await fixture<HTMLElement>(html`<section lang="es">
      <ck-meeting-rsvp api=${API} partner="pk_demo_sej_site" meeting="wtr-meetings" count="4" time-zone="America/Chicago"></ck-meeting-rsvp>
    </section>`);
    const el = box.querySelector<CkMeetingRsvp>("ck-meeting-rsvp")!;
    const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>(".occurrence")];
    await until(() => rows()[1]?.querySelector(".badge")?.textContent === "Cancelada", "Spanish meetings");
    expect(rows()[0]!.querySelector("button")!.textContent!.trim()).to.equal("Confirmar asistencia");
    expect(rows()[0]!.querySelector(".day")!.textContent).to.match(/^(lun|mar|mié|jue|vie|sáb|dom)/);
    const schedule = el.shadowRoot!.querySelector(".schedule")!.textContent!;
    expect(schedule).to.match(/^Cada (lunes|martes|miércoles|jueves|viernes|sábado|domingo), 16:00/);
    expect(schedule).to.contain("(hora de America/New York) · En línea");
  });
});
