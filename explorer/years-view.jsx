// Year on year: one line per department over the years present, the change and rate against the
// year before in the tooltip and the table.
import { useMemo } from "react";
import { runAll } from "./api.js";
import { Chart, DataTable } from "./chart.jsx";
import { minus, number, percent, rate, wan } from "./money.js";
import { Section } from "./section.jsx";
import { useAnswer } from "./use-answer.js";

export function YearsView({ vars }) {
  const { year: _year, ...allYears } = vars;
  const answer = useAnswer((signal) => runAll("DepartmentsOverYears", allYears, (d) => d.expenditureGroups, signal), JSON.stringify(allYears));
  return (
    <Section id="years" title="年度趋势" answer={answer} note="各部门各年度支出（按科目行的公布合计，万元）；悬停查看与上年相比的增减额和增减率。">
      {(groups) => <YearLines groups={groups} />}
    </Section>
  );
}

/** Per department, its amount in each year (null where it has no budget), with change and rate on the year before. */
function lines(groups) {
  const years = [...new Set(groups.map((g) => g.year))].sort((a, b) => a - b);
  const byCode = new Map();
  for (const g of groups) {
    const row = byCode.get(g.department.code) ?? { key: g.department.code, name: g.department.shortName, amounts: {} };
    row.amounts[g.year] = g.amount;
    byCode.set(g.department.code, row);
  }
  const rows = [...byCode.values()].map((r) => {
    const changes = {};
    years.forEach((y, i) => {
      const before = years[i - 1];
      if (before !== undefined && r.amounts[y] != null && r.amounts[before] != null) changes[y] = { change: minus(r.amounts[y], r.amounts[before]), rate: rate(r.amounts[y], r.amounts[before]) };
    });
    return { ...r, changes };
  });
  return { years, rows };
}

function YearLines({ groups }) {
  const { years, rows } = useMemo(() => lines(groups), [groups]);
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: "item",
        formatter: (p) => {
          const row = rows[p.seriesIndex];
          const y = years[p.dataIndex];
          const c = row.changes[y];
          return `${row.name} ${y}年<br/>${wan(row.amounts[y])} 万元${c ? `<br/>比上年 ${c.change.startsWith("-") ? "" : "+"}${wan(c.change)} 万元（${c.rate === null ? "—" : percent(c.rate)}）` : ""}`;
        },
      },
      legend: { top: 0, type: "scroll" },
      grid: { left: 8, right: 24, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: "category", data: years.map((y) => `${y}年`) },
      yAxis: { type: "value", name: "万元" },
      series: rows.map((r) => ({ name: r.name, type: "line", symbolSize: 8, connectNulls: false, data: years.map((y) => (r.amounts[y] == null ? null : number(r.amounts[y]))) })),
    }),
    [rows, years],
  );
  if (!rows.length) return <p className="empty">所选范围内没有支出数据。</p>;
  const last = years.at(-1);
  const columns = [
    { key: "name", label: "部门" },
    ...years.map((y) => ({ key: `y${y}`, label: `${y}年（万元）`, numeric: true, render: (r) => wan(r.amounts[y] ?? null) })),
    { key: "change", label: `${last}年比上年增减（万元）`, numeric: true, render: (r) => wan(r.changes[last]?.change ?? null) },
    { key: "rate", label: "增减率", numeric: true, render: (r) => percent(r.changes[last]?.rate ?? null) },
  ];
  return (
    <>
      <Chart option={option} label="各部门各年度支出折线图" />
      <DataTable id="years-table" caption="各部门各年度支出（万元）" columns={columns} rows={rows} />
    </>
  );
}
