import type { Locale, TranslatableText } from "@coalition-kit/schema";
import type { ConsentText } from "../services/campaigns.js";
import type { MeetingDefinition } from "../services/meetings/upsert-meetings.js";
import type { StoryCampaignDefinition } from "../services/stories/upsert-story-campaigns.js";
import type { SurveyDefinition } from "../services/surveys/upsert-surveys.js";
import type { TrainingSeriesDefinition, TrainingSessionDefinition } from "../services/trainings/upsert-series.js";

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

// A seed file's campaigns are what the services upsert (the admin PUTs write the same shapes).
export type SeedMeeting = MeetingDefinition;
export type SeedSurvey = SurveyDefinition;
export type SeedStoryCampaign = StoryCampaignDefinition;
export type SeedTrainingSeries = TrainingSeriesDefinition;
export type SeedTrainingSession = TrainingSessionDefinition;
/** Text shown next to a consent checkbox and its version, as stored in the consent ledger. */
export type SeedConsent = ConsentText;

export interface SeedOrganization {
  slug: string;
  name: string;
  website?: string | null;
  /** How the organization's emails are signed: sender name and address, replies, brand colour (#rrggbb). */
  email?: { fromName?: string; fromAddress?: string; replyTo?: string; brandColor?: string };
}

export interface SeedPartner extends SeedOrganization {
  /** Publishable key, `pk_...`. Fixed in seeds so demo pages can reference it. */
  publishableKey: string;
  allowedOrigins: string[];
}

/** A petition text: a string in the petition's language, or one text per language ({ "en": …, "es": … }). */
type SeedText = TranslatableText;
/** A consent text in one language or several, with the petition language's version. */
interface SeedTranslatableConsent {
  text: SeedText;
  version: string;
}

export interface SeedPetition {
  slug: string;
  /** The petition's own language (default "en"); the other languages of its texts are translations. */
  language?: Locale;
  title: SeedText;
  body: SeedText;
  target: SeedText;
  goal: number;
  status?: "open" | "closed";
  closesAt?: string | null;
  askAgeBand?: boolean;
  shareUrl?: string | null;
  consent: {
    coalition: SeedTranslatableConsent;
    /** May contain "{partner}", replaced with the hosting partner's name. */
    partner: SeedTranslatableConsent;
    guardian: SeedTranslatableConsent;
  };
  /** "double_opt_in": signatures count once the signer confirms by email (default "none"). */
  confirmation?: "none" | "double_opt_in";
  /** Days an unconfirmed signature waits before it is erased (default 7). */
  pendingDays?: number;
}


