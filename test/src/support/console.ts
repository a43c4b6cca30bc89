// The organizer console in Chromium, as the console e2e tests meet it: sign in with a fresh secret
// key, open a section and wait for it to load; which element has the focus; CSP violations seen.
import { createSecretKey } from "@coalition-kit/api";
import type { BrowserContext, Locator, Page } from "playwright-core";
import type { demoInChromium } from "./demo.js";

/** True when `locator`'s element has the focus in its own (shadow) root. */
export const focused = (locator: Locator): Promise<boolean> =>
  locator.evaluate((el) => (el.getRootNode() as ShadowRoot | Document).activeElement === el);

/** The Content-Security-Policy violations this page reports on its console, as they come. */
export function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => m.type() === "error" && /Content Security Policy/i.test(m.text()) && seen.push(m.text()));
  return seen;
}

/**
 * A sign-in for `organization`'s console (one secret key, made on first use): opens a page, signs
 * in, follows the nav link `section` and waits for `<view>[data-loaded]`. `.secretKey()` is that key,
 * for checking what the API saved.
 */
export function consoleSignIn(env: ReturnType<typeof demoInChromium>, organization: string, section: string, view: string): ((context: BrowserContext) => Promise<Page>) & { secretKey(): Promise<string> } {
  let key = "";
  const secretKey = async () => (key ||= (await createSecretKey(env.demo.db, organization)).key);
  const signIn = async (context: BrowserContext) => {
    const page = await context.newPage();
    await page.goto(`${env.demo.apiUrl}/admin/`);
    await page.getByLabel("Secret key").fill(await secretKey());
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: section }).click();
    await page.locator(`${view}[data-loaded]`).waitFor();
    return page;
  };
  return Object.assign(signIn, { secretKey });
}
