import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["spec/**/*.spec.ts"],
    setupFiles: ["spec/setup.ts"],
    globalSetup: ["spec/global-setup.ts"],
    // The JSON report lets .ci/run print "N passed, N failed".
    reporters: ["default", "json"],
    outputFile: { json: "spec/.results/vitest.json" },
    testTimeout: 60_000,
  },
});
