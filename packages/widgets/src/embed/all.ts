// Embed entry: every Coalition Kit widget.
import "./petition.js";
import "./training-calendar.js";
import "./stories.js";
import "./survey.js";
import "./meeting-rsvp.js";
