import { describe, expect, it } from "vitest";
import { toMicro } from "../../src/common/decimal";
import { parseTarget } from "../../src/ingest/target";

describe("performance targets", () => {
  it.each([
    ["≥90%", ">=", "90", "%"],
    ["≥3次", ">=", "3", "次"],
    ["100%", "=", "100", "%"],
    ["≤5%", "<=", "5", "%"],
    ["≥470人次", ">=", "470", "人次"],
    ["≥24小时", ">=", "24", "小时"],
    ["≥30000人", ">=", "30000", "人"],
    ["≤30%", "<=", "30", "%"],
    ["≥２０％", ">=", "20", "%"],
  ])("%s → %s %s %s", (printed, comparator, value, unit) => {
    expect(parseTarget(printed)).toEqual({ comparator, value, unit });
  });

  it.each(["及时", "良好", "一月一主题月月有活动", "举办开幕式、数字论坛、创新创业论坛、政策体验、数字人才招聘", "增长", "相关"])(
    "keeps qualitative %s as text only",
    (printed) => {
      expect(parseTarget(printed)).toEqual({ comparator: null, value: null, unit: null });
    },
  );

  it("scales values to exact integers for SQL comparison", () => {
    expect(toMicro("90")).toBe("90000000");
    expect(toMicro("0.5")).toBe("500000");
    expect(toMicro("-0.5")).toBe("-500000");
    expect(toMicro("-1.5")).toBe("-1500000");
  });
});
