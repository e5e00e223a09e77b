import { byArgs, manyEach, oneEach } from "../../common/loaders";
import { amountGroup } from "../classification/code-catalog";
import type { SubjectCodeService } from "./subject-code.service";

/** Functional codes, their children, and amounts rolled up under them. */
export function subjectCodeLoaders(subjectCodes: SubjectCodeService) {
  return {
    subjectCode: oneEach((codes: readonly string[]) => subjectCodes.byCodes(codes), (e) => e.code),
    subjectChildren: manyEach((codes: readonly string[]) => subjectCodes.childrenOf(codes), (e) => e.parentCode!),
    subjectExpenditure: byArgs(
      amountGroup,
      (keys) => subjectCodes.expenditure(keys),
    ),
  };
}
