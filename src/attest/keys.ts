/**
 * Ed25519 keys for attestations: a designer's private key (PKCS#8 PEM, mode
 * 0600) and public key (SPKI PEM). Error messages name the file and what is
 * wrong with it, and never quote the key.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { closeSync, existsSync, fchmodSync, openSync, statSync, unlinkSync, writeSync } from "node:fs";
import { errnoText, NamedFileError, readRegularFile } from "../files/regular-file.js";
import { keyIdOf } from "./dsse.js";

/** A key file that cannot be used; the message never contains key material. */
export class KeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyError";
  }
}

export interface KeyPairFiles {
  readonly privateKeyFile: string;
  readonly publicKeyFile: string;
  readonly keyid: string;
}

/** A key file that could not be written (a full disk, a folder that is not one): the CLI's exit 74. */
export class KeyWriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: unknown,
  ) {
    super(`cannot write ${file}: ${errnoText(reason)}`);
    this.name = "KeyWriteError";
  }
}

/**
 * Generates an Ed25519 key pair and writes `<prefix>.key` (PKCS#8 PEM, created
 * with mode 0600 in the same open call, so it is never readable by others)
 * and `<prefix>.pub` (SPKI PEM).
 *
 * @throws KeyError when either file exists: a key is never overwritten.
 */
export function generateKeyFiles(prefix: string): KeyPairFiles {
  const privateKeyFile = `${prefix}.key`;
  const publicKeyFile = `${prefix}.pub`;
  for (const file of [privateKeyFile, publicKeyFile]) {
    if (existsSync(file))
      throw new KeyError(
        `${file} already exists; refusing to overwrite a key (choose another --out, or move the old key away first)`,
      );
  }
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  writeNew(privateKeyFile, privateKey.export({ type: "pkcs8", format: "pem" }) as string, 0o600);
  try {
    writeNew(publicKeyFile, publicKey.export({ type: "spki", format: "pem" }) as string, 0o644);
  } catch (error) {
    unlinkSync(privateKeyFile);
    throw error;
  }
  return { privateKeyFile, publicKeyFile, keyid: keyIdOf(publicKey) };
}

/** Creates `file` exclusively ('wx': fails if it exists) with `mode`, and writes `text`. */
function writeNew(file: string, text: string, mode: number): void {
  let fd: number;
  try {
    fd = openSync(file, "wx", mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new KeyError(`${file} already exists; refusing to overwrite a key`);
    throw new KeyWriteError(file, error);
  }
  try {
    fchmodSync(fd, mode); // the umask may only narrow the mode; make it exact
    const bytes = Buffer.from(text, "utf8");
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
  } catch (error) {
    closeSync(fd);
    unlinkSync(file);
    throw new KeyWriteError(file, error);
  }
  closeSync(fd);
}

function readKeyText(file: string, what: string): string {
  try {
    return readRegularFile(file, what).toString("utf8");
  } catch (error) {
    if (error instanceof NamedFileError) throw new KeyError(error.message);
    throw error;
  }
}

/** True for a PEM private key protected by a passphrase (PKCS#8 encrypted, or a legacy encrypted PEM). */
function isEncryptedPem(text: string): boolean {
  return text.includes("-----BEGIN ENCRYPTED PRIVATE KEY-----") || /Proc-Type:\s*4,\s*ENCRYPTED/.test(text);
}

/**
 * Reads a designer's Ed25519 private key and derives its public key.
 *
 * @throws KeyError naming the file (never its contents).
 */
export function readPrivateKey(file: string): { privateKey: KeyObject; publicKey: KeyObject; warnings: string[] } {
  const text = readKeyText(file, "private key");
  if (isEncryptedPem(text)) {
    throw new KeyError(
      `${file} is an encrypted private key (protected by a passphrase); ic3a090 signs with an unencrypted ` +
        `PKCS#8 key such as keygen writes: decrypt a copy (openssl pkey -in ${file} -out plain.key) and keep it ` +
        "mode 0600",
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: text, format: "pem" });
  } catch {
    throw new KeyError(
      `${file} is not a PEM private key (expected the PKCS#8 "designer.key" written by ic3a090 keygen)`,
    );
  }
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new KeyError(
      `${file} is a ${privateKey.asymmetricKeyType ?? "unknown"} key; attestations are signed with Ed25519 ` +
        "(ic3a090 keygen)",
    );
  }
  const warnings: string[] = [];
  const mode = statSync(file).mode & 0o077;
  if (process.platform !== "win32" && mode !== 0)
    warnings.push(
      `${file} is readable by other users (mode ${(statSync(file).mode & 0o777).toString(8)}); chmod 600 ${file}`,
    );
  return { privateKey, publicKey: createPublicKey(privateKey), warnings };
}

/**
 * An Ed25519 public key from SPKI PEM text. A private key is refused, so a
 * trust file can never silently hold one.
 *
 * @throws KeyError with `where` naming the file or the trust-file field.
 */
export function parsePublicKey(text: string, where: string): KeyObject {
  if (/PRIVATE KEY/.test(text))
    throw new KeyError(
      `${where} holds a private key; give the designer's public key (the .pub file) instead, and keep the ` +
        "private key secret",
    );
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: text, format: "pem" });
  } catch {
    throw new KeyError(
      `${where} is not a PEM public key (expected "-----BEGIN PUBLIC KEY-----", as in the .pub file written by ` +
        "ic3a090 keygen)",
    );
  }
  if (publicKey.asymmetricKeyType !== "ed25519")
    throw new KeyError(`${where} is a ${publicKey.asymmetricKeyType ?? "unknown"} key; attestations use Ed25519`);
  return publicKey;
}

export function readPublicKey(file: string): KeyObject {
  return parsePublicKey(readKeyText(file, "public key"), file);
}
