import { registerEnumType } from "type-graphql";
import { PRINTED_UNITS, type PrintedUnit as PrintedUnitCode, formatFen } from "./money";
import { enumOf } from "./vocabulary";

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

export const PrintedUnit = enumOf(PRINTED_UNITS);
export type PrintedUnit = PrintedUnitCode;
registerEnumType(PrintedUnit, {
  name: "PrintedUnit",
  description: "印刷单位 The unit a document printed figures in. Amounts the API answers are always exact, in the MoneyUnit asked for.",
  valuesConfig: { YUAN: { description: "元" }, THOUSAND_YUAN: { description: "千元" }, WAN_YUAN: { description: "万元" } },
});
