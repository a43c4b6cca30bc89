// Embed entry: <ck-meeting-rsvp>.
import { CkMeetingRsvp } from "../meeting/ck-meeting-rsvp.js";
import { define } from "./define-once.js";

define("ck-meeting-rsvp", CkMeetingRsvp);
