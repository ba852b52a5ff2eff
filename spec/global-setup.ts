/** Builds dist/ once before the suite, so CLI specs run the compiled `ic3a090` as users do. */
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    stdio: "inherit",
  });
  execFileSync(process.execPath, ["scripts/build-app.mjs"], { stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
}
