import { byArgs, manyEach, oneEach } from "../../common/loaders";
import { amountGroup } from "../classification/code-catalog";
import type { EconomicCodeService } from "./economic-code.service";

/** Economic codes, their children, amounts rolled up under them, and the codes each is paired with. */
export function economicCodeLoaders(economicCodes: EconomicCodeService) {
  return {
    economicCode: oneEach((codes: readonly string[]) => economicCodes.byCodes(codes), (e) => e.code),
    economicChildren: manyEach((codes: readonly string[]) => economicCodes.childrenOf(codes), (e) => e.parentCode!),
    economicExpenditure: byArgs(
      amountGroup,
      (keys) => economicCodes.expenditure(keys),
    ),
    economicPairs: byArgs(
      (_: string) => "",
      async (codes) => {
        const pairs = await economicCodes.pairedCodes(codes);
        return codes.map((c) => pairs.get(c) ?? []);
      },
    ),
  };
}
