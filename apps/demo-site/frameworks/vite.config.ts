import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Builds the React and Vue host pages' scripts into public/frameworks/ (served by the demo site).
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  define: { "process.env.NODE_ENV": JSON.stringify("production"), __VUE_OPTIONS_API__: "false", __VUE_PROD_DEVTOOLS__: "false", __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false" },
  build: {
    outDir: fileURLToPath(new URL("../public/frameworks/", import.meta.url)),
    emptyOutDir: true,
    minify: true,
    rolldownOptions: {
      input: { react: fileURLToPath(new URL("react-app.ts", import.meta.url)), vue: fileURLToPath(new URL("vue-app.ts", import.meta.url)) },
      output: { entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js", format: "es" },
      preserveEntrySignatures: false,
    },
  },
});
