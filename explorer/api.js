// The page asks the public GraphQL API on this origin, with the saved operations of
// schema/operations/ as they are (vite copies their text into the bundle): what the page shows,
// an integrator can ask for too.
import DepartmentPage from "../schema/operations/DepartmentPage.graphql?raw";
import DepartmentsOverYears from "../schema/operations/DepartmentsOverYears.graphql?raw";
import DiscrepanciesByDepartment from "../schema/operations/DiscrepanciesByDepartment.graphql?raw";
import ExecutionLines from "../schema/operations/ExecutionLines.graphql?raw";
import ExecutionOfDepartments from "../schema/operations/ExecutionOfDepartments.graphql?raw";
import ExplorerChoices from "../schema/operations/ExplorerChoices.graphql?raw";
import KindsByDepartment from "../schema/operations/KindsByDepartment.graphql?raw";
import SubjectDrillDown from "../schema/operations/SubjectDrillDown.graphql?raw";

export const OPERATIONS = {
  DepartmentPage,
  DepartmentsOverYears,
  DiscrepanciesByDepartment,
  ExecutionLines,
  ExecutionOfDepartments,
  ExplorerChoices,
  KindsByDepartment,
  SubjectDrillDown,
};

export class ApiError extends Error {}

/** Runs one saved operation; a GraphQL error or a non-JSON answer is thrown as an ApiError. */
export async function run(name, variables, signal) {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify({ query: OPERATIONS[name], operationName: name, variables }),
    signal,
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`服务器返回了无法解析的应答 (HTTP ${res.status})`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join("; "));
  return body.data;
}

/** Every node of a connection, following `after` page by page; `pick` finds the connection in the answer. */
export async function runAll(name, variables, pick, signal) {
  const nodes = [];
  let after = null;
  for (;;) {
    const page = pick(await run(name, { ...variables, after }, signal));
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}
