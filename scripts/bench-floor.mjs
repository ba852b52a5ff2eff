// The floor of the benchmark: read a CSV file, parse it with papaparse in
// chunks and re-serialize every record with papaparse, as `classify` does,
// writing to a file (/dev/null). Nothing is classified.
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import Papa from "papaparse";

const [input, output] = process.argv.slice(2);
const out = createWriteStream(output);
const parser = new Papa.Parser({ delimiter: ",", newline: "\n", quoteChar: '"' });
let tail = "";
let rows = 0;
const stream = createReadStream(input);
stream.setEncoding("utf8");
for await (const chunk of stream) {
  const text = tail + chunk;
  const result = parser.parse(text, 0, true);
  tail = text.slice(result.meta.cursor);
  rows += result.data.length;
  if (result.data.length > 0 && !out.write(`${Papa.unparse(result.data, { newline: "\n" })}\n`))
    await once(out, "drain");
}
if (tail) out.write(`${Papa.unparse(parser.parse(tail, 0, false).data)}\n`);
out.end();
await once(out, "finish");
process.stderr.write(`rows ${rows}\n`);
