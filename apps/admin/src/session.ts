import { createAdminClient, type AdminClient } from "@coalition-kit/sdk/admin";

/**
 * The organizer's secret key lives in sessionStorage: it survives a reload, not closing the tab,
 * and is never sent anywhere but this origin's admin API.
 */
const STORAGE = "ck-admin-key";

export const storedKey = (): string | null => sessionStorage.getItem(STORAGE);
export const rememberKey = (key: string) => sessionStorage.setItem(STORAGE, key);
export const forgetKey = () => sessionStorage.removeItem(STORAGE);

/** A client for this origin's API. */
export const clientFor = (secretKey: string): AdminClient => createAdminClient({ baseUrl: location.origin, secretKey, retries: 1 });
