// Extra petitions the widget tests need beside the CT seed.
const consent = {
  coalition: { text: "Yes, the coalition may email me.", version: "t1" },
  partner: { text: "Yes, {partner} may email me.", version: "t1" },
  guardian: { text: "I am this student's parent or guardian and I agree.", version: "t1" },
};

export const TEST_PETITIONS = [
  { slug: "closed-petition", title: "A petition that already closed", body: "It closed.", target: "Nobody", goal: 100, status: "closed", consent },
  { slug: "adults-only", title: "No age question here", body: "For adults.", target: "The board", goal: 0, askAgeBand: false, consent },
];

export const XSS = `<img src=x onerror="window.__ckXss=1"><script>window.__ckXss=1</script>`;
TEST_PETITIONS.push({
  slug: "xss-petition",
  title: `Title ${XSS}`,
  body: `Body ${XSS}`,
  target: `Target ${XSS}`,
  goal: 10,
  consent: { ...consent, coalition: { text: `Consent ${XSS}`, version: "t1" } },
});

const inDays = (days, hours = 0) => new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();
const session = (key, title, days, capacity, extra = {}) => ({
  key,
  title,
  description: `About ${title}.`,
  startsAt: inDays(days),
  endsAt: inDays(days, 1.5),
  timeZone: "America/New_York",
  format: "virtual",
  virtualLink: `https://meet.example.org/${key}`,
  capacity,
  leaders: [{ name: "Rosa Diaz", role: "Lead organizer" }],
  partners: ["conncan"],
  ...extra,
});

export const TEST_TRAININGS = [
  {
    slug: "wtr-trainings",
    // In English and Spanish: a Spanish page reads the Spanish texts (src/locales/spanish-widgets.test.ts).
    title: { en: "Widget test trainings", es: "Capacitaciones de prueba" },
    description: { en: "Sessions for the widget tests.", es: "Sesiones para las pruebas de los widgets." },
    consent: {
      coalition: { text: { en: "Yes, the coalition may email me.", es: "Sí, la coalición puede enviarme correos." }, version: "t1" },
      partner: { text: { en: "Yes, {partner} may email me.", es: "Sí, {partner} puede enviarme correos." }, version: "t1" },
    },
    sessions: [
      session("big", { en: "Big open session", es: "Sesión grande y abierta" }, 5, 50, {
        description: { en: "About Big open session.", es: "Sobre la sesión grande y abierta." },
        leaders: [{ name: "Rosa Diaz", role: { en: "Lead organizer", es: "Organizadora principal" } }],
      }),
      session("one-seat", "One seat only", 6, 1),
      session("no-limit", "No limit session", 7, null, { format: "in_person", location: "New Haven Free Public Library", virtualLink: null }),
      session("ended", "Session that ended", -4, 20),
    ],
  },
];

/** A weekly meeting starting tomorrow (New York), with a cancelled week and a changed one. */
export function testMeeting(now = Date.now()) {
  const day = (offset) => new Date(now + offset * 86_400_000).toLocaleDateString("en-CA", { timeZone: "America/New_York" });
  const start = day(1);
  const weekday = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"][new Date(`${start}T12:00:00Z`).getUTCDay()];
  return {
    slug: "wtr-meetings",
    // In English and Spanish: a Spanish page reads the Spanish texts (src/locales/spanish-widgets.test.ts).
    title: { en: "Widget test member meeting", es: "Reunión de miembros de prueba" },
    description: { en: "Weekly, youth-led.", es: "Semanal, dirigida por jóvenes." },
    timeZone: "America/New_York",
    startDate: start,
    startTime: "16:00",
    durationMinutes: 90,
    rrule: `FREQ=WEEKLY;BYDAY=${weekday}`,
    format: "virtual",
    virtualLink: "https://meet.example.org/wtr-members",
    consent: {
      coalition: { text: { en: "Yes, SEJ may email me.", es: "Sí, SEJ puede enviarme correos." }, version: "t1" },
      partner: { text: "Yes, {partner} may email me.", version: "t1" },
    },
    changes: [
      { date: day(8), cancelled: true, note: { en: "No meeting this week.", es: "No hay reunión esta semana." } },
      { date: day(15), format: "in_person", location: "Wilson Library", note: { en: "In person, with food!", es: "¡En persona y con comida!" } },
    ],
  };
}
