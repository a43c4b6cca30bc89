// Embed entry: <ck-petition> (and <ck-provider>).
import { CkPetition } from "../petition/ck-petition.js";
import { define } from "./define-once.js";

define("ck-petition", CkPetition);
