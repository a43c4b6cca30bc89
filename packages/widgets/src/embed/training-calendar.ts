// Embed entry: <ck-training-calendar>.
import { CkTrainingCalendar } from "../training/ck-training-calendar.js";
import { define } from "./define-once.js";

define("ck-training-calendar", CkTrainingCalendar);
