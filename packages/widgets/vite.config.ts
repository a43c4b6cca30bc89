import { defineConfig } from "vite";

// The embed bundle: every widget plus lit and the SDK in one ES module, served by the API at
// /embed/v1/coalition-kit.js so a partner page needs a single script tag.
export default defineConfig({
  build: {
    outDir: "dist/embed",
    emptyOutDir: true,
    target: "es2021",
    sourcemap: true,
    minify: true,
    lib: {
      entry: "src/define.ts",
      formats: ["es"],
      fileName: () => "coalition-kit.js",
    },
  },
});
