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

/**
 * Lit's css`` tag is there to check the values interpolated into a style sheet. A literal with no
 * `${}` has nothing to check, and unsafeCSS() makes the same CSSResult from its text (each literal
 * runs once, so each still gets one style sheet). Rewriting those literals, after minification,
 * lets the bundles leave out the tag and its error message (petition: 150 B min+gzip). The tag is
 * renamed in place to a name of the same length, so the source map stays exact.
 */
function staticCss(): Plugin {
  const helper = "\0ck-static-css";
  return {
    name: "ck-static-css",
    enforce: "post",
    resolveId: (id) => (id === helper ? id : null),
    load: (id) => (id === helper ? `import { unsafeCSS } from "lit";\nexport const staticCss = (strings) => unsafeCSS(strings[0]);\n` : null),
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      const rewritten = code.replace(/\bcss`([^`]*)`/g, (literal, text: string) => (text.includes("${") ? literal : `$cs\`${text}\``));
      if (rewritten === code) return null;
      return { code: `${rewritten}\nimport { staticCss as $cs } from ${JSON.stringify(helper)};\n`, map: null };
    },
  };
}

export default defineConfig({
  plugins: [minifyTemplates(), staticCss()],
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
