import { registerEnumType } from "type-graphql";
import { formatFen } from "./money";

export enum MoneyUnit {
  YUAN = "YUAN",
  WAN_YUAN = "WAN_YUAN",
}

registerEnumType(MoneyUnit, {
  name: "MoneyUnit",
  description: "Unit an amount is expressed in (金额单位).",
  valuesConfig: { YUAN: { description: "元 (yuan)" }, WAN_YUAN: { description: "万元 (10,000 yuan); the unit disclosures print" } },
});

export const DEFAULT_UNIT = MoneyUnit.WAN_YUAN;

export function money(fen: bigint, unit: MoneyUnit = DEFAULT_UNIT): string {
  return formatFen(fen, unit);
}
