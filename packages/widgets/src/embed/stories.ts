// Embed entry: <ck-story-form> and <ck-story-wall>.
import { CkStoryForm } from "../story/ck-story-form.js";
import { CkStoryWall } from "../story/ck-story-wall.js";
import { define } from "./define-once.js";

define("ck-story-form", CkStoryForm);
define("ck-story-wall", CkStoryWall);
