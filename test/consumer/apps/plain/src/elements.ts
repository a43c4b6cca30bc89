// Typed without importing a single type: tag names, element properties, and ck-* events on an
// element, on document and on window. Each @ts-expect-error proves the type is not `any`.
import "@coalition-kit/widgets/define";

const petition = document.createElement("ck-petition");
petition.petition = "ct-funding-gap";
petition.pollInterval = 0;
// @ts-expect-error pollInterval is a number
petition.pollInterval = "often";
document.body.append(petition);

const wall: HTMLElement | null = document.querySelector("ck-story-wall");
const survey = document.querySelector("ck-survey");
if (survey) survey.showResults = true;

petition.addEventListener("ck-submit", (event) => console.log(event.detail.widget));
document.addEventListener("ck-success", (event) => {
  if (event.detail.widget === "petition") console.log(event.detail.status, event.detail.total);
  // @ts-expect-error event details carry no personal data
  console.log(event.detail.email);
});
window.addEventListener("ck-error", (event) => console.log(event.detail.code, event.detail.message, wall));
