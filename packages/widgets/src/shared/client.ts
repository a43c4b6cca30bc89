import { createLiteClient, type CoalitionClient, type LiteOptions } from "@coalition-kit/sdk/lite";
import { requestedLocale } from "./i18n.js";

/** Solve a write's proof-of-work challenge with the solver loaded on first need (it is not in the bundle). */
const solveChallenge: NonNullable<LiteOptions["solveChallenge"]> = async (challenge) => (await import("./challenge-solver.js")).solve(challenge);

/** A lite client for this API origin and partner key, asking for the page's language and solving challenges. */
export function clientFor(api: string, partner: string | undefined): CoalitionClient {
  return createLiteClient({ baseUrl: api, locale: requestedLocale, solveChallenge, ...(partner ? { partnerKey: partner } : {}) });
}

/**
 * Picks the client a widget talks through: its own api/partner attributes first, then its
 * `.client` property, then the one from <ck-provider>. Reuses one client per api+partner.
 */
export class ClientResolver {
  private own: { key: string; client: CoalitionClient } | undefined;

  resolve(api: string | undefined, partner: string | undefined, property: CoalitionClient | undefined, context: CoalitionClient | undefined): CoalitionClient | undefined {
    if (api) {
      const key = `${api}\n${partner ?? ""}`;
      if (this.own?.key !== key) this.own = { key, client: clientFor(api, partner) };
      return this.own.client;
    }
    return property ?? context;
  }
}
