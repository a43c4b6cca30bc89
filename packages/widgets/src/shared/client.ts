import { composeLiteClient, type CoalitionClient, type LiteOptions, type LiteVertical } from "@coalition-kit/sdk/lite";
import { requestedLocale } from "./i18n.js";

/** Solve a write's proof-of-work challenge with the solver loaded on first need (it is not in the bundle). */
const solveChallenge: NonNullable<LiteOptions["solveChallenge"]> = async (challenge) => (await import("./challenge-solver.js")).solve(challenge);

/** A widget's part of the client: the vertical it calls (`"petitions"`) and how to build it. */
export type WidgetVertical = readonly [name: keyof CoalitionClient, build: LiteVertical<never>];

/**
 * A lite client for this API origin and partner key, asking for the page's language and solving
 * challenges, with only `verticals` (none: a client that only names the API and partner, as
 * <ck-provider> shares it). A bundle then carries only its own widgets' calls.
 */
export function clientFor(api: string, partner: string | undefined, verticals: ReadonlyArray<LiteVertical<never>> = []): CoalitionClient {
  return composeLiteClient({ baseUrl: api, locale: requestedLocale, solveChallenge, ...(partner ? { partnerKey: partner } : {}) }, verticals) as unknown as CoalitionClient;
}

/**
 * Picks the client a widget talks through: its own api/partner attributes first, then its
 * `.client` property, then the one from <ck-provider>. A client without this widget's vertical
 * (the provider's, or one from another widget bundle) lends its API and partner to one of the
 * widget's own. Reuses one client per api+partner.
 */
export class ClientResolver {
  private own: { key: string; client: CoalitionClient } | undefined;

  constructor(private readonly vertical: WidgetVertical) {}

  resolve(api: string | undefined, partner: string | undefined, property: CoalitionClient | undefined, context: CoalitionClient | undefined): CoalitionClient | undefined {
    const given = api ? undefined : (property ?? context);
    if (given && this.vertical[0] in given) return given;
    const base = api ?? given?.baseUrl;
    if (!base) return undefined;
    const key = `${base}\n${(api ? partner : given?.partnerKey) ?? ""}`;
    if (this.own?.key !== key) this.own = { key, client: clientFor(base, api ? partner : given?.partnerKey, [this.vertical[1]]) };
    return this.own.client;
  }
}
