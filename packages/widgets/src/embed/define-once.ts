import { CkProvider } from "../shared/ck-provider.js";

/** Define an element unless a copy of Coalition Kit on the page already did; <ck-provider> comes along. */
export function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get("ck-provider")) customElements.define("ck-provider", CkProvider);
  if (!customElements.get(name)) customElements.define(name, element);
}
