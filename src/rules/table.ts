/** The thresholds in force on a date as plain data: `ic3a090 rules --json` and `GET /api/v1/rules`. */
import { THRESHOLD_IDS, type RuleSet } from "./rules.js";

export function rulesTable(rules: RuleSet) {
  return {
    date: rules.date,
    verifiedThrough: rules.verifiedThrough,
    beyondVerified: rules.beyondVerified,
    dataSha256: rules.dataSha256,
    thresholds: THRESHOLD_IDS.flatMap((id) => {
      const t = rules.threshold(id);
      return t
        ? [
            {
              id,
              paragraph: t.paragraph,
              operator: t.operator,
              value: t.value.toExactString(),
              unit: t.unit,
              wording: t.wording,
              inForceFrom: t.from,
              verified: t.verified,
              citation: t.cites,
            },
          ]
        : [];
    }),
    notInForce: THRESHOLD_IDS.filter((id) => !rules.threshold(id)),
  };
}
