/**
 * Spanish for every message the contract produces: error codes, field errors and survey rules.
 * The API answers in Spanish when asked (Accept-Language: es) and the widgets translate the same
 * way, so the browser and the API still say the same words. Zod-free, loaded only when needed.
 */
// Keys are the English messages themselves (as in gettext), so this module imports nothing and
// the widgets' Spanish chunk stays separate from the English bundle. A test checks that every
// message in vocabulary.ts has its Spanish here.
const STORY_MIN = 20;
const STORY_MAX = 5000;

const EXACT: Record<string, string> = {
  // ERROR_MESSAGES
  "Please correct the highlighted fields.": "Corrige los campos marcados.",
  "We couldn't find that.": "No encontramos eso.",
  "This page's partner key is missing or not valid.": "La clave de socio de esta página falta o no es válida.",
  "This partner key was replaced and no longer works. Ask the coalition for the new key.": "Esta clave de socio fue reemplazada y ya no funciona. Pide la clave nueva a la coalición.",
  "A valid secret key is required (Authorization: Bearer sk_...).": "Se necesita una clave secreta válida (Authorization: Bearer sk_...).",
  "This secret key is read-only. Use a read-write key to make changes.": "Esta clave secreta es de solo lectura. Usa una clave de lectura y escritura para hacer cambios.",
  "This website is not allowed to use this partner key.": "Este sitio web no tiene permiso para usar esta clave de socio.",
  "This petition is closed and no longer accepting signatures.": "Esta petición está cerrada y ya no acepta firmas.",
  "Registration for this session is closed.": "La inscripción para esta sesión está cerrada.",
  "Too many attempts. Please wait a minute and try again.": "Demasiados intentos. Espera un minuto y vuelve a intentarlo.",
  "Many people are taking part from this network right now. Please try again in a moment.": "Mucha gente está participando desde esta red ahora mismo. Vuelve a intentarlo en un momento.",
  "This request was already sent with different details.": "Esta solicitud ya se envió con otros datos.",
  "That request is too large.": "Esa solicitud es demasiado grande.",
  "Send JSON or a form.": "Envía JSON o un formulario.",
  "Something went wrong on our side. Your information was not lost; please try again.": "Algo salió mal de nuestro lado. No se perdió tu información; vuelve a intentarlo.",
  // field messages in vocabulary.ts
  "Enter a valid email address, like name@example.org.": "Escribe un correo electrónico válido, como nombre@ejemplo.org.",
  "Enter a 5-digit ZIP code.": "Escribe un código postal de 5 dígitos.",
  "Enter a parent or guardian's email address.": "Escribe el correo electrónico de tu madre, padre o tutor.",
  "A parent or guardian must agree before someone under 13 can sign.": "Una madre, un padre o un tutor debe dar su permiso antes de que firme alguien menor de 13 años.",
  "Choose your age group.": "Elige tu grupo de edad.",
  "Enter your first name, or choose to share anonymously.": "Escribe tu nombre, o elige compartir de forma anónima.",
  "Please agree to let us share your story, or choose “only the coalition may read it”.": "Acepta que compartamos tu historia, o elige «solo la coalición puede leerla».",
  "Leave this blank unless a parent or guardian agrees below.": "Deja esto en blanco salvo que tu madre, padre o tutor lo autorice abajo.",
  "Please answer this question.": "Responde esta pregunta.",
  "Choose one of the options.": "Elige una de las opciones.",
  "Choose a number from 1 to 5.": "Elige un número del 1 al 5.",
  "The guardian's email must be different from yours.": "El correo de tu madre, padre o tutor debe ser distinto del tuyo.",
  "Please agree so we can contact you, or leave your email out.": "Acepta que te contactemos, o no escribas tu correo.",
  "Choose yes, maybe or no.": "Elige sí, tal vez o no.",
  "Choose a meeting date.": "Elige una fecha de reunión.",
  "That meeting isn't on the upcoming schedule.": "Esa reunión no está en el próximo calendario.",
  "That meeting is cancelled.": "Esa reunión está cancelada.",
  "Source codes are at most 100 characters.": "Los códigos de origen tienen como máximo 100 caracteres.",
  "Use lowercase letters, numbers and dashes.": "Usa minúsculas, números y guiones.",
  "This cancel link is not valid.": "Este enlace de cancelación no es válido.",
  "This link is not valid.": "Este enlace no es válido.",
  "Choose how you are connected to the schools.": "Elige tu relación con las escuelas.",
  "Choose whether and how we may share your story.": "Elige si podemos compartir tu historia y cómo.",
  "Tell us your story.": "Cuéntanos tu historia.",
  [`Tell us a little more (at least ${STORY_MIN} characters).`]: `Cuéntanos un poco más (al menos ${STORY_MIN} caracteres).`,
  [`Stories can be at most ${STORY_MAX} characters.`]: `Las historias tienen como máximo ${STORY_MAX} caracteres.`,
  "Choose approve or reject.": "Elige aprobar o rechazar.",
  "Give a reason for rejecting (the author may see it).": "Da un motivo para rechazarla (la persona autora puede verlo).",
  "This question is not part of the survey.": "Esta pregunta no forma parte de la encuesta.",
  "This question does not apply to your earlier answer.": "Esta pregunta no corresponde a tu respuesta anterior.",
  "Choose from the options listed.": "Elige entre las opciones de la lista.",
  "Answer with text.": "Responde con texto.",
  "This survey has no such version.": "Esta encuesta no tiene esa versión.",
  "The request body is not valid JSON.": "El cuerpo de la solicitud no es JSON válido.",
  "The request body must be a JSON object.": "El cuerpo de la solicitud debe ser un objeto JSON.",
  "The request body must be UTF-8 text.": "El cuerpo de la solicitud debe ser texto UTF-8.",
  "First name must be at most 80 characters.": "El nombre tiene como máximo 80 caracteres.",
  "Remove the invisible control character from this field.": "Quita el carácter de control invisible de este campo.",
  // organizer changes to a training session or a meeting week
  "Enter a real date and time with its offset, like 2026-03-10T18:00:00-05:00.": "Escribe una fecha y hora reales con su desfase, como 2026-03-10T18:00:00-05:00.",
  "This was collected more than 30 days ago or in the future; it can no longer be sent. Check the device's date and time.": "Esto se recogió hace más de 30 días o en el futuro; ya no se puede enviar. Revisa la fecha y la hora del dispositivo.",
  "Choose online or tabling.": "Elige en línea o en mesa.",
  "A share code is 22 letters, digits, - or _.": "Un código para compartir tiene 22 letras, dígitos, - o _.",
  "Choose online, in person, or both.": "Elige en línea, en persona o ambas.",
  "A session ends after it starts.": "Una sesión termina después de empezar.",
  "This is after the session's end: change the end time too.": "Esto es después del final de la sesión: cambia también la hora de fin.",
  "Choose a time that has not passed yet.": "Elige una hora que aún no haya pasado.",
  "A session can only be cancelled here; a cancelled session is not reopened (add a new session instead).": "Aquí una sesión solo se puede cancelar; una sesión cancelada no se reabre (agrega una sesión nueva).",
  "Reserve a whole number of seats, 1 or more.": "Reserva un número entero de lugares, 1 o más.",
  "Reserve seats only for a partner co-hosting this session.": "Reserva lugares solo para una organización socia que coorganiza esta sesión.",
  "Reserve seats for each partner once.": "Reserva lugares para cada organización socia una sola vez.",
  "Reserved seats add up to more than the session's capacity.": "Los lugares reservados suman más que el cupo de la sesión.",
  "Set a capacity before reserving seats for partners.": "Fija un cupo antes de reservar lugares para las organizaciones socias.",
  "Cancel a session on its own, without other changes.": "Cancela una sesión por sí sola, sin otros cambios.",
  "This session is cancelled, so it can't be changed.": "Esta sesión está cancelada, así que no se puede cambiar.",
  "This session is over, so it can't be changed.": "Esta sesión ya terminó, así que no se puede cambiar.",
  // attendance.ts
  "Choose whether they attended.": "Elige si asistió.",
  "Attendance can be marked once the session has started.": "La asistencia se puede marcar cuando la sesión haya empezado.",
  "This session is cancelled, so nobody attended it.": "Esta sesión está cancelada, así que nadie asistió.",
  "Nobody with this email holds a seat in this session.": "Nadie con este correo tiene un lugar en esta sesión.",
  "Enter the registrant's email.": "Escribe el correo de la persona inscrita.",
  "Write yes or no under attended.": "Escribe yes o no en la columna attended.",
  "This email is on an earlier row too.": "Este correo también está en una fila anterior.",
  "The first line must name the columns email and attended.": "La primera línea debe nombrar las columnas email y attended.",
  "The file has no rows under its header.": "El archivo no tiene filas bajo su encabezado.",
  "At most 2,000 rows per file.": "Como máximo 2000 filas por archivo.",
  'Enter how many sessions complete the series, "all", or nothing for no completion.': 'Escribe cuántas sesiones completan la serie, "all", o nada para no tener finalización.',
  "The series has fewer sessions than that.": "La serie tiene menos sesiones que eso.",
  // session-feedback.ts
  "Choose one of your coalition's surveys.": "Elige una de las encuestas de tu coalición.",
  "Give the https page where the feedback survey is embedded.": "Indica la página https donde está insertada la encuesta de opinión.",
  "Choose the feedback survey this page shows.": "Elige la encuesta de opinión que muestra esta página.",
  "This survey is not the feedback survey for that session.": "Esta encuesta no es la encuesta de opinión de esa sesión.",
  "Enter a place for the people who come in person.": "Escribe un lugar para quienes vienen en persona.",
  "Enter a date as YYYY-MM-DD.": "Escribe una fecha como AAAA-MM-DD.",
  "Enter a date between the years 2000 and 2100.": "Escribe una fecha entre los años 2000 y 2100.",
  "Enter a time as HH:MM (24-hour).": "Escribe una hora como HH:MM (24 horas).",
  "Enter a join link (https://…) for an online or hybrid session.": "Escribe un enlace para unirse (https://…) para una sesión en línea o híbrida.",
  "Only startsAt, endsAt, format, location, virtualLink and status can be changed here.": "Aquí solo se pueden cambiar startsAt, endsAt, format, location, virtualLink y status.",
  "Idempotency-Key must be 8 to 200 visible ASCII characters.": "Idempotency-Key debe tener de 8 a 200 caracteres ASCII visibles.",
  "Say what changes this week: cancel it, move it, change how or where it meets, or add a note.": "Di qué cambia esta semana: cancélala, muévela, cambia cómo o dónde es la reunión, o agrega una nota.",
  "A cancelled week doesn't move or change place; a note is fine.": "Una semana cancelada no se mueve ni cambia de lugar; una nota sí se puede agregar.",
  "This week's meeting is cancelled and people were told, so it stays cancelled.": "La reunión de esta semana está cancelada y se avisó a las personas, así que sigue cancelada.",
  "Choose true or false.": "Elige true o false.",
  "This meeting is over, so it can't be changed.": "Esta reunión ya terminó, así que no se puede cambiar.",
  "Only cancelled, newDate, newTime, format, location and note can be sent here.": "Aquí solo se pueden enviar cancelled, newDate, newTime, format, location y note.",
  "Enter a web address starting with https://.": "Escribe una dirección web que empiece por https://.",
};

/** The labels text() fields are built from ("Enter your first name."). */
const LABELS: Record<string, { enter: string; noun: string }> = {
  "your first name": { enter: "tu nombre", noun: "El nombre" },
  "your last name": { enter: "tu apellido", noun: "El apellido" },
  "a title": { enter: "un título", noun: "El título" },
  "your school or district": { enter: "tu escuela o distrito", noun: "La escuela o el distrito" },
  "a reason": { enter: "un motivo", noun: "El motivo" },
  "a place": { enter: "un lugar", noun: "El lugar" },
  "a note": { enter: "una nota", noun: "La nota" },
};
const NOUNS: Record<string, string> = Object.fromEntries(
  Object.entries(LABELS).map(([label, es]) => [label.replace(/^(your|a|an|the) /, "").replace(/^./, (c) => c.toUpperCase()), es.noun]),
);

const PATTERNS: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string | undefined]> = [
  [/^Enter (.+)\.$/, (m) => LABELS[m[1]!] && `Escribe ${LABELS[m[1]!]!.enter}.`],
  [/^(.+) must be text\.$/, (m) => NOUNS[m[1]!] && `${NOUNS[m[1]!]} debe ser texto.`],
  [/^(.+) must be at most (\d+) characters\.$/, (m) => NOUNS[m[1]!] && `${NOUNS[m[1]!]} tiene como máximo ${m[2]} caracteres.`],
  [/^Keep your answer under (\d+) characters\.$/, (m) => `Tu respuesta debe tener menos de ${m[1]} caracteres.`],
];

/** The Spanish for an English contract message, or undefined when there is none. */
export function spanishFor(message: string): string | undefined {
  const exact = EXACT[message];
  if (exact) return exact;
  for (const [pattern, translate] of PATTERNS) {
    const match = message.match(pattern);
    if (match) return translate(match);
  }
  return undefined;
}
