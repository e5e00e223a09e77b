import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const DECIMAL = /^-?\d+(\.\d+)?$/;

function check(value: unknown): string {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !DECIMAL.test(text)) {
    throw new GraphQLError(`Decimal must be a plain decimal string such as "8562.6", got ${JSON.stringify(value)}`);
  }
  return text;
}

export const DecimalScalar = new GraphQLScalarType({
  name: "Decimal",
  description: 'Exact decimal, serialised as a string without thousands separators, e.g. "8562.6". 精确小数。',
  serialize: check,
  parseValue: check,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return check(ast.value);
    throw new GraphQLError("Decimal literal must be a string or number");
  },
});
