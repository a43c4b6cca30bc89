// Tabling mode (`<ck-petition mode="tabling">`, `<ck-survey mode="tabling">`,
// `<ck-training-calendar mode="tabling">`): a petition, a survey or training registration on a
// shared device at a table or in a classroom. Loaded only when a widget asks for it.
// For each person:
// - what they send is marked as taken at a table, with the time it was collected;
// - without a connection it is kept on the device (IndexedDB) and sent when the connection
//   returns, under the same Idempotency-Key (a second sync stores nothing new);
// - once they are done the widget is replaced by a fresh one: nothing they typed stays in the
//   page, and the browser is asked not to offer it again (autocomplete="off");
// - the organizer sees above the form how many wait on the device, and any the API refused.
import type { CoalitionClient } from "@coalition-kit/sdk/lite";
import { clientFor, type WidgetVertical } from "../shared/client.js";
import { defineTablingStatus, type CkTablingStatus } from "./ck-tabling-status.js";
import { queueChanges, queued } from "./tabling-queue.js";
import { sendRegistration, sendResponse, sendSignature, syncQueued, tablingPetitionClient, tablingSurveyClient, tablingTrainingClient, type SendAction, type TablingClient } from "./tabling-client.js";

/**
 * What tabling mode needs to know of each widget it supports. The widget's own part of the client
 * (its class's `vertical`) comes from the widget, so this chunk does not pull every widget's calls
 * into the bundle that loads it.
 */
interface TablingKind {
  /** The attribute naming the campaign. */
  campaign: string;
  wrap(real: CoalitionClient, scope: string): TablingClient;
  send: SendAction;
  /** What the person is told when what they sent is kept on the device (default: the generic "saved"). */
  saved?: "saved" | "savedRegistration";
  /** What gets the focus on the fresh widget (default: its first input). */
  focus?: string;
}
const KINDS: Record<string, TablingKind> = {
  "ck-petition": { campaign: "petition", wrap: tablingPetitionClient, send: sendSignature },
  "ck-survey": { campaign: "survey", wrap: tablingSurveyClient, send: sendResponse },
  // The registrant's personal links (calendar, cancel, join) never show at the table: the widget
  // is replaced on ck-success, and the links come in their confirmation email.
  "ck-training-calendar": { campaign: "series", wrap: tablingTrainingClient, send: sendRegistration, saved: "savedRegistration", focus: "button.primary" },
};

/** How often a device with actions waiting tries to send them (and whenever the browser says it is online again). */
const SYNC_EVERY_MS = 15_000;

type TablingWidget = HTMLElement & { client: CoalitionClient | undefined; updateComplete: Promise<boolean> };

/** One sync loop per queue in this page. */
const loops = new Map<string, () => Promise<void>>();

function syncLoop(scope: string, real: CoalitionClient, send: SendAction): void {
  if (loops.has(scope)) return;
  let running = false;
  const sync = async () => {
    if (running) return;
    running = true;
    try {
      await syncQueued(real, await queued(scope), send);
    } finally {
      running = false;
    }
  };
  loops.set(scope, sync);
  addEventListener("online", () => void sync());
  setInterval(() => void sync(), SYNC_EVERY_MS);
  void sync();
}

/** Inputs in the widget's shadow root never offer what an earlier person typed. */
function noAutofill(widget: TablingWidget): void {
  const off = () => widget.shadowRoot?.querySelectorAll("input").forEach((input) => input.setAttribute("autocomplete", "off"));
  void widget.updateComplete.then(() => {
    off();
    if (widget.shadowRoot) new MutationObserver(off).observe(widget.shadowRoot, { childList: true, subtree: true });
  });
}

/** Put a petition, survey or training calendar widget in tabling mode (called by the widget when it has mode="tabling"). */
export function attachTabling(widget: TablingWidget): void {
  const kind = KINDS[widget.localName];
  if (!kind || widget.dataset["ckTabling"]) return;
  const api = widget.getAttribute("api");
  const slug = widget.getAttribute(kind.campaign);
  if (!api || !slug) return;
  widget.dataset["ckTabling"] = "on";
  defineTablingStatus();
  const [name, build] = (widget.constructor as unknown as { vertical: WidgetVertical }).vertical;
  const scope = `${api} ${name} ${slug}`;
  const real = clientFor(api, widget.getAttribute("partner") ?? undefined, [build]);
  // The widget talks through the tabling client: its own `api` attribute would take precedence.
  const tabling = kind.wrap(real, scope);
  widget.client = tabling.client;
  widget.removeAttribute("api");
  syncLoop(scope, real, kind.send);
  noAutofill(widget);

  let status = widget.previousElementSibling as CkTablingStatus | null;
  if (status?.localName !== "ck-tabling-status") {
    status = document.createElement("ck-tabling-status") as CkTablingStatus;
    status.scope = scope;
    widget.before(status);
  }
  widget.addEventListener(
    "ck-success",
    () => {
      status!.thank(tabling.wasQueued(), kind.saved);
      // The next person gets a new widget: the one this person used goes, with all it held.
      const fresh = widget.cloneNode(true) as TablingWidget;
      delete fresh.dataset["ckTabling"];
      fresh.setAttribute("api", api);
      widget.replaceWith(fresh);
      void fresh.updateComplete.then(() => waitFor(() => fresh.shadowRoot?.querySelector<HTMLElement>(kind.focus ?? "input"))).then((first) => first?.focus());
      queueChanges.dispatchEvent(new Event("change"));
    },
    { once: true },
  );
}

/** `find()` once it finds something, checking each frame for up to 10 s. */
function waitFor<T>(find: () => T | null | undefined): Promise<T | undefined> {
  return new Promise((resolve) => {
    const started = performance.now();
    const look = () => {
      const found = find();
      if (found || performance.now() - started > 10_000) resolve(found ?? undefined);
      else requestAnimationFrame(look);
    };
    look();
  });
}
