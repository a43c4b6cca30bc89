import { createContext } from "@lit/context";
import type { CoalitionClient } from "@coalition-kit/sdk/lite";

/** The SDK client that <ck-provider> hands to every widget inside it. */
export const clientContext = createContext<CoalitionClient | undefined>(Symbol.for("coalition-kit/client"));
