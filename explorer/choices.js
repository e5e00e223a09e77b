// The choices live in the URL, so a view can be shared:
//   /explorer?year=2023&stage=final&class=208&departments=002,007&subject=20805&department=007
// year: the fiscal year (default: the latest with data); stage: budget (预算, default) or final (决算);
// class: one 类 (default: all); departments: some departments (default: all); subject: the node the
// drill-down shows; department: opens that department's page.
import { useCallback, useEffect, useState } from "react";

export const STAGES = { budget: { api: "BUDGET", label: "预算" }, final: { api: "FINAL", label: "决算" } };

export function readChoices(search = window.location.search) {
  const p = new URLSearchParams(search);
  const year = /^\d{4}$/.test(p.get("year") ?? "") ? Number(p.get("year")) : null;
  const stage = p.get("stage") in STAGES ? p.get("stage") : "budget";
  const code = (name) => (/^\d{3,7}$/.test(p.get(name) ?? "") ? p.get(name) : null);
  const departments = (p.get("departments") ?? "")
    .split(",")
    .filter((c) => /^[\w-]{1,20}$/.test(c));
  const department = /^[\w-]{1,20}$/.test(p.get("department") ?? "") ? p.get("department") : null;
  return { year, stage, classCode: code("class"), departments, subject: code("subject"), department };
}

export function choicesUrl(c) {
  const p = new URLSearchParams();
  if (c.year) p.set("year", String(c.year));
  if (c.stage !== "budget") p.set("stage", c.stage);
  if (c.classCode) p.set("class", c.classCode);
  if (c.departments.length) p.set("departments", c.departments.join(","));
  if (c.subject) p.set("subject", c.subject);
  if (c.department) p.set("department", c.department);
  const q = p.toString().replace(/%2C/g, ",");
  return `${window.location.pathname}${q ? `?${q}` : ""}`;
}

/** The choices and a setter that writes them to the URL (back and forward move between views). */
export function useChoices() {
  const [choices, setState] = useState(readChoices);
  useEffect(() => {
    const onPop = () => setState(readChoices());
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);
  const setChoices = useCallback((change, { replace = false } = {}) => {
    setState((old) => {
      const next = { ...old, ...change };
      window.history[replace ? "replaceState" : "pushState"](null, "", choicesUrl(next));
      return next;
    });
  }, []);
  return [choices, setChoices];
}
