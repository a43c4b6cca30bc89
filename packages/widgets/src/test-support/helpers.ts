import { fixture } from "@open-wc/testing";
import { html } from "lit";
import { executeServerCommand } from "@web/test-runner-commands";
import "../define.js";
import type { CkPetition } from "../petition/ck-petition.js";

declare global {
  interface Window {
    CK_TEST_API: string;
    CK_TEST_CLASSROOM_API: string;
  }
}

export const API = window.CK_TEST_API;
/** The same API and database, asking for a proof-of-work from the 3rd write a minute from one address (a classroom's limits). */
export const CLASSROOM_API = window.CK_TEST_CLASSROOM_API;
export const KEY = "pk_demo_e4e";
/**
 * An organizer's request to the real admin API (moderation, queues), made by the test config from
 * Node with a secret key it created: the admin API answers no partner page's CORS.
 */
export function admin<T>(path: string, init: { method?: string; body?: unknown; organization?: "sej" } = {}): Promise<{ status: number; body: T }> {
  return executeServerCommand("ck-admin", { path, ...init });
}

/** A new petition made through the admin API ("<prefix>-<random>"), with `settings` over a small default; its slug. */
export async function createPetition(settings: Record<string, unknown> = {}, prefix = "petition"): Promise<string> {
  const slug = `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await admin("/v1/admin/petitions", { method: "POST", body: { slug, title: "Fund school counselors", body: "Every school needs one.", target: "The board", goal: 10, ...settings } });
  if (res.status !== 201) throw new Error(`petition not created: ${res.status} ${JSON.stringify(res.body)}`);
  return slug;
}

/** `n` signatures of `slug` by others, through the public API (as if signed on other pages). */
export async function signTimes(slug: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    const res = await fetch(`${API}/v1/petitions/${slug}/signatures`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Partner-Key": KEY, "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ firstName: "Sam", email: uniqueEmail("others"), zip: "06511", ageBand: "18_plus" }),
    });
    if (res.status !== 201) throw new Error(`signature not stored: ${res.status}`);
  }
}

/** Take the page's network away (or give it back), through the browser: the API cannot be reached at all. */
export async function setOffline(offline: boolean): Promise<void> {
  await executeServerCommand("ck-offline", { offline });
  // The browser tells pages it is online again; tabling mode syncs then.
  if (!offline) dispatchEvent(new Event("online"));
}

let n = 0;
export function uniqueEmail(tag: string): string {
  n += 1;
  return `${tag}.${Date.now().toString(36)}.${n}@example.org`;
}

export async function mountPetition(options: { petition?: string; api?: string; partner?: string | null } = {}): Promise<CkPetition> {
  const partner = options.partner === null ? undefined : (options.partner ?? KEY);
  return fixture<CkPetition>(html`<ck-petition api=${options.api ?? API} partner=${partner ?? ""} petition=${options.petition ?? "ct-funding-gap"} poll-interval="0"></ck-petition>`);
}

/** Wait until fn returns a truthy value (the element renders asynchronously after network calls). */
export async function until<T>(fn: () => T | undefined | null | false, what: string, timeout = 20_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = fn();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const $ = <E extends Element = HTMLElement>(el: CkPetition, selector: string) => el.shadowRoot!.querySelector<E>(selector);
export const $$ = <E extends Element = HTMLElement>(el: CkPetition, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];

export function type(el: CkPetition, id: string, value: string): void {
  const input = $<HTMLInputElement>(el, `#ck-${id}`);
  if (!input) throw new Error(`no field ${id}`);
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

export function click(el: CkPetition, selector: string): void {
  const target = $(el, selector);
  if (!target) throw new Error(`nothing matches ${selector}`);
  target.click();
}

export function countShown(el: CkPetition): number {
  return Number(($(el, '[part~="count"]')?.textContent ?? "").replace(/[^\d]/g, ""));
}

/** The count once it has landed (a new total counts up to it over 600 ms; the live region is busy till then). */
export async function countSettled(el: CkPetition): Promise<number> {
  await until(() => $(el, '[part~="count"]')?.getAttribute("aria-busy") !== "true", "the count to land");
  return countShown(el);
}

export async function ready(el: CkPetition): Promise<void> {
  await until(() => $(el, "form") || $(el, ".closed") || $(el, ".alert"), "the petition to load");
}

export async function fillValid(el: CkPetition, email: string): Promise<void> {
  type(el, "firstName", "Maya");
  type(el, "email", email);
  type(el, "zip", "06511");
  const adult = $<HTMLInputElement>(el, 'input[value="18_plus"]');
  if (adult) adult.click();
  await el.updateComplete;
}
