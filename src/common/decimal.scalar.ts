import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const DECIMAL = /^-?\d+(\.\d+)?$/;
/**
 * What an input Decimal may hold: 18 whole digits (the stored DECIMAL columns' range, and far past
 * any budget) and 6 decimals (the finest the platform keeps: a micro-unit, 0.01 yuan in 万元).
 * "-0" is zero. Longer inputs would be truncated or overflow further in: refused here instead.
 */
const INPUT_DECIMAL = /^-?\d{1,18}(\.\d{1,6})?$/;

function check(value: unknown): string {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !DECIMAL.test(text)) {
    throw new GraphQLError(`Decimal must be a plain decimal string such as "8562.6", got ${JSON.stringify(shorten(value))}`);
  }
  return text;
}

function checkInput(value: unknown): string {
  const text = check(value);
  if (!INPUT_DECIMAL.test(text.replace(/^(-?)0+(?=\d)/, "$1"))) {
    throw new GraphQLError(`Decimal input may have at most 18 digits before the point and 6 after, got ${JSON.stringify(shorten(text))}`);
  }
  return text;
}

const shorten = (value: unknown) => (typeof value === "string" && value.length > 40 ? `${value.slice(0, 40)}…` : value);

export const DecimalScalar = new GraphQLScalarType({
  name: "Decimal",
  description: 'Exact decimal, serialised as a string without thousands separators, e.g. "8562.6". 精确小数。',
  serialize: check,
  parseValue: checkInput,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return checkInput(ast.value);
    throw new GraphQLError("Decimal literal must be a string or number");
  },
});
