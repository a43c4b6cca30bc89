// Types as a new user meets them, from outside the monorepo: packs @coalition-kit/schema, sdk and
// widgets with `pnpm pack`, installs the tarballs with npm into fresh Vite + TypeScript apps in a
// temporary folder (plain, React 19, Vue 3), then type-checks and builds each one. The apps hold
// the README's own TypeScript snippets (```ts, ```tsx and ```vue fences) and checks of their own:
// a typed element, `document.addEventListener("ck-success", …)` reading `event.detail`, JSX and
// Vue templates. Run after `pnpm run build` (the tarballs hold dist/).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readmeSnippets } from "./readme-snippets.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const APPS = fileURLToPath(new URL("apps/", import.meta.url));
const PACKAGES = ["schema", "sdk", "widgets"];

/** What a new app installs, pinned so a release elsewhere cannot break the run. */
const TOOLS = { typescript: "5.9.3", vite: "8.3.8" };
const APP_DEPENDENCIES = {
  plain: { ...TOOLS, "@types/node": "20.19.43", standardwebhooks: "1.1.1" },
  react: { ...TOOLS, react: "19.3.1", "react-dom": "19.3.1", "@types/react": "19.3.0", "@types/react-dom": "19.3.0", "@vitejs/plugin-react": "6.3.0" },
  // vue-tsc 3.3.x leaves the first event listener of a template untyped (any), so a wrong handler passes; 3.2.9 checks it.
  vue: { ...TOOLS, vue: "3.5.45", "@vitejs/plugin-vue": "6.0.11", "vue-tsc": "3.2.9" },
};
const CHECK = { plain: ["tsc", "--noEmit", "-p", "."], react: ["tsc", "--noEmit", "-p", "."], vue: ["vue-tsc", "--noEmit", "-p", "."] };

/** The environment for npm and the apps' tools: none of pnpm's npm_* settings from the workspace. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== "INIT_CWD" && key !== "PNPM_SCRIPT_SRC_DIR"));

/** Runs a command; resolves with its output, rejects with the output when it fails. */
function run(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...cleanEnv, FORCE_COLOR: "0", NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited with ${code}:\n${output}`))));
  });
}

/** pnpm as it was started (npm_execpath under `pnpm run`), else from PATH. */
function pnpm(args, cwd) {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath) && /\.c?js$/.test(execPath) ? run(process.execPath, [execPath, ...args], cwd) : run("pnpm", args, cwd);
}

let work;
const tarballs = {};
let snippets;

before(async () => {
  work = await mkdtemp(join(tmpdir(), "ck-consumer-"));
  const packed = join(work, "tarballs");
  await mkdir(packed);
  for (const name of PACKAGES) {
    await pnpm(["pack", "--pack-destination", packed], join(ROOT, "packages", name));
    const file = (await readdir(packed)).find((f) => f.startsWith(`coalition-kit-${name}-`) && f.endsWith(".tgz"));
    assert.ok(file, `pnpm pack wrote no tarball for @coalition-kit/${name}`);
    tarballs[`@coalition-kit/${name}`] = `file:${join(packed, file)}`;
  }
  snippets = readmeSnippets(await readFile(join(ROOT, "README.md"), "utf8"));
});

after(async () => {
  if (work && !process.env.CK_KEEP_CONSUMER) await rm(work, { recursive: true, force: true });
});

/** Copies an app template, adds the README snippets for its language, installs, type-checks and builds it. */
async function buildApp(kind, readme) {
  const dir = join(work, kind);
  await cp(join(APPS, kind), dir, { recursive: true });
  await writeFile(join(dir, "src", "readme.ts"), readme.entry);
  for (const [name, text] of readme.files) await writeFile(join(dir, "src", name), text);
  const packageJson = {
    name: `ck-consumer-${kind}`,
    private: true,
    type: "module",
    dependencies: { ...tarballs },
    devDependencies: APP_DEPENDENCIES[kind],
    // The widgets' own dependency on the sdk and schema resolves to the same tarballs.
    overrides: Object.fromEntries(Object.keys(tarballs).map((name) => [name, `$${name}`])),
  };
  await writeFile(join(dir, "package.json"), `${JSON.stringify(packageJson, null, 2)}\n`);
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], dir);
  const [tool, ...args] = CHECK[kind];
  await run(join(dir, "node_modules", ".bin", tool), args, dir);
  if (kind === "plain") await checkEntryPoints(dir);
  const built = await run(join(dir, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"], dir);
  assert.doesNotMatch(built, /error/i, built);
  const assets = await readdir(join(dir, "dist", "assets"));
  assert.ok(assets.some((f) => f.endsWith(".js")), `vite build wrote no script for the ${kind} app`);
}

/**
 * Each entry point on its own (a program that imports only it): its tag names are in
 * HTMLElementTagNameMap and `document.addEventListener("ck-error", …)` reads a typed detail.
 */
async function checkEntryPoints(dir) {
  const { exports } = JSON.parse(await readFile(join(dir, "node_modules", "@coalition-kit", "widgets", "package.json"), "utf8"));
  // Script entry points only: ./react and ./vue are types, ./themes/*.css are stylesheets (the README's ```ts snippet imports one).
  const entries = Object.keys(exports).filter((entry) => entry !== "./react" && entry !== "./vue" && !entry.endsWith(".css"));
  assert.ok(entries.length >= 8, `expected the root, define and six widget entry points, found ${entries.join(", ")}`);
  await mkdir(join(dir, "entries"));
  const projects = [];
  for (const entry of entries) {
    const specifier = `@coalition-kit/widgets${entry.slice(1)}`;
    const tags = entry === "." || entry === "./define" ? ["ck-provider", "ck-petition", "ck-story-wall"] : [`ck-${entry.slice(2)}`];
    const name = entry === "." ? "root" : entry.slice(2);
    const lines = [
      `import "${specifier}";`,
      ...tags.map((tag, i) => `const element${i} = document.createElement("${tag}");\nconst tag${i}: HTMLElement extends typeof element${i} ? "untyped" : "typed" = "typed";`),
      `document.addEventListener("ck-error", (event) => console.log(event.detail.widget, event.detail.code));`,
      `window.addEventListener("ck-error", (event) => console.log(event.detail.message));`,
      `export { ${tags.map((_, i) => `tag${i}`).join(", ")} };`,
    ];
    await writeFile(join(dir, "entries", `${name}.ts`), `${lines.join("\n")}\n`);
    await writeFile(join(dir, `tsconfig.${name}.json`), JSON.stringify({ extends: "./tsconfig.json", include: [], files: [`entries/${name}.ts`] }));
    projects.push(`tsconfig.${name}.json`);
  }
  // One program per entry point; build mode checks them all in one process.
  await run(join(dir, "node_modules", ".bin", "tsc"), ["-b", ...projects], dir).catch((error) => {
    throw new Error(`an entry point imported on its own leaves its types out (entries/<entry>.ts imports only that entry):\n${error.message}`);
  });
}

/** readme.ts importing each snippet file (Vue snippets are mounted). */
function readmeModule(files, mount) {
  const lines = files.map(([name], i) => (mount ? `import Readme${i} from "./${name}";` : `import "./${name.replace(/\.tsx?$/, "")}";`));
  if (mount) {
    lines.unshift(`import { createApp } from "vue";`);
    files.forEach((_, i) => lines.push(`createApp(Readme${i}).mount(document.body.appendChild(document.createElement("div")));`));
  }
  return `${lines.join("\n")}\nexport {};\n`;
}

test("the README's TypeScript snippets are found (```ts, ```tsx, ```vue)", () => {
  assert.ok(snippets.ts.length >= 3, `expected the SDK, webhook and event snippets, found ${snippets.ts.length} \`\`\`ts fences`);
  assert.ok(snippets.tsx.length >= 1, "expected a React snippet (```tsx) in the README's TypeScript section");
  assert.ok(snippets.vue.length >= 1, "expected a Vue snippet (```vue) in the README's TypeScript section");
  assert.ok(snippets.ts.some((s) => /document\.addEventListener\("ck-success"/.test(s) && /event\.detail/.test(s)), "the README's document listener reads event.detail");
});

test("a plain Vite + TypeScript app type-checks and builds: the README's ```ts snippets, typed elements, a document listener, and each entry point on its own", async () => {
  const files = snippets.ts.map((text, i) => [`readme-${i + 1}.ts`, `${text}\nexport {};\n`]);
  await buildApp("plain", { entry: readmeModule(files, false), files });
});

test("a React 19 app type-checks and builds: the README's ```tsx snippets and JSX with onck-* listeners", async () => {
  const files = snippets.tsx.map((text, i) => [`readme-${i + 1}.tsx`, `${text}\nexport {};\n`]);
  await buildApp("react", { entry: readmeModule(files, false), files });
});

test("a Vue 3 app type-checks with vue-tsc and builds: the README's ```vue snippets and templates with @ck-* listeners", async () => {
  const files = snippets.vue.map((text, i) => [`Readme${i + 1}.vue`, text]);
  await buildApp("vue", { entry: readmeModule(files, true), files });
});
