/**
 * Who is asking. Services scope their SQL by the viewer; resolvers never filter.
 */
export type ViewerRole = "PUBLIC" | "DEPARTMENT" | "FINANCE" | "ADMIN";

export interface Viewer {
  role: ViewerRole;
  /** The department a DEPARTMENT viewer belongs to. */
  departmentId?: number;
  /** The API token the request was made with; absent for the public and for local tools. */
  tokenId?: number;
  /** Who to record in the audit log. */
  actor: string;
}

export const PUBLIC_VIEWER: Viewer = { role: "PUBLIC", actor: "anonymous" };

/**
 * SQL condition (on a department_budget alias) for the budgets this viewer may see:
 * the public sees PUBLISHED only; a department also its own drafts; the bureau everything.
 */
export function visibleBudgets(viewer: Viewer, alias = "b"): { sql: string; params: unknown[] } {
  if (viewer.role === "FINANCE" || viewer.role === "ADMIN") return { sql: "1=1", params: [] };
  if (viewer.role === "DEPARTMENT" && viewer.departmentId !== undefined) {
    return { sql: `(${alias}.status = 'PUBLISHED' OR ${alias}.department_id = ?)`, params: [viewer.departmentId] };
  }
  return { sql: `${alias}.status = 'PUBLISHED'`, params: [] };
}

