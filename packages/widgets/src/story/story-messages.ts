import { msg, str } from "../shared/localize.js";
import type { StoryRole } from "@coalition-kit/schema";
import { defineMessages } from "../shared/define-messages.js";

const byRole = <T extends Record<StoryRole, string>>(labels: T) => labels;

/** Strings of <ck-story-form> and <ck-story-wall>, in the active language on every read. */
export const storyMessages = defineMessages(
  "story",
  {
    loading: "Loading…",
    loadFailed: "We couldn't load this page.",
    title: "Give your story a title",
    story: "Your story",
    roleLegend: "I am a…",
    roles: byRole({ student: "Student", parent: "Parent or guardian", educator: "Educator", community: "Community member" }),
    rolesPlural: byRole({ student: "Students", parent: "Parents", educator: "Educators", community: "Community" }),
    /** How an anonymous author is shown on the wall. */
    anonymousAuthor: byRole({ student: "A student", parent: "A parent or guardian", educator: "An educator", community: "A community member" }),
    school: "School or district (optional)",
    publishLegend: "May we share your story?",
    publish: { internal: "No: only the coalition may read it", anonymous: "Yes, without my name", first_name: "Yes, with my first name" },
    email: "Email (optional, only if you want us to follow up)",
    guardianNote: "You're under 13: if you give your name, email or school, a parent or guardian must agree.",
    submit: "Send my story",
    thanks: "Thank you for sharing your story!",
    moderationNote: "Our team reads every story before it is shared. You can withdraw it at any time with this link:",
    guardianPending: "Waiting for a parent or guardian",
    guardianPendingNote: "We emailed your parent or guardian. Our team can read and share your story once they agree. You can withdraw it at any time with this link:",
    withdraw: "Withdraw my story",
    wallEmpty: "No stories here yet.",
    allRoles: "Everyone",
    filterLabel: "Show stories from",
    pages: "Pages",
  },
  {
    namedAuthor: (name: string, role: string) => msg(str`${name}, ${role}`, { id: "story.namedAuthor" }),
    pageOf: (page: number, pages: number) => msg(str`Page ${page} of ${pages}`, { id: "story.pageOf" }),
  },
);
