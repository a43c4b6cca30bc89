/** Shape of a file in seeds/: one coalition, its partners, and its campaigns. */
export interface SeedData {
  coalition: SeedOrganization;
  partners: SeedPartner[];
  petitions?: SeedPetition[];
  trainings?: SeedTrainingSeries[];
  storyCampaigns?: SeedStoryCampaign[];
  surveys?: SeedSurvey[];
  meetings?: SeedMeeting[];
}

export interface SeedMeeting {
  slug: string;
  title: string;
  description: string;
  timeZone: string;
  /** First occurrence, local date and time in timeZone. */
  startDate: string;
  startTime: string;
  durationMinutes: number;
  rrule: string;
  format: "virtual" | "in_person" | "hybrid";
  location?: string | null;
  virtualLink?: string | null;
  consent: { coalition: SeedConsent; partner: SeedConsent };
  breaks?: Array<{ from: string; to: string; reason: string }>;
  changes?: Array<{ date: string; cancelled?: boolean; newDate?: string; newTime?: string; format?: "virtual" | "in_person" | "hybrid"; location?: string; note?: string }>;
}

export interface SeedSurvey {
  slug: string;
  title: string;
  publicResults?: boolean;
  minGroupSize?: number;
  followUp?: { prompt: string; consent: SeedConsent } | null;
  /** Checked against @coalition-kit/schema's SurveyVariant when seeding. */
  variants: unknown[];
}

export interface SeedStoryCampaign {
  slug: string;
  title: string;
  prompt: string;
  consent: { publish: SeedConsent; coalition: SeedConsent; partner: SeedConsent; guardian: SeedConsent };
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

export interface SeedTrainingSeries {
  slug: string;
  title: string;
  description: string;
  consent: { coalition: SeedConsent; partner: SeedConsent };
  sessions: SeedTrainingSession[];
}

export interface SeedTrainingSession {
  /** Stable within the series, so seeding again updates instead of duplicating. */
  key: string;
  title: string;
  description?: string;
  /** ISO instants with offset, e.g. "2026-09-17T18:00:00-04:00". */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  format: "virtual" | "in_person" | "hybrid";
  location?: string | null;
  virtualLink?: string | null;
  capacity?: number | null;
  status?: "scheduled" | "cancelled";
  leaders: Array<{ name: string; role?: string | null }>;
  /** Slugs of partner organizations co-hosting this session. */
  partners?: string[];
}
