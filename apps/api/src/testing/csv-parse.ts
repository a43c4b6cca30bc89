// Tests read the API's CSV exports with the same reader the API uses for uploads.
export { parseCsv } from "../services/platform/csv-read.js";
