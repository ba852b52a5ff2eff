/** Verify an attestation: drop the envelope and the files it binds; see who signed it and which check failed, if any. */
import { useState } from "preact/hooks";
import { postJson } from "./http.js";

interface Outcome {
  ok?: boolean;
  failure?: string;
  message?: string;
  error?: { message: string };
  [key: string]: unknown;
}

function base64Of(buffer: ArrayBuffer): string {
  let binary = "";
  const bytes = new Uint8Array(buffer);
  for (let index = 0; index < bytes.length; index += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

export function VerifyPage() {
  const [envelope, setEnvelope] = useState<File | null>(null);
  const [bound, setBound] = useState<File[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [document, setDocument] = useState<string | null>(null);
  const verify = async () => {
    if (!envelope) return;
    const files = await Promise.all(
      bound.map(async (file) => ({ name: file.name, base64: base64Of(await file.arrayBuffer()) })),
    );
    const body = JSON.stringify({ envelope: await envelope.text(), files });
    const { value } = await postJson("/api/v1/verify", body);
    setOutcome(value as Outcome);
    setDocument(null);
    if ((value as Outcome).ok === true) {
      const rendered = await fetch("/api/v1/render?format=md", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      if (rendered.ok) setDocument(await rendered.text());
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const files = [...(event.dataTransfer?.files ?? [])];
    const json = files.find((file) => file.name.endsWith(".json"));
    if (json) setEnvelope(json);
    setBound(files.filter((file) => file !== json));
  };
  return (
    <div class="two-columns">
      <section aria-label="Attestation" class="drop" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
        <p>
          Drop the attestation (.json) and the files it binds here, or choose them. The keys it is checked against are
          the server's trust file, never anything sent from here.
        </p>
        <label class="block">
          Attestation (DSSE envelope){" "}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="envelope"
            onChange={(event) => setEnvelope((event.target as HTMLInputElement).files?.[0] ?? null)}
          />
        </label>
        <label class="block">
          Bound files (e.g. the datasheet PDF){" "}
          <input
            type="file"
            multiple
            data-testid="bound"
            onChange={(event) => setBound([...((event.target as HTMLInputElement).files ?? [])])}
          />
        </label>
        <button type="button" disabled={!envelope} onClick={() => void verify()} data-testid="verify">
          Verify
        </button>
      </section>
      <section aria-label="Outcome" aria-live="polite">
        {outcome?.error && <p class="error">{outcome.error.message}</p>}
        {outcome && outcome.ok === true && (
          <div class="verified" data-testid="verified">
            <p class="headline">
              <span class="badge badge-ok">verified</span> {String(outcome.part)} attested by “
              {String(outcome.designer)}”
            </p>
            <dl class="fields">
              {Object.entries(outcome)
                .filter(([key]) => key !== "ok")
                .map(([key, value]) => (
                  <div key={key}>
                    <dt>{key}</dt>
                    <dd>{typeof value === "object" ? JSON.stringify(value) : String(value)}</dd>
                  </div>
                ))}
            </dl>
            {document !== null && (
              <details open>
                <summary>The attestation, rendered (as ic3a090 render prints it)</summary>
                <pre class="document" data-testid="document">
                  {document}
                </pre>
              </details>
            )}
          </div>
        )}
        {outcome && outcome.ok === false && (
          <div class="error" data-testid="failed">
            <p class="headline">
              <span class="badge badge-a">failed: {outcome.failure}</span>
            </p>
            <p>{outcome.message}</p>
          </div>
        )}
      </section>
    </div>
  );
}
