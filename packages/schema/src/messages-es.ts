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
  "A valid secret key is required (Authorization: Bearer sk_...).": "Se necesita una clave secreta válida (Authorization: Bearer sk_...).",
  "This website is not allowed to use this partner key.": "Este sitio web no tiene permiso para usar esta clave de socio.",
  "This petition is closed and no longer accepting signatures.": "Esta petición está cerrada y ya no acepta firmas.",
  "Registration for this session is closed.": "La inscripción para esta sesión está cerrada.",
  "Too many attempts. Please wait a minute and try again.": "Demasiados intentos. Espera un minuto y vuelve a intentarlo.",
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
};

/** The labels text() fields are built from ("Enter your first name."). */
const LABELS: Record<string, { enter: string; noun: string }> = {
  "your first name": { enter: "tu nombre", noun: "El nombre" },
  "your last name": { enter: "tu apellido", noun: "El apellido" },
  "a title": { enter: "un título", noun: "El título" },
  "your school or district": { enter: "tu escuela o distrito", noun: "La escuela o el distrito" },
  "a reason": { enter: "un motivo", noun: "El motivo" },
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
