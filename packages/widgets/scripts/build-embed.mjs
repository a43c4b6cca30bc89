// Builds the embed bundles served at /embed/v1/:
//   <name>.<hash>.js  standalone, content-hashed: cache for a year
//   <name>.js         a small loader: starts the page's reads, imports the current hash; cache for minutes
//   *.js.br, *.js.gz  every script precompressed (brotli 11, gzip 9); the API serves what the browser accepts
//   coalition-kit.css the rules that keep each widget's room from the first paint (link it in <head>)
//   themes/*.css      the theme presets (light, dark, high-contrast, auto), as in the package's themes/
//   sizes.json        min and min+gzip bytes of every hashed bundle with the chunks it imports statically
//                     (what its first render loads; read by the size budget check)
import { copyFile, readdir, rm, stat, readFile, writeFile, mkdir } from "node:fs/promises";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "vite";
import { loaderSource, reserveStyleSheet } from "./embed-loader.mjs";

const OUT = new URL("../dist/embed/", import.meta.url);
const NAMES = ["coalition-kit", "petition", "training-calendar", "stories", "survey", "meeting-rsvp"];

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
for (const name of NAMES) {
  process.env.CK_ENTRY = name;
  await build({ configFile: new URL("../vite.config.ts", import.meta.url).pathname, logLevel: "warn" });
}

/**
 * The chunks `file` imports statically, and theirs (`from"./x.js"` or `import"./x.js"`; the lazy
 * ones are import(`./x.js`) and load only when needed): the loader preloads these with the build.
 */
async function staticChunks(file, seen = new Set()) {
  const code = await readFile(new URL(file, OUT), "utf8");
  for (const [, chunk] of code.matchAll(/\b(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    await staticChunks(chunk, seen);
  }
  return [...seen];
}

const files = await readdir(OUT);
const sizes = {};
for (const name of NAMES) {
  const hashed = files.find((f) => f.startsWith(`${name}.`) && f.endsWith(".js") && f !== `${name}.js` && /\.[\w-]{6,}\.js$/.test(f));
  if (!hashed) throw new Error(`no hashed bundle for ${name}`);
  const chunks = await staticChunks(hashed);
  // What a first render loads: the build and every chunk it imports statically, each sent alone.
  let min = 0;
  let gzip = 0;
  for (const file of [hashed, ...chunks]) {
    const bytes = await readFile(new URL(file, OUT));
    min += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  sizes[name] = { file: hashed, chunks, min, gzip };
  await writeFile(new URL(`${name}.js`, OUT), loaderSource(name, hashed, chunks));
}
await writeFile(new URL("coalition-kit.css", OUT), reserveStyleSheet());
const THEMES = new URL("../themes/", import.meta.url);
await mkdir(new URL("themes/", OUT), { recursive: true });
for (const file of await readdir(THEMES)) if (file.endsWith(".css")) await copyFile(new URL(file, THEMES), new URL(`themes/${file}`, OUT));
for (const file of await readdir(OUT)) {
  if (!file.endsWith(".js")) continue;
  const code = await readFile(new URL(file, OUT));
  await writeFile(new URL(`${file}.gz`, OUT), gzipSync(code, { level: 9 }));
  const br = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  await writeFile(new URL(`${file}.br`, OUT), br);
  const entry = Object.values(sizes).find((s) => s.file === file);
  if (entry) entry.brotli = br.length;
}
await writeFile(new URL("sizes.json", OUT), JSON.stringify(sizes, null, 2) + "\n");
for (const [name, s] of Object.entries(sizes)) console.log(`${name.padEnd(18)} ${String(s.min).padStart(7)} B min  ${String(s.gzip).padStart(6)} B min+gz  ${String(s.brotli).padStart(6)} B min+br  ${s.file}`);
