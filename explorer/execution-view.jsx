// Execution: what each department spent (决算) against its year-begin budget, and the 项 lines
// spent more than 10% over or under it, highlighted.
import { useMemo } from "react";
import { run, runAll } from "./api.js";
import { Chart, DataTable } from "./chart.jsx";
import { EXECUTION_BASIS } from "./labels.js";
import { number, offBy, percent, wan } from "./money.js";
import { Section } from "./section.jsx";
import { useAnswer } from "./use-answer.js";

/** Points away from 100% past which a line counts as off its budget. */
const TOLERANCE = 10;

export function ExecutionView({ vars }) {
  const { stage: _stage, ...ofYear } = vars;
  const answer = useAnswer(
    async (signal) => {
      const [byDepartment, lines] = await Promise.all([run("ExecutionOfDepartments", ofYear, signal), runAll("ExecutionLines", ofYear, (d) => d.execution, signal)]);
      return { departments: byDepartment.execution.nodes, lines };
    },
    JSON.stringify(ofYear),
  );
  return (
    <Section id="execution" title="预算执行：决算与年初预算" answer={answer} note={`执行率 = 决算数 ÷ 年初预算数；偏离超过 ${TOLERANCE}% 的科目行标红。`}>
      {(data) => <Execution {...data} />}
    </Section>
  );
}

function Execution({ departments, lines }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v) => `${wan(String(v))} 万元` },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: "category", data: departments.map((d) => d.department.shortName) },
      yAxis: { type: "value", name: "万元" },
      series: [
        { name: "年初预算数", type: "bar", data: departments.map((d) => number(d.budgeted)) },
        { name: "决算数", type: "bar", data: departments.map((d) => ({ value: number(d.final), itemStyle: offBy(d.rate, TOLERANCE) ? { color: "#c23531" } : undefined })) },
      ],
    }),
    [departments],
  );
  if (!departments.length) return <p className="empty">该年度没有决算数据，无法比较执行情况。</p>;
  const rows = departments.map((d) => ({ ...d, key: d.department.code }));
  const off = lines.filter((l) => offBy(l.rate, TOLERANCE));
  const columns = [
    { key: "name", label: "部门", render: (r) => r.department.shortName },
    { key: "budgeted", label: "年初预算数（万元）", numeric: true, render: (r) => wan(r.budgeted) },
    { key: "final", label: "决算数（万元）", numeric: true, render: (r) => wan(r.final) },
    { key: "rate", label: "执行率", numeric: true, render: (r) => percent(r.rate) },
    { key: "basis", label: "预算数来源", render: (r) => EXECUTION_BASIS[r.basis] ?? r.basis },
  ];
  const lineColumns = [
    { key: "subject", label: "科目", render: (r) => `${r.subjectCode?.code ?? ""} ${r.subjectCode?.name ?? ""}` },
    { key: "department", label: "部门", render: (r) => r.department.shortName },
    ...columns.slice(1, 4),
  ];
  return (
    <>
      <Chart option={option} label="各部门年初预算数与决算数柱状图" />
      <DataTable id="execution-table" caption="各部门预算执行（万元）" columns={columns} rows={rows} rowClass={(r) => (offBy(r.rate, TOLERANCE) ? "off" : undefined)} />
      <h3>
        科目执行明细：<span id="execution-off-count">{off.length}</span> 行偏离超过 {TOLERANCE}%
      </h3>
      <DataTable id="execution-lines" caption="各科目（项）预算执行（万元）" columns={lineColumns} rows={lines.map((l) => ({ ...l, key: `${l.department.code}-${l.subjectCode?.code}` }))} rowClass={(r) => (offBy(r.rate, TOLERANCE) ? "off" : undefined)} open />
    </>
  );
}
