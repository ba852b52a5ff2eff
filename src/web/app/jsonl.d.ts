/** JSON Lines files are bundled as their text (esbuild's text loader, scripts/build-app.mjs). */
declare module "*.jsonl" {
  const text: string;
  export default text;
}
