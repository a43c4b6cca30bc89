// Embed entry: <ck-survey>.
import { CkSurvey } from "../survey/ck-survey.js";
import { define } from "./define-once.js";

define("ck-survey", CkSurvey);
