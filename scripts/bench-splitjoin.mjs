// The bare floor of the benchmark: read a CSV file as a stream, line by line, split each line on commas and join
// it again, and write the lines to a file (/dev/null). No quotes are read, nothing is classified: the least work
// any pipeline over the same file does.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";

const [input, output] = process.argv.slice(2);
const out = createWriteStream(output);
let tail = "";
let rows = 0;
const stream = createReadStream(input);
stream.setEncoding("utf8");
for await (const chunk of stream) {
  const lines = (tail + chunk).split("\n");
  tail = lines.pop();
  let text = "";
  for (const line of lines) text += `${line.split(",").join(",")}\n`;
  rows += lines.length;
  if (!out.write(text)) await once(out, "drain");
}
if (tail) out.write(`${tail.split(",").join(",")}\n`);
out.end();
await once(out, "finish");
process.stderr.write(`rows ${rows}\n`);
