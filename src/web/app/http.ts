/** Calls to this server's API (the only place the app talks to; the CSP allows nothing else). */
export async function postJson(
  path: string,
  body: string,
  signal?: AbortSignal,
): Promise<{ status: number; value: unknown }> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    ...(signal ? { signal } : {}),
  });
  return { status: response.status, value: await response.json() };
}

export async function getJson(path: string): Promise<unknown> {
  const response = await fetch(path);
  return response.json();
}

/** The SVG map of `ic3a090 plot` for a body, as an object URL for an <img> (an image runs no script). */
export async function mapUrl(
  body: BodyInit,
  contentType: string,
  date: string,
  signal?: AbortSignal,
): Promise<string | null> {
  const response = await fetch(`/api/v1/plot?date=${encodeURIComponent(date)}`, {
    method: "POST",
    headers: { "content-type": contentType },
    body,
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) return null;
  return URL.createObjectURL(await response.blob());
}
