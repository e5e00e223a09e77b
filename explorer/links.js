// Addresses of what the server serves beside the API, built in one place.

/** A department-year-stage's regenerated standard tables, in a format, at a table's anchor. */
export function tablesHref(code, year, stage, format, table = "") {
  const query = stage && stage !== "BUDGET" ? `?stage=${encodeURIComponent(stage.toLowerCase())}` : "";
  return `/tables/${encodeURIComponent(code)}/${year}.${format}${query}${table ? `#${encodeURIComponent(table)}` : ""}`;
}
