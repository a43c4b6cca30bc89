import { minifyHTMLLiterals } from "minify-literals";
import { defineConfig, type Plugin } from "vite";

/**
 * Widgets as standalone ES modules, one per family plus one with all of them. scripts/build-embed.mjs
 * builds each entry with this config (CK_ENTRY), content-hashes the file names (cache for a year)
 * and writes the small unhashed loaders partners link to (cache for minutes).
 */
export const ENTRIES: Record<string, string> = {
  "coalition-kit": "src/embed/all.ts",
  petition: "src/embed/petition.ts",
  "training-calendar": "src/embed/training-calendar.ts",
  stories: "src/embed/stories.ts",
  survey: "src/embed/survey.ts",
  "meeting-rsvp": "src/embed/meeting-rsvp.ts",
};

const name = process.env.CK_ENTRY ?? "coalition-kit";

/** Lit's html`` and css`` templates keep their indentation unless minified: about a fifth of a bundle. */
function minifyTemplates(): Plugin {
  return {
    name: "ck-minify-templates",
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      return (await minifyHTMLLiterals(code, { fileName: id })) ?? null;
    },
  };
}

export default defineConfig({
  plugins: [minifyTemplates()],
  build: {
    outDir: "dist/embed",
    emptyOutDir: false,
    target: "es2021",
    sourcemap: true,
    minify: true,
    modulePreload: false,
    // Library mode leaves whitespace in ES output unless the bundler is told to minify it.
    rolldownOptions: { preserveEntrySignatures: "allow-extension", output: { minify: true, comments: { annotation: false }, chunkFileNames: `${name}-[name].[hash].js` } },
    lib: {
      entry: ENTRIES[name]!,
      formats: ["es"],
      fileName: () => `${name}.[hash].js`,
    },
  },
});
