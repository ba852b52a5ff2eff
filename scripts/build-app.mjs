// Bundles the app (src/web/app) with esbuild into dist/web/app/, next to the server that serves it:
// one script, one style sheet, one page; nothing loaded from anywhere else.
import { copyFileSync, mkdirSync } from "node:fs";
import { build } from "esbuild";

const out = "dist/web/app";
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ["src/web/app/main.tsx"],
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  jsx: "automatic",
  jsxImportSource: "preact",
  outfile: `${out}/app.js`,
  legalComments: "none",
  loader: { ".jsonl": "text" },
  logLevel: "warning",
});
for (const file of ["index.html", "app.css"]) copyFileSync(`src/web/app/${file}`, `${out}/${file}`);
