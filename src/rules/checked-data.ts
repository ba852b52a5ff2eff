/**
 * Data files already found valid, so that a run of the CLI need not validate them again: scripts/build-cli.mjs
 * loads the rules data through their schemas as the CLI would, records what each file's schema made of it, and
 * writes that into the classify bundle (src/cli/checked-data.ts), which hands it to `trustCheckedData`. A file whose
 * text is not exactly the text the build validated (edited since, or another file) is validated as ever: a record
 * is used only for the very bytes it was made from. The library on its own trusts nothing.
 */
import { isDeepStrictEqual } from "node:util";

/** One file as validated: its text, and its schema's output as JSON. */
export interface CheckedFile {
  readonly text: string;
  readonly json: string;
}

const trusted = new Map<string, CheckedFile>();
let recording: Map<string, CheckedFile> | undefined;

/** Trusts these records (by the file's path under data/) for the rest of the process. */
export function trustCheckedData(files: Readonly<Record<string, CheckedFile>>): void {
  for (const [path, file] of Object.entries(files)) trusted.set(path, file);
}

/** What the schema made of the file at `relativePath` when its text was `text`, if that text was validated. */
export function checkedData(relativePath: string, text: string): unknown {
  const file = trusted.get(relativePath);
  return file !== undefined && file.text === text ? JSON.parse(file.json) : undefined;
}

/** From now on, records every data file validated (for the build); the map fills as files are loaded. */
export function recordCheckedData(): ReadonlyMap<string, CheckedFile> {
  recording = new Map();
  return recording;
}

/** Called for each data file validated: recorded when recording, and when JSON gives back exactly the output. */
export function noteChecked(relativePath: string, text: string, data: unknown): void {
  if (recording === undefined) return;
  const json = JSON.stringify(data);
  if (isDeepStrictEqual(JSON.parse(json), data)) recording.set(relativePath, { text, json });
}
