// Session times as a person says them, in Chromium's Intl: one line with the day, a tight range
// and the zone; a range past midnight names its second day instead of two numeric dates.
import { expect } from "@open-wc/testing";
import { formatWhen } from "./time.js";

describe("session times", () => {
  it("reads 'Mon, Nov 30 · 6:00–7:30 PM EST' in English and the same shape in Spanish", () => {
    expect(formatWhen("2026-11-30T23:00:00Z", "2026-12-01T00:30:00Z", "America/New_York", "en")).to.match(/^Mon, Nov 30(, 2026)? · 6:00–7:30\sPM EST$/);
    expect(formatWhen("2026-11-30T23:00:00Z", "2026-12-01T00:30:00Z", "America/New_York", "es")).to.match(/^lun, 30 nov\.?(,? 2026)? · 18:00–19:30 \S+$/);
  });

  it("a range past midnight names the next day, never '11/30/2026, 11:00 PM UTC – 12/1/2026, 12:30 AM UTC'", () => {
    const text = formatWhen("2026-11-30T23:00:00Z", "2026-12-01T00:30:00Z", "UTC", "en");
    expect(text).to.match(/^Mon, Nov 30(, 2026)? · 11:00\sPM – Tue, Dec 1(, 2026)? · 12:30\sAM UTC$/);
    expect(text).not.to.match(/\d+\/\d+\/\d{4}/);
  });

  it("shows the year only for a day in another year", () => {
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(formatWhen(`${nextYear}-03-10T15:00:00Z`, `${nextYear}-03-10T16:00:00Z`, "UTC", "en")).to.contain(`, ${nextYear} · `);
    const thisYear = new Date().getUTCFullYear();
    expect(formatWhen(`${thisYear}-06-10T15:00:00Z`, `${thisYear}-06-10T16:00:00Z`, "UTC", "en")).not.to.contain(String(thisYear));
  });
});
