// Discrepancies of the chosen departments' documents for the year and stage: what the check
// found, where in the source, and the figures it compared.
import { runAll } from "./api.js";
import { tablesHref } from "./links.js";
import { SEVERITY } from "./labels.js";
import { wan, wanDifference } from "./money.js";
import { Section } from "./section.jsx";
import { useAnswer } from "./use-answer.js";

/** "007-2023.txt:120 部门支出总体情况表 2080101" → the file, its line, the table's standard title and the row. */
export function parseLocation(location) {
  const m = /^(.+?):(\d+)(?:\s+(\S+)(?:\s+(.*))?)?$/.exec(location);
  return m ? { file: m[1], line: Number(m[2]), table: m[3] ?? "", row: m[4] ?? "" } : { file: location, line: null, table: "", row: "" };
}

/** The regenerated standard table the location points into, as HTML, at the table's anchor. */
export function sourceHref(code, year, stage, location) {
  return tablesHref(code, year, stage, "html", parseLocation(location).table);
}

export function DiscrepanciesView({ vars }) {
  const key = JSON.stringify([vars.year, vars.stage, vars.departmentCodes]);
  const answer = useAnswer(
    async (signal) => {
      const departments = await runAll("DiscrepanciesByDepartment", { year: vars.year, stage: vars.stage }, (d) => d.departments, signal);
      const chosen = vars.departmentCodes ? new Set(vars.departmentCodes) : null;
      return departments.filter((d) => d.budget && (!chosen || chosen.has(d.code))).flatMap((d) => d.budget.discrepancies.map((x) => ({ ...x, department: d })));
    },
    key,
  );
  return (
    <Section id="discrepancies" title="勾稽差异" answer={answer} note="所选部门、年度和阶段的文件中发现的不一致（不按类筛选）；位置链接到重新生成的标准表格。">
      {(rows) => <Discrepancies rows={rows} year={vars.year} stage={vars.stage} />}
    </Section>
  );
}

function Discrepancies({ rows, year, stage }) {
  return (
    <>
      <p>
        共 <b id="discrepancy-count">{rows.length}</b> 条
        {Object.entries(SEVERITY)
          .map(([k, label]) => [label, rows.filter((r) => r.severity === k).length])
          .filter(([, n]) => n)
          .map(([label, n]) => `，${label} ${n} 条`)
          .join("")}
      </p>
      {rows.length ? (
        <div className="scroll">
          <table id="discrepancy-table">
            <caption>勾稽差异明细</caption>
            <thead>
              <tr>
                {["部门", "等级", "规则", "说明", "位置", "公布数", "计算数", "差额"].map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const money = r.valueKind === "MONEY";
                const show = (v, f) => (money ? f(v) : v == null ? "—" : r.valueKind === "PERCENT" ? `${v}%` : v);
                const loc = parseLocation(r.location);
                return (
                  <tr key={i} className={`severity-${r.severity.toLowerCase()}`}>
                    <th scope="row">{r.department.shortName}</th>
                    <td>{SEVERITY[r.severity] ?? r.severity}</td>
                    <td>
                      <code>{r.ruleId}</code>
                    </td>
                    <td>{r.message}</td>
                    <td>
                      <a href={sourceHref(r.department.code, year, stage, r.location)} title={loc.line ? `${loc.file} 第 ${loc.line} 行` : loc.file}>
                        {r.location}
                      </a>
                    </td>
                    <td className="num">{show(r.stated, wan)}</td>
                    <td className="num">{show(r.computed, wan)}</td>
                    <td className="num">{show(r.difference, wanDifference)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">没有发现不一致。</p>
      )}
    </>
  );
}
