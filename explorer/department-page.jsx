// One department-year-stage: the published totals beside what the rows add up to, the standard
// tables to download, and the projects with their performance targets.
import { run } from "./api.js";
import { INDICATOR_CATEGORY, PROJECT_CATEGORY } from "./labels.js";
import { tablesHref } from "./links.js";
import { minus, units, wan, wanDifference } from "./money.js";
import { Section } from "./section.jsx";
import { useAnswer } from "./use-answer.js";

const TOTALS = [
  ["incomeTotal", "收入总计"],
  ["expenditureTotal", "支出总计"],
  ["basicExpenditure", "基本支出"],
  ["personnelExpenditure", "人员经费"],
  ["publicExpenditure", "公用经费"],
  ["projectExpenditure", "项目支出"],
];

export function DepartmentPage({ code, vars, stageLabel, back }) {
  const key = JSON.stringify([code, vars.year, vars.stage]);
  const answer = useAnswer((signal) => run("DepartmentPage", { code, year: vars.year, stage: vars.stage }, signal), key);
  const name = answer.data?.department?.shortName ?? code;
  return (
    <Section id="department" title={`${name} · ${vars.year}年${stageLabel}`} answer={answer}>
      {(data) => (
        <>
          <p>
            <a href="?" onClick={(e) => (e.preventDefault(), back())}>
              ← 返回部门对比
            </a>
          </p>
          {!data.department ? <p className="empty">没有编码为 {code} 的部门。</p> : !data.department.budget ? <p className="empty">{data.department.name}没有{vars.year}年已公开的{stageLabel}。</p> : <Budget department={data.department} year={vars.year} stage={vars.stage} />}
        </>
      )}
    </Section>
  );
}

function Budget({ department, year, stage }) {
  const b = department.budget;
  const projects = b.projects.nodes;
  return (
    <>
      <p>
        {department.name}（编码 {department.code}），第 {b.version} 版，来源文件 {b.sourceDocument?.fileName ?? "—"}。
      </p>
      <p className="downloads">
        标准表格下载：<a href={tablesHref(department.code, year, stage, "xlsx")}>Excel（.xlsx）</a> · <a href={tablesHref(department.code, year, stage, "html")}>网页（.html）</a>
      </p>
      <div className="scroll">
        <table id="department-totals">
          <caption>公布数与行合计（万元）</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              <th scope="col" className="num">
                公布数
              </th>
              <th scope="col" className="num">
                行合计
              </th>
              <th scope="col" className="num">
                差额
              </th>
            </tr>
          </thead>
          <tbody>
            {TOTALS.map(([field, label]) => {
              const gap = minus(b[field], b.computed[field]);
              return (
                <tr key={field} data-key={field} className={units(gap) !== 0n ? "off" : undefined}>
                  <th scope="row">{label}</th>
                  <td className="num">{wan(b[field])}</td>
                  <td className="num">{wan(b.computed[field])}</td>
                  <td className="num">{wanDifference(gap)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>
        项目与绩效目标（{b.projects.totalCount} 个{b.projects.totalCount > projects.length ? `，显示前 ${projects.length} 个` : ""}）
      </h3>
      {projects.length ? (
        <div className="scroll">
          <table id="department-projects">
            <caption>项目支出与绩效目标</caption>
            <thead>
              <tr>
                <th scope="col">项目名称</th>
                <th scope="col">项目编码</th>
                <th scope="col">类型</th>
                <th scope="col" className="num">
                  金额（万元）
                </th>
                <th scope="col">绩效目标</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p, i) => (
                <tr key={p.code ?? i}>
                  <th scope="row">{p.name}</th>
                  <td>
                    <code>{p.code ?? "—"}</code>
                  </td>
                  <td>{PROJECT_CATEGORY[p.category] ?? p.category}</td>
                  <td className="num">{wan(p.amount)}</td>
                  <td>
                    {p.indicators.length ? (
                      <ul className="indicators">
                        {p.indicators.map((x, j) => (
                          <li key={j}>
                            {x.category ? `【${INDICATOR_CATEGORY[x.category] ?? x.category}】` : ""}
                            {x.name}：<b>{x.target}</b>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">该预算没有列示项目。</p>
      )}
    </>
  );
}
