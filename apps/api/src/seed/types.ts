/** Shape of a file in seeds/: one coalition, its partners and its petitions. */
export interface SeedData {
  coalition: SeedOrganization;
  partners: SeedPartner[];
  petitions: SeedPetition[];
}

export interface SeedOrganization {
  slug: string;
  name: string;
  website?: string | null;
}

export interface SeedPartner extends SeedOrganization {
  /** Publishable key, `pk_...`. Fixed in seeds so demo pages can reference it. */
  publishableKey: string;
  allowedOrigins: string[];
}

export interface SeedConsent {
  text: string;
  version: string;
}

export interface SeedPetition {
  slug: string;
  title: string;
  body: string;
  target: string;
  goal: number;
  status?: "open" | "closed";
  closesAt?: string | null;
  askAgeBand?: boolean;
  shareUrl?: string | null;
  consent: {
    coalition: SeedConsent;
    /** May contain "{partner}", replaced with the hosting partner's name. */
    partner: SeedConsent;
    guardian: SeedConsent;
  };
}
