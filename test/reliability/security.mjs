// Security checks against the running demo (API + partner site) and in Chromium: forged Origin,
// missing and invalid keys, CORS, the rate limit, and script-like text in every field organizers
// or visitors can write, rendered by every widget: shown as text, never run.
import { randomUUID } from "node:crypto";
import { createSecretKey, loadSeedFile, SEEDS_DIR } from "@coalition-kit/api";
import { startDemo } from "@coalition-kit/demo-site";
import { signer } from "../bench/support.mjs";
import { launchChromium } from "../dist/support/env.js";

const XSS = `<img src=x onerror="window.__ckXss=1"><script>window.__ckXss=1</script>"><svg onload="window.__ckXss=1">`;

export async function security() {
  const demo = await startDemo({ apiPort: 0, sitePort: 0, memory: true });
  const checks = [];
  const check = (name, ok, detail = "") => checks.push({ name, ok: Boolean(ok), detail });
  try {
    const api = demo.apiUrl;
    const signUrl = `${api}/v1/petitions/ct-funding-gap/signatures`;
    const post = (headers, body = signer("sec")) => fetch(signUrl, { method: "POST", headers: { "Content-Type": "application/json", "Idempotency-Key": randomUUID(), ...headers }, body: JSON.stringify(body) });
    const count = async () => (await (await fetch(`${api}/v1/petitions/ct-funding-gap/stats`)).json()).stats.total;

    const before = await count();
    const forged = await post({ "X-Partner-Key": "pk_demo_e4e", Origin: "https://evil.example.org" });
    check("forged Origin with a real partner key is refused", forged.status === 403, `HTTP ${forged.status}`);
    const missing = await post({ Origin: demo.siteUrl });
    check("missing partner key is refused", missing.status === 401, `HTTP ${missing.status}`);
    const invalid = await post({ "X-Partner-Key": "pk_made_up_key", Origin: demo.siteUrl });
    check("invalid partner key is refused", invalid.status === 401, `HTTP ${invalid.status}`);
    check("refused requests store nothing", (await count()) === before, `${before} → ${await count()}`);

    const preflight = await fetch(signUrl, { method: "OPTIONS", headers: { Origin: "https://evil.example.org", "Access-Control-Request-Method": "POST" } });
    check("CORS preflight from an unknown site is refused", preflight.status === 403 && !preflight.headers.get("access-control-allow-origin"), `HTTP ${preflight.status}`);

    const noAdmin = await fetch(`${api}/v1/admin/petitions`);
    const badAdmin = await fetch(`${api}/v1/admin/petitions`, { headers: { Authorization: "Bearer sk_wrongwrongwrongwrongwrong" } });
    check("admin API without or with a wrong secret key is refused", noAdmin.status === 401 && badAdmin.status === 401, `HTTP ${noAdmin.status} / ${badAdmin.status}`);
    const stored = await demo.db.query("select count(*)::int as n from secret_keys where key_hash like 'sk_%'");
    check("secret keys are stored only as hashes", stored[0].n === 0);

    // Windows are whole minutes: sign until refused. At most two windows' worth (40) can pass, if the
    // run happens to cross a minute; the 41st is refused whatever the clock says.
    const statuses = [];
    let limited;
    while (statuses.length < 41 && !limited) {
      const res = await post({ "X-Partner-Key": "pk_demo_e4e", Origin: demo.siteUrl });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    const signed = statuses.filter((s) => s === 201).length;
    check("the per-IP rate limit answers 429 with Retry-After", limited && signed <= 40 && Number(limited.headers.get("retry-after")) > 0, `${signed} signed, then 429`);

    await writeHostileText(demo);
    const browser = await launchChromium();
    try {
      for (const [page, selector] of [
        ["/campaign.html?petition=xss-check", "ck-petition"],
        ["/stories.html", "ck-story-wall"],
        ["/trainings.html", "ck-training-calendar"],
        ["/meetings.html", "ck-meeting-rsvp"],
        ["/survey.html", "ck-survey"],
      ]) {
        const tab = await browser.newPage();
        let dialogs = 0;
        tab.on("dialog", (d) => ((dialogs += 1), void d.dismiss()));
        await tab.goto(demo.siteUrl + page);
        const shown = tab.locator(selector).getByText("onerror=", { exact: false }).first();
        const visible = await shown.waitFor({ timeout: 10_000 }).then(() => true, () => false);
        const ran = await tab.evaluate(() => window.__ckXss ?? 0);
        const injected = await tab.locator(`${selector} img[src="x"], ${selector} svg[onload]`).count();
        check(`${selector}: script-like text is shown as text and never runs`, visible && ran === 0 && dialogs === 0 && injected === 0, `${page}: shown=${visible} ran=${ran} injected=${injected}`);
        await tab.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    await demo.close();
  }
  return checks;
}

/** Put the hostile string into every text an organizer or a visitor can write, through the real API. */
async function writeHostileText(demo) {
  const api = demo.apiUrl;
  const as = async (org) => ({ Authorization: `Bearer ${(await createSecretKey(demo.db, org)).key}`, "Content-Type": "application/json", "Idempotency-Key": randomUUID() });
  const send = async (method, path, org, body) => {
    const res = await fetch(api + path, { method, headers: await as(org), body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const consent = { coalition: { text: `Coalition ${XSS}`, version: "x1" }, partner: { text: `{partner} ${XSS}`, version: "x1" }, guardian: { text: `Guardian ${XSS}`, version: "x1" } };
  await send("POST", "/v1/admin/petitions", "ct-fund-our-schools", { slug: "xss-check", title: `Title ${XSS}`, body: `Body ${XSS}`, target: `Target ${XSS}`, goal: 10, consent });

  const story = await fetch(`${api}/v1/stories/tell-your-story`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Partner-Key": "pk_demo_faithacts", Origin: demo.siteUrl, "Idempotency-Key": randomUUID() },
    body: JSON.stringify({ title: `Story ${XSS}`.slice(0, 120), story: `My story ${XSS} and more words here.`, role: "student", ageBand: "18_plus", school: `School ${XSS}`.slice(0, 120), publish: "first_name", firstName: `Ana${XSS}`.slice(0, 80), consentPublish: true }),
  });
  if (story.status !== 201) throw new Error(`story: ${story.status} ${await story.text()}`);
  const queue = await (await fetch(`${api}/v1/admin/stories`, { headers: await as("ct-fund-our-schools") })).json();
  for (const s of queue.stories) await send("POST", `/v1/admin/stories/${s.id}/moderation`, "ct-fund-our-schools", { decision: "approve" });

  const heal = (await loadSeedFile(`${SEEDS_DIR}heal-together-training.json`)).trainings[0];
  const sessions = heal.sessions.map((s, i) => (i === 0 ? { ...s, title: `Session ${XSS}`, leaders: [{ name: `Leader ${XSS}`, role: `Role ${XSS}` }], location: `Room ${XSS}` } : s));
  await send("PUT", `/v1/admin/trainings/${heal.slug}`, "heal-together", { title: heal.title, description: `Series ${XSS}`, consent: heal.consent, sessions });

  const sej = await loadSeedFile(`${SEEDS_DIR}sej-students-over-sros.json`);
  const { slug: meetingSlug, ...meeting } = sej.meetings[0];
  await send("PUT", `/v1/admin/meetings/${meetingSlug}`, "students-for-educational-justice", { ...meeting, title: `Meeting ${XSS}`, description: `About ${XSS}` });
  const { slug: surveySlug, ...survey } = sej.surveys[0];
  const variants = survey.variants.map((v) => ({ ...v, title: `${v.title} ${XSS}`, intro: `Intro ${XSS}`, questions: v.questions.map((q, i) => (i === 0 ? { ...q, prompt: `Question ${XSS}` } : q)) }));
  await send("PUT", `/v1/admin/surveys/${surveySlug}`, "students-for-educational-justice", { ...survey, variants });
}
