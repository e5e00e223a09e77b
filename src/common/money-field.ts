import { Arg } from "type-graphql";
import { DEFAULT_UNIT, MoneyUnit } from "./money-unit";

/** The `unit` argument every amount field takes. */
export const UnitArg = () =>
  Arg("unit", () => MoneyUnit, { defaultValue: DEFAULT_UNIT, description: "Unit to express the amount in (default 万元)." });
