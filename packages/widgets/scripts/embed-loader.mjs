// The loader each embed script is (/embed/v1/<name>.js, cached for minutes): it starts the reads
// the page's widgets will make, then imports the current content-hashed build (cached for a year).
// Bundle and data then download side by side, so the form renders after two hops, not four.
// The prefetched answers go into the registry @coalition-kit/sdk reads (sdk/src/reads.ts), keyed
// "<language> <url>" exactly as the lite client builds its reads; a widget whose read differs
// (another language, a changed attribute) simply reads again.

/** Per bundle: [element, attribute naming what it shows, API path, query the widget adds]. */
const READS = {
  petition: [["ck-petition", "petition", "v1/petitions/", () => ""]],
  survey: [["ck-survey", "survey", "v1/surveys/", () => ""]],
  // The wall asks for its first page, `page-size` stories (6 unless its attribute says otherwise).
  stories: [["ck-story-form", "campaign", "v1/stories/", () => ""], ["ck-story-wall", "campaign", "v1/stories/", (el) => `/wall?page=1&pageSize=${Number(el.getAttribute("page-size") || 6)}`]],
  "training-calendar": [["ck-training-calendar", "series", "v1/trainings/", () => ""]],
  // The meeting widget asks for `count` weeks (6 unless its attribute says otherwise).
  "meeting-rsvp": [["ck-meeting-rsvp", "meeting", "v1/meetings/", (el) => `?count=${el.getAttribute("count") || 6}`]],
};
READS["coalition-kit"] = Object.values(READS).flat();

/**
 * Per bundle: the room each element keeps while it loads (overridable with the element's
 * --ck-reserve-height), so the partner's own content below it does not jump when it renders.
 * The tall widgets keep a screen's height: whatever follows them starts below the fold and stays
 * there. The short ones keep about their usual height. The training calendar is a tall one: it
 * lists every upcoming session as a card (five on the demo's trainings page, about 2,100 px at
 * 1350 px wide); kept at 18rem, its render pushed the page's footer out of view (CLS 0.053).
 */
const RESERVE = {
  petition: { "ck-petition": "100vh" },
  survey: { "ck-survey": "20rem" },
  stories: { "ck-story-form": "100vh", "ck-story-wall": "8rem" },
  "training-calendar": { "ck-training-calendar": "100vh" },
  "meeting-rsvp": { "ck-meeting-rsvp": "100vh" },
};
RESERVE["coalition-kit"] = Object.assign({}, ...Object.values(RESERVE));

/**
 * The rules that keep each element's room until it has rendered: before the element is defined
 * its light-DOM children (the no-JavaScript fallback) are hidden unless the build failed to load
 * (data-ck-failed), and while it loads (data-ck-loading) it keeps its reserved height.
 */
export function reserveCss(name) {
  return Object.entries(RESERVE[name])
    .map(([tag, height]) => `${tag}:not(:defined):not([data-ck-failed])>*{display:none}${tag}:not(:defined):not([data-ck-failed]),${tag}[data-ck-loading]{display:block;min-height:var(--ck-reserve-height,${height})}`)
    .join("");
}

/**
 * The same rules as a style sheet partners link in their <head> (/embed/v1/coalition-kit.css), so
 * the room is kept from the first paint, before any script has run. Only when scripting is on:
 * without JavaScript the fallback form shows as it is.
 */
export const reserveStyleSheet = () => `/* Coalition Kit: keeps room for the widgets until they render (no layout shift). */\n@media (scripting: enabled) {\n${reserveCss("coalition-kit")}\n}\n`;

/**
 * The loader's source for bundle `name`, importing `hashed` (e.g. "petition.Bx1y2z3w.js"). Until
 * an element has rendered past its loading state, it carries data-ck-loading and keeps its
 * reserved height; its light-DOM children (the no-JavaScript fallback form) stay hidden while the
 * build loads, and come back if it cannot load. The style sheet is adopted, not inline: pages with
 * a strict style-src CSP allow it.
 * `chunks` are the files the build imports statically (modules the bundler split out because a
 * lazy chunk shares them, e.g. @lit/localize's str tag): the browser would only find them after
 * downloading and parsing the build, a third hop before the form. The loader preloads them
 * (modulepreload: fetched, not run) beside the build and the data.
 */
export function loaderSource(name, hashed, chunks = []) {
  const reads = READS[name].map(([tag, attribute, path, query]) => `[${JSON.stringify(tag)},${JSON.stringify(attribute)},${JSON.stringify(path)},${query.toString()}]`).join(",");
  const reserve = Object.entries(RESERVE[name]);
  const css = reserveCss(name);
  return `// Coalition Kit ${name}: keeps room for this page's widgets, starts their reads, then loads the current build (cached for a year).
{let c,w=[];try{c=new CSSStyleSheet();c.replaceSync(${JSON.stringify(css)});document.adoptedStyleSheets=[...document.adoptedStyleSheets,c]}catch{}
for(const t of${JSON.stringify(reserve.map(([tag]) => tag))}){const l=[...document.querySelectorAll(t)];for(const e of l)e.setAttribute("data-ck-loading","");w.push(...l);
customElements.whenDefined(t).then(()=>{for(const e of l){const s=e.shadowRoot,d=()=>{if(!s||s.firstElementChild&&!s.querySelector('[aria-busy="true"]')){e.removeAttribute("data-ck-loading");o?.disconnect()}},o=s&&new MutationObserver(d);o?.observe(s,{subtree:!0,childList:!0,attributes:!0});d()}})}
const r=(globalThis[Symbol.for("coalition-kit.prefetch")]??=new Map),a=(e,n)=>e.getAttribute(n)??e.closest("ck-provider["+n+"]")?.getAttribute(n);
for(const[t,n,p,q]of[${reads}])for(const e of document.querySelectorAll(t)){const api=a(e,"api"),k=a(e,"partner"),l=/^es\\b/i.test(a(e,"locale")??e.closest("[lang]")?.getAttribute("lang")??"")?"es":"en";
if(api)for(const s of(e.getAttribute(n)??"").split(",").map((s)=>s.trim()).filter(Boolean)){const x=q(e),u=api.replace(/\\/+$/,"")+"/"+p+encodeURIComponent(s)+x+(k?(x?"&":"?")+"key="+encodeURIComponent(k):""),id=l+" "+u;
if(!r.has(id)){const f=fetch(u,{headers:{Accept:"application/json","Accept-Language":l}});f.catch(()=>{});r.set(id,{at:Date.now(),response:f})}}}
${chunks.length ? `for(const f of${JSON.stringify(chunks)}){const p=document.createElement("link");p.rel="modulepreload";p.href=new URL("./"+f,import.meta.url).href;document.head.append(p)}\n` : ""}import("./${hashed}").catch(()=>{if(c)document.adoptedStyleSheets=document.adoptedStyleSheets.filter((x)=>x!==c);for(const e of w){e.removeAttribute("data-ck-loading");e.setAttribute("data-ck-failed","")}})}
`;
}
