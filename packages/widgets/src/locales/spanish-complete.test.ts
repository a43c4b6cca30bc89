// Every widget string has Spanish: read each message in English, switch the page to Spanish and
// read it again. A string added in English only shows up here as the same text twice.
import { expect } from "@open-wc/testing";
import { activeLocale, requestLocale } from "../shared/i18n.js";
import { commonMessages, minorMessages, pagerMessages, scheduleMessages, sendingMessages } from "../shared/common-messages.js";
import { messages as petitionMessages } from "../petition/petition-messages.js";
import { shareMessages } from "../petition/petition-success.js";
import { storyMessages } from "../story/story-messages.js";
import { trainingMessages } from "../training/training-messages.js";
import { meetingMessages } from "../meeting/meeting-messages.js";
import { surveyMessages } from "../survey/survey-messages.js";
import { tablingMessages } from "../tabling/ck-tabling-status.js";
import { until } from "../test-support/helpers.js";

const ALL = { commonMessages, minorMessages, scheduleMessages, sendingMessages, pagerMessages, petitionMessages, shareMessages, storyMessages, trainingMessages, meetingMessages, surveyMessages, tablingMessages };
/** Messages that read the same in both languages ("Maya, student" is "Maya, estudiante"). */
const SAME = ["storyMessages.namedAuthor("];

/** Every string a message object gives: getters, groups, and messages with values (both plural forms). */
function read(source: object, path: string, out: Map<string, string>): Map<string, string> {
  for (const key of Object.keys(source)) {
    const value = (source as Record<string, unknown>)[key];
    const at = `${path}.${key}`;
    if (typeof value === "string") out.set(at, value);
    else if (typeof value === "function") {
      for (const args of [["7", "7"], [1, 1], [0, 0]]) {
        try {
          out.set(`${at}(${args.join()})`, String((value as (...a: unknown[]) => unknown)(...args)));
        } catch {
          // this message needs text, not a number
        }
      }
    } else if (value && typeof value === "object") read(value, at, out);
  }
  return out;
}

const readAll = () => {
  const out = new Map<string, string>();
  for (const [name, source] of Object.entries(ALL)) read(source, name, out);
  return out;
};

describe("Spanish is complete", () => {
  it("every widget message differs from its English", async () => {
    const english = readAll();
    expect(english.size).to.be.greaterThan(150);
    requestLocale("es", true);
    await until(() => activeLocale() === "es", "Spanish to load");
    const spanish = readAll();
    const untranslated = [...english].filter(([at, en]) => spanish.get(at) === en && !SAME.some((same) => at.startsWith(same))).map(([at, en]) => `${at}: ${en}`);
    expect(untranslated).to.deep.equal([]);
  });
});
