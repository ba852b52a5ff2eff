/**
 * The trust file a fab keeps: which designer each public key belongs to.
 *
 *     {"designers": [{"name": "Acme Semi", "publicKey": "acme.pub"}]}
 *
 * `publicKey` is a path relative to the trust file, or an inline SPKI PEM.
 * A designer may list several keys (one entry each); one key may not belong
 * to two designers, and a private key is refused.
 */
import type { KeyObject } from "node:crypto";
import { NamedFileError, readRegularFile } from "../files/regular-file.js";
import { JsonTextError, parseJsonText } from "../files/json-text.js";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { issuesFromZod } from "../classify/datasheet.js";
import { strictObject } from "../input/strict.js";
import { keyIdOf } from "./dsse.js";
import { KeyError, parsePublicKey } from "./keys.js";

export const TrustFileSchema = strictObject({
  designers: z
    .array(
      strictObject({
        name: z.string().min(1, { error: "name the designer" }),
        publicKey: z
          .string()
          .min(1, { error: "give a .pub file path (relative to the trust file) or an inline PEM public key" }),
      }),
    )
    .min(1, { error: "list at least one designer" }),
});

export interface TrustedKey {
  readonly name: string;
  readonly keyid: string;
  readonly publicKey: KeyObject;
}

export interface TrustedDesigners {
  /** Where the trust came from, for messages. */
  readonly source: string;
  readonly keys: readonly TrustedKey[];
}

/** A trust file that cannot be used; the message names the file and field. */
export class TrustFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TrustFileError";
  }
}

/** Builds the trusted keys from a parsed trust file; relative key paths resolve against `baseDir`. */
export function trustFrom(json: unknown, source: string, baseDir: string): TrustedDesigners {
  const parsed = TrustFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = issuesFromZod(parsed.error)[0]!;
    throw new TrustFileError(
      `${source}: ${issue.path || "(root)"}: ${issue.message} (expected {"designers": [{"name": "Acme Semi", ` +
        '"publicKey": "acme.pub"}]})',
    );
  }
  const keys: TrustedKey[] = [];
  parsed.data.designers.forEach((designer, index) => {
    const field = `${source}: designers[${index}].publicKey`;
    let publicKey: KeyObject;
    try {
      if (designer.publicKey.includes("-----BEGIN")) publicKey = parsePublicKey(designer.publicKey, field);
      else {
        const file = resolve(baseDir, designer.publicKey);
        let text: string;
        try {
          text = readRegularFile(file, "public key").toString("utf8");
        } catch (error) {
          if (!(error instanceof NamedFileError)) throw error;
          throw new KeyError(`${field}: ${error.message}; paths are relative to the trust file`);
        }
        publicKey = parsePublicKey(text, `${field} (${designer.publicKey})`);
      }
    } catch (error) {
      if (error instanceof KeyError) throw new TrustFileError(error.message);
      throw error;
    }
    const keyid = keyIdOf(publicKey);
    const other = keys.find((key) => key.keyid === keyid);
    if (other && other.name !== designer.name) {
      throw new TrustFileError(
        `${field}: the same key is pinned for "${other.name}" and "${designer.name}"; a key must belong to one ` +
          "designer",
      );
    }
    if (!other) keys.push({ name: designer.name, keyid, publicKey });
  });
  return { source, keys };
}

/** Reads a trust file. @throws TrustFileError naming the file and field. */
export function loadTrustFile(file: string): TrustedDesigners {
  let text: string;
  try {
    text = readRegularFile(file, "trust file").toString("utf8");
  } catch (error) {
    if (error instanceof NamedFileError) throw new TrustFileError(error.message);
    throw error;
  }
  let json: unknown;
  try {
    json = parseJsonText(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error;
    throw new TrustFileError(
      `${file}: not valid JSON: ${error.message}; expected {"designers": [{"name": "Acme Semi", "publicKey": ` +
        '"acme.pub"}]}',
    );
  }
  return trustFrom(json, file, dirname(resolve(file)));
}
