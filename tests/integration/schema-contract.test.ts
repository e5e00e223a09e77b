import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type GraphQLNamedType, isEnumType, isInputObjectType, isObjectType, isScalarType } from "graphql";
import { describe, expect, it } from "vitest";
import { getSchema } from "../../src/schema";
import { printedSchema } from "../../src/schema-print";

describe("the schema contract", () => {
  it("matches the committed schema/schema.graphql (run `npm run build` after an API change)", async () => {
    const committed = readFileSync(join(__dirname, "..", "..", "schema", "schema.graphql"), "utf8");
    expect(await printedSchema()).toBe(committed);
  });

  it("describes every type, field, argument and enum value", async () => {
    const schema = await getSchema();
    const missing: string[] = [];
    const own = (t: GraphQLNamedType) => !t.name.startsWith("__") && !["String", "Int", "Float", "Boolean", "ID"].includes(t.name);
    for (const type of Object.values(schema.getTypeMap()).filter(own)) {
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const f of Object.values(type.getFields())) {
          if (!f.description) missing.push(`${type.name}.${f.name}`);
          for (const a of "args" in f ? f.args : []) if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
      if (isScalarType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });

  it("keeps the names integrators rely on", async () => {
    const schema = await getSchema();
    const q = schema.getQueryType()!.getFields();
    for (const name of ["fiscalYears", "department", "departments", "subjectCode", "economicCode", "projects", "expenditure", "discrepancies"]) expect(q[name]).toBeDefined();
    expect(String(q.department!.type)).toBe("Department");
    expect(String(q.departments!.type)).toBe("DepartmentConnection!");
    expect(String(q.expenditure!.type)).toBe("[ExpenditureGroup!]!");
    const budget = schema.getType("DepartmentBudget");
    expect(isObjectType(budget) && Object.keys(budget.getFields())).toEqual(
      expect.arrayContaining(["department", "fiscalYear", "incomeTotal", "expenditureTotal", "basicExpenditure", "projectExpenditure", "personnelExpenditure", "publicExpenditure", "projects", "discrepancies"]),
    );
    expect(String(schema.getType("SubjectLevel") && (schema.getType("SubjectLevel") as any).getValues().map((v: any) => v.name))).toBe("CLASS,SECTION,ITEM");
  });
});
