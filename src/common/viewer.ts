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
 * SQL condition (on a department_budget alias) for the versions this viewer may read at all
 * (by id, in a versions list): the public PUBLISHED ones, a department also every version of
 * its own, the bureau everything. For "the budget" of a department-year-stage use inForce.
 */
export function visibleBudgets(viewer: Viewer, alias = "b"): { sql: string; params: unknown[] } {
  if (viewer.role === "FINANCE" || viewer.role === "ADMIN") return { sql: "1=1", params: [] };
  if (viewer.role === "DEPARTMENT" && viewer.departmentId !== undefined) {
    return { sql: `(${alias}.status = 'PUBLISHED' OR ${alias}.department_id = ?)`, params: [viewer.departmentId] };
  }
  return { sql: `${alias}.status = 'PUBLISHED'`, params: [] };
}

/**
 * SQL condition (on a department_budget alias) for the one version of each department-year-stage
 * this viewer's figures come from: the bureau sees the current version, drafts included; the
 * public the version published last (is_public), whatever drafts came after it; a department
 * its own current version and other departments' public one. Every list, aggregate, ranking and
 * count of "the budget" goes through this, so an aggregate adds up exactly what its viewer sees.
 */
export function inForce(viewer: Viewer, alias = "b"): { sql: string; params: unknown[] } {
  if (viewer.role === "FINANCE" || viewer.role === "ADMIN") return { sql: `${alias}.is_current = 1`, params: [] };
  if (viewer.role === "DEPARTMENT" && viewer.departmentId !== undefined) {
    return {
      sql: `(${alias}.department_id = ? AND ${alias}.is_current = 1 OR ${alias}.department_id <> ? AND ${alias}.is_public = 1)`,
      params: [viewer.departmentId, viewer.departmentId],
    };
  }
  return { sql: `${alias}.is_public = 1`, params: [] };
}
