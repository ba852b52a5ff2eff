/** `ic3a090 serve`: the web app and the JSON API on one local server (src/web). */
import type { Command } from "commander";
import { loadTrustFile, TrustFileError } from "../attest/trust.js";
import { UserError } from "./io.js";
import { presumeOptionsFrom } from "./presume-command.js";

interface ServeOptions {
  port: string;
  host: string;
  trust?: string;
  approvedDesigners?: string;
  approvedOsats?: string;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description("Serve the web app and the JSON API (/api/v1/, /openapi.json) on this machine")
    .option("--port <number>", "TCP port (0 picks a free one)", "8080")
    .option("--host <address>", "address to bind; anything but loopback exposes the server to the network", "127.0.0.1")
    .option(
      "--trust <FILE>",
      "trust file of designers' public keys, for /api/v1/verify and signed attestations in orders",
    )
    .option("--approved-designers <FILE>", "Supp. 6 list to use (format of data/approved-designers.json)")
    .option("--approved-osats <FILE>", "Supp. 7 list to use (format of data/approved-osats.json)")
    .addHelpText(
      "after",
      `
Examples:
  ic3a090 serve
  ic3a090 serve --port 9000 --trust trusted-designers.json

The server reads no environment variable, writes nothing to disk, and opens no path a
request names (an order's designerAttestation must be inline). Ctrl-C stops it.`,
    )
    .action(async (options: ServeOptions) => {
      const port = /^\d{1,5}$/.test(options.port) ? Number.parseInt(options.port, 10) : -1;
      if (port < 0 || port > 65535) throw new UserError(`--port: "${options.port}" is not a port number (0 to 65535)`);
      let trust;
      if (options.trust !== undefined) {
        try {
          trust = loadTrustFile(options.trust);
        } catch (error) {
          if (error instanceof TrustFileError) throw new UserError(`--trust: ${error.message}`);
          throw error;
        }
      }
      const presumeOptions = presumeOptionsFrom({
        approvedDesigners: options.approvedDesigners,
        approvedOsats: options.approvedOsats,
        trust: options.trust,
      });
      const loopbackOnly = LOOPBACK.has(options.host);
      // The server and its framework are loaded only by this command, so that the others start quickly.
      const { buildServer } = await import("../web/server.js");
      const server = buildServer({ context: { presumeOptions, trust }, loopbackOnly });
      try {
        await server.listen({ port, host: options.host });
      } catch (error) {
        throw new UserError(
          `cannot listen on ${options.host}:${options.port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
      const address = server.addresses().find((candidate) => typeof candidate !== "string") as
        | import("node:net").AddressInfo
        | undefined;
      const shown = address
        ? `${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`
        : `${options.host}:${port}`;
      process.stdout.write(`ic3a090: serving the app and the API at http://${shown}/ (Ctrl-C stops)\n`);
      if (!loopbackOnly)
        process.stderr.write(
          `ic3a090: note: bound to ${options.host}, not loopback: anyone who can reach this address can use the server\n`,
        );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          void server.close().then(() => resolve());
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      process.stderr.write("ic3a090: server stopped\n");
    });
}
