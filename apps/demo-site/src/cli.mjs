// `npm run demo` ends here: start the API + demo partner site and keep them running.
import { startMailCatcher } from "./mail-catcher.mjs";
import { startDemo } from "./start-demo.mjs";

// Emails go to SMTP_URL when it is set (a real provider), else to a local mail catcher with a web inbox.
const catcher = process.env.SMTP_URL
  ? undefined
  : await startMailCatcher({ smtpPort: Number(process.env.MAIL_SMTP_PORT ?? 1025), webPort: Number(process.env.MAIL_WEB_PORT ?? 1080) });
const dataDir = process.env.CK_DATA_DIR || "./data/pglite";
const demo = await startDemo({
  smtpUrl: process.env.SMTP_URL || catcher?.smtpUrl,
  apiPort: Number(process.env.PORT ?? 8787),
  sitePort: Number(process.env.DEMO_PORT ?? 5174),
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  ...(process.env.CK_DATA_DIR ? { dataDir: process.env.CK_DATA_DIR } : {}),
});
console.log(`
Coalition Kit demo is running.
  Partner site (Educators for Excellence): ${demo.siteUrl}/
  Partner site (ConnCAN):                  ${demo.siteUrl}/conncan.html
  Trainings (Students for Ed. Justice):    ${demo.siteUrl}/trainings.html
  Tell your story (FaithActs):             ${demo.siteUrl}/stories.html
  Students Over SROs survey (SEJ):         ${demo.siteUrl}/survey.html
  Member meetings (SEJ):                   ${demo.siteUrl}/meetings.html
  Any petition on a partner page:          ${demo.siteUrl}/campaign.html?petition=<slug>
  Tabling mode (a shared device, offline): ${demo.siteUrl}/tabling.html · /tabling-trainings.html
  Host pages: ${demo.siteUrl}/react.html · /vue.html · /hostile.html (global CSS) · /strict-csp.html
  API:                                     ${demo.apiUrl}/v1/petitions/ct-funding-gap
  Database:                                ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite, persisted under ${dataDir}`}
  Email inbox (every email the demo sends): ${catcher ? catcher.inboxUrl : "sent through SMTP_URL"}

Organizer console: ${demo.apiUrl}/admin/
  Sign in with the coalition's secret key (new each start, shown only here):
  ${demo.organizerKey}
  Story moderation (a story reaches the wall only once approved): ${demo.apiUrl}/admin/#/stories
  Or call the admin API directly:
  curl -H "Authorization: Bearer ${demo.organizerKey}" ${demo.apiUrl}/v1/admin/petitions
  curl -H "Authorization: Bearer ${demo.organizerKey}" ${demo.apiUrl}/v1/admin/stories
  curl -H "Authorization: Bearer ${demo.organizerKey}" -H "Content-Type: application/json" \\
       -d '{"decision":"approve"}' ${demo.apiUrl}/v1/admin/stories/<id>/moderation
Dates are relative to today: the seeds are loaded again at every start. Reset the demo's data:
  stop it, ${process.env.DATABASE_URL ? "drop and create the DATABASE_URL database" : `delete ${dataDir}`}, start it again.
Press Ctrl+C to stop.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await demo.close();
    await catcher?.stop();
    process.exit(0);
  });
}
