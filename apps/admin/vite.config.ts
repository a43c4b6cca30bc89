import { defineConfig } from "vite";

// The console is served by the API at /admin/ (same origin as the admin API: no CORS, and a strict
// Content-Security-Policy with nothing inline).
export default defineConfig({
  base: "/admin/",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", sourcemap: true },
});
