/**
 * Data files already found valid, so that a run of the CLI need not validate them again: scripts/build-cli.mjs
 * loads the rules data through their schemas as the CLI would, records what each file's schema made of it (and the
 * sha256 of the files a rule set names), and writes that into the classify bundle (src/cli/checked-data.ts), which
 * hands it to `trustCheckedData`. A file whose text is not exactly the text the build validated (edited since, or
 * another file) is validated, and hashed, as ever: a record is used only for the very bytes it was made from. The
 * library on its own trusts nothing.
 */
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";

/** One file as validated: its text, and its schema's output as JSON. */
export interface CheckedFile {
  readonly text: string;
  readonly json: string;
}

/** What the build validated: the files by their path under data/, and digests by their files' paths (see below). */
export interface CheckedData {
  readonly files: Readonly<Record<string, CheckedFile>>;
  readonly digests: Readonly<Record<string, string>>;
}

const trusted = { files: new Map<string, CheckedFile>(), digests: new Map<string, string>() };
let recording: { files: Map<string, CheckedFile>; digests: Map<string, string> } | undefined;

/** Trusts these records for the rest of the process. */
export function trustCheckedData(data: CheckedData): void {
  for (const [path, file] of Object.entries(data.files)) trusted.files.set(path, file);
  for (const [paths, digest] of Object.entries(data.digests)) trusted.digests.set(paths, digest);
}

/** What the schema made of the file at `relativePath` when its text was `text`, if that text was validated. */
export function checkedData(relativePath: string, text: string): unknown {
  const file = trusted.files.get(relativePath);
  return file !== undefined && file.text === text ? JSON.parse(file.json) : undefined;
}

/** From now on, records every data file validated and every digest computed (for the build). */
export function recordCheckedData(): {
  readonly files: ReadonlyMap<string, CheckedFile>;
  readonly digests: ReadonlyMap<string, string>;
} {
  recording = { files: new Map(), digests: new Map() };
  return recording;
}

/** Called for each data file validated: recorded when recording, and when JSON gives back exactly the output. */
export function noteChecked(relativePath: string, text: string, data: unknown): void {
  if (recording === undefined) return;
  const json = JSON.stringify(data);
  if (isDeepStrictEqual(JSON.parse(json), data)) recording.files.set(relativePath, { text, json });
}

/** True when `bytes` are byte for byte the text the build validated for `relativePath`. */
function isTrustedBytes(relativePath: string, bytes: Uint8Array): boolean {
  const file = trusted.files.get(relativePath);
  return file !== undefined && Buffer.from(file.text, "utf8").equals(bytes);
}

/**
 * The sha256 (hex) of these data files' bytes, one after the other: the digest the build computed when every file is
 * byte for byte what it validated; else computed now, with node:crypto, loaded only then.
 */
export function dataFilesSha256(files: readonly { readonly path: string; readonly bytes: Uint8Array }[]): string {
  const key = files.map((file) => file.path).join("\n");
  const known = trusted.digests.get(key);
  if (known !== undefined && files.every((file) => isTrustedBytes(file.path, file.bytes))) return known;
  const crypto = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  const hash = crypto.createHash("sha256");
  for (const file of files) hash.update(file.bytes);
  const digest = hash.digest("hex");
  recording?.digests.set(key, digest);
  return digest;
}
