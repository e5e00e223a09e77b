// Departments side by side: basic against project expenditure per department, stacked, largest
// total first; a bar or a name opens the department.
import { useCallback, useMemo } from "react";
import { runAll } from "./api.js";
import { Chart, DataTable } from "./chart.jsx";
import { KIND_STACK, STACK_LABEL } from "./labels.js";
import { number, sum, wan } from "./money.js";
import { Section } from "./section.jsx";
import { useAnswer } from "./use-answer.js";

/** One row per department: each stack's amount and the total, added exactly. */
export function departmentStacks(groups) {
  const byCode = new Map();
  for (const g of groups) {
    const row = byCode.get(g.department.code) ?? { key: g.department.code, name: g.department.shortName, parts: { basic: [], project: [], other: [] } };
    row.parts[KIND_STACK[g.kind] ?? "other"].push(g.amount);
    byCode.set(g.department.code, row);
  }
  return [...byCode.values()]
    .map((r) => ({ ...r, basic: sum(r.parts.basic), project: sum(r.parts.project), other: sum(r.parts.other), total: sum([...r.parts.basic, ...r.parts.project, ...r.parts.other]) }))
    .sort((a, b) => number(b.total) - number(a.total) || a.key.localeCompare(b.key));
}

export function DepartmentsView({ vars, openDepartment }) {
  const answer = useAnswer((signal) => runAll("KindsByDepartment", vars, (d) => d.expenditureGroups, signal), JSON.stringify(vars));
  return (
    <Section id="departments" title="部门对比：基本支出与项目支出" answer={answer} note="按支出类型的明细单元格相加（万元）；点击柱条或部门名称查看部门详情。">
      {(groups) => <DepartmentBars groups={groups} openDepartment={openDepartment} />}
    </Section>
  );
}

function DepartmentBars({ groups, openDepartment }) {
  const rows = useMemo(() => departmentStacks(groups), [groups]);
  const stacks = ["basic", "project", "other"].filter((s) => s !== "other" || rows.some((r) => r.parts.other.length));
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v) => `${wan(String(v))} 万元` },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: "category", data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: { type: "value", name: "万元" },
      series: stacks.map((s) => ({ name: STACK_LABEL[s], type: "bar", stack: "total", emphasis: { focus: "series" }, data: rows.map((r) => ({ value: number(r[s]), code: r.key })) })),
    }),
    [rows, stacks.join()],
  );
  const onClick = useCallback((p) => p.data?.code && openDepartment(p.data.code), [openDepartment]);
  if (!rows.length) return <p className="empty">所选范围内没有支出数据。</p>;
  const columns = [
    { key: "name", label: "部门", render: (r) => <a href={`?department=${r.key}`} onClick={(e) => (e.preventDefault(), openDepartment(r.key))}>{r.name}</a> },
    ...stacks.map((s) => ({ key: s, label: `${STACK_LABEL[s]}（万元）`, numeric: true, render: (r) => wan(r[s]) })),
    { key: "total", label: "合计（万元）", numeric: true, render: (r) => wan(r.total) },
  ];
  return (
    <>
      <Chart option={option} label="各部门基本支出与项目支出堆叠柱状图" onClick={onClick} />
      <DataTable id="departments-table" caption="各部门基本支出与项目支出（万元）" columns={columns} rows={rows} />
    </>
  );
}
