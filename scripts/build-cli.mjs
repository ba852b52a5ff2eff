// Bundles the `ic3a090` executable with esbuild into dist/cli/bin.js (over tsc's output of src/cli/bin.ts), with one
// chunk per command beside it, so that a run parses a few files instead of resolving some 200 modules: `--version`
// loads the entry alone, and a command loads its own chunk (see src/cli/main.ts). The library (dist/index.js) and
// the other files tsc emits stay as they are.
//
// Three things keep the bundle behaving exactly as the unbundled modules do:
// - every module keeps its own `import.meta.url` (the URL of its file under dist/), so data/, package.json and the
//   web app are found relative to the package, from a checkout or installed as a dependency;
// - `import { z } from "zod"` is read as `import * as z from "zod"` (the same bindings), which esbuild can shake
//   down to what is used instead of bundling zod whole with every locale;
// - only the packages in BUNDLED go into the bundle; any other (fastify, exceljs, ...) stays an import from
//   node_modules, loaded only by the command that uses it.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { build } from "esbuild";

const out = "dist/cli";
const src = resolve("src");
/** Packages small and pure enough to bundle; every other package is imported from node_modules at run time. */
const BUNDLED = new Set(["commander", "zod", "papaparse"]);

/** The URL, relative to a file in `dir`, of the file tsc emits for `path` (a .ts file under src/). */
function emittedFrom(path, dir) {
  const emitted = resolve("dist", relative(src, path)).replace(/\.ts$/, ".js");
  return relative(resolve(dir), emitted).split(sep).join("/");
}

/**
 * The rules data files that classify reads, each with what its schema made of it, validated here through tsc's
 * output of the same sources (dist/), once, instead of on every run: see src/rules/checked-data.ts.
 */
async function checkedRulesData() {
  const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
  const recorded = (await dist("rules/checked-data.js")).recordCheckedData();
  const [{ rulesAt }, { parseDatasheet }, { classifyDatasheet }] = await Promise.all(
    ["rules/rules.js", "classify/datasheet.js", "classify/classify.js"].map(dist),
  );
  const datasheet = parseDatasheet(JSON.parse(readFileSync("data/examples/h100.json", "utf8")));
  classifyDatasheet(datasheet, rulesAt("2026-09-01", { history: true }));
  if (recorded.files.size === 0 || recorded.digests.size === 0)
    throw new Error("no rules data file was validated or hashed: src/rules/checked-data.ts is not called");
  return { files: Object.fromEntries(recorded.files), digests: Object.fromEntries(recorded.digests) };
}
const CHECKED_DATA = resolve("src/cli/checked-data.ts");
const checkedData = await checkedRulesData();

/** Each source file as if unbundled (see above), for a bundle written to `dir`; the build fails if a pattern it relies on is gone. */
const asUnbundled = (dir) => ({
  name: "as-unbundled",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(src + sep)) return undefined;
      let text = readFileSync(args.path, "utf8")
        .replaceAll("import.meta.url", `new URL(${JSON.stringify(emittedFrom(args.path, dir))}, import.meta.url).href`)
        .replaceAll('import { z } from "zod";', 'import * as z from "zod";');
      if (args.path === CHECKED_DATA) {
        const none = "trustCheckedData({ files: {}, digests: {} });";
        if (!text.includes(none)) throw new Error(`${args.path}: no \`${none}\` to fill in`);
        text = text.replace(none, `trustCheckedData(JSON.parse(${JSON.stringify(JSON.stringify(checkedData))}));`);
      }
      if (/import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*"zod"/.test(text))
        throw new Error(
          `${args.path}: import zod as \`import { z } from "zod";\` alone, so that the bundle can shake it`,
        );
      return { contents: text, loader: "ts", resolveDir: dirname(args.path) };
    });
    // commander requires child_process when loaded, for subcommands that are executables of their own (this CLI
    // has none): it is required on first use instead, so that a run does not load it, nor net and dgram with it.
    builder.onLoad({ filter: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) throw new Error(`${args.path}: no \`${eager}\` to make lazy`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: text.replace(eager, lazy), loader: "js" };
    });
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0];
      return BUNDLED.has(name) ? undefined : { path: args.path, external: true };
    });
  },
});

// Chunks of an earlier build would be left beside the new ones.
mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) if (name.startsWith("chunk-")) rmSync(`${out}/${name}`);
const REQUIRE =
  'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);';
/** The options both builds share: one ESM bundle split into chunks, under dist/cli/. */
const common = {
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir: out,
  // The bundled packages that are CommonJS (commander, papaparse) call require() for Node's own modules: the chunk
  // that defines esbuild's require shim gets a real require (and only it, so that the others import nothing more).
  banner: { js: REQUIRE },
  write: false,
  metafile: true,
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  logLevel: "warning",
};
/** The modules of the classify bundle, which bin.ts imports by these names (see below). */
const CLASSIFY_ENTRIES = {
  "classify-run": "src/cli/classify-run.ts",
  "classify-one-shot": "src/cli/classify-one-shot.ts",
};
const classifyEntries = {
  name: "classify-entries",
  setup(builder) {
    const names = new Set(Object.keys(CLASSIFY_ENTRIES).map((name) => `./${name}.js`));
    builder.onResolve({ filter: /^\.\/classify-/ }, (args) =>
      names.has(args.path) ? { path: args.path, external: true } : undefined,
    );
  },
};
// Every command, with a chunk per command and chunks of what they share.
const all = await build({
  ...common,
  entryPoints: { bin: "src/cli/bin.ts" },
  chunkNames: "chunk-[name]-[hash]",
  plugins: [classifyEntries, asUnbundled(out)],
});
// classify alone, in a build of its own: the classify-run.js and classify-one-shot.js that bin.ts imports for
// `classify` and the few chunks they share. Such a run loads this build's modules only (and bin.js, which shares
// none with it), so that a class or a setting (zod's) is never seen in two copies.
const classify = await build({
  ...common,
  entryPoints: CLASSIFY_ENTRIES,
  chunkNames: "chunk-classify-[name]-[hash]",
  plugins: [asUnbundled(out)],
});
// What each file of the bundle holds (the packages, and the modules under src/), for spec/cli/startup.spec.ts to tell
// which packages a run loaded.
const holds = {};
for (const [path, output] of [all, classify].flatMap((result) => Object.entries(result.metafile.outputs))) {
  const inputs = Object.keys(output.inputs);
  const packages = inputs.map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]).filter(Boolean);
  holds[relative(out, path)] = {
    packages: [...new Set(packages)].sort(),
    modules: inputs.filter((input) => input.startsWith("src/")).sort(),
  };
}
writeFileSync(`${out}/bundle.json`, `${JSON.stringify(holds, null, 1)}\n`);
for (const file of [all, classify].flatMap((result) => result.outputFiles)) {
  const text = file.text.includes("typeof require") ? file.text : file.text.replace(`${REQUIRE}\n`, "");
  writeFileSync(file.path, text);
}

// The catalogue's worker thread (src/catalogue/parallel.ts starts it from dist/catalogue/classify-worker.js) in one
// file over tsc's output, so that each worker parses one file instead of resolving some 60 modules as it starts.
await build({
  entryPoints: ["src/catalogue/classify-worker.ts"],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outfile: "dist/catalogue/classify-worker.js",
  allowOverwrite: true,
  banner: { js: REQUIRE },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  plugins: [asUnbundled("dist/catalogue")],
  logLevel: "warning",
});
// tsc's source map described the unbundled file.
rmSync("dist/catalogue/classify-worker.js.map", { force: true });
