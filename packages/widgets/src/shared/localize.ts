// @lit/localize's per-render pieces (msg, str), imported from their own modules rather than the package
// index: the index also pulls configureLocalization into every bundle, and that runtime belongs
// in the chunk only Spanish pages load (see localization.ts).
export { msg } from "@lit/localize/init/install.js";
export { str } from "@lit/localize/internal/str-tag.js";
