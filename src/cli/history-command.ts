/** `ic3a090 rules --history`: every dated change of the rules data with its citation, in order. */
import { rulesHistory } from "../history/history.js";
import { Output } from "./io.js";

export async function printRulesHistory(json: boolean): Promise<void> {
  const output = new Output();
  const changes = rulesHistory();
  if (json) {
    await output.write(`${JSON.stringify(changes, null, 2)}\n`);
    return;
  }
  await output.write("Dated entries of the rules data, in order (date, file, source; what took effect):\n");
  for (const change of changes) {
    const label = change.kind === "change" ? "" : "  [formalised from: the data begins here]";
    await output.write(`${change.from}  ${change.file}  ${change.source}${label}\n`);
    await output.write(`            ${change.what.join("; ")}\n`);
  }
}
