// The comparison explorer: departments, years, 类→款→项 and discrepancies at a glance, drawn from
// the public GraphQL API. Plain JSX (no type checking): the project installs no React type definitions.
import "./style.css";
import { useCallback, useEffect, useMemo } from "react";
import { createRoot } from "react-dom/client";
import { run } from "./api.js";
import { STAGES, useChoices } from "./choices.js";
import { DepartmentPage } from "./department-page.jsx";
import { DepartmentsView } from "./departments-view.jsx";
import { DiscrepanciesView } from "./discrepancies-view.jsx";
import { DrillView } from "./drill-view.jsx";
import { ExecutionView } from "./execution-view.jsx";
import { YearsView } from "./years-view.jsx";
import { Section } from "./section.jsx";
import { useAnswer } from "./use-answer.js";

function App() {
  const [choices, setChoices] = useChoices();
  const stage = STAGES[choices.stage];
  // Year 0 has no classes: the first answer, without a year in the URL, only lists the years.
  const answer = useAnswer((signal) => run("ExplorerChoices", { year: choices.year ?? 0, stage: stage.api }, signal), `${choices.year}-${choices.stage}`);
  const years = answer.data?.fiscalYears ?? [];
  useEffect(() => {
    // No year chosen: the latest with data, without adding a step to the browser's history.
    if (!choices.year && years.length) setChoices({ year: years.at(-1).year }, { replace: true });
  }, [choices.year, years, setChoices]);

  return (
    <>
      <header>
        <h1>高新区部门预算对比</h1>
        <Choices choices={choices} setChoices={setChoices} data={answer.data} />
      </header>
      <main>
        {!choices.year || !answer.data ? (
          <Section id="choices" title="正在读取年度" answer={answer}>
            {() => <Empty years={[]} stageLabel={stage.label} />}
          </Section>
        ) : years.some((y) => y.year === choices.year) ? (
          <Views choices={choices} setChoices={setChoices} />
        ) : (
          <Empty year={choices.year} years={years} stageLabel={stage.label} setChoices={setChoices} />
        )}
      </main>
    </>
  );
}

function Empty({ year, years, stageLabel, setChoices }) {
  return (
    <div className="empty-state" role="status" id="empty-state">
      {year ? <p>{year}年没有已公开的{stageLabel}数据。</p> : <p>还没有任何已公开的{stageLabel}数据。</p>}
      {years.length ? (
        <p>
          有数据的年度：
          {years.map((y) => (
            <button key={y.year} type="button" className="link" onClick={() => setChoices({ year: y.year, subject: null, department: null })}>
              {y.year}年
            </button>
          ))}
        </p>
      ) : null}
    </div>
  );
}

function Views({ choices, setChoices }) {
  const stage = STAGES[choices.stage];
  const vars = useMemo(
    () => ({ year: choices.year, stage: stage.api, departmentCodes: choices.departments.length ? choices.departments : null, classCodes: choices.classCode ? [choices.classCode] : null }),
    [choices.year, stage.api, choices.departments.join(), choices.classCode],
  );
  const openDepartment = useCallback((code) => setChoices({ department: code }), [setChoices]);
  const setSubject = useCallback((code) => setChoices({ subject: code }), [setChoices]);
  if (choices.department) return <DepartmentPage code={choices.department} vars={vars} stageLabel={stage.label} back={() => setChoices({ department: null })} />;
  return (
    <div className="views">
      <DepartmentsView vars={vars} openDepartment={openDepartment} />
      <DrillView vars={vars} subject={choices.subject ?? choices.classCode} setSubject={setSubject} />
      <YearsView vars={vars} />
      <ExecutionView vars={vars} />
      <DiscrepanciesView vars={vars} />
    </div>
  );
}

function Choices({ choices, setChoices, data }) {
  const years = (data?.fiscalYears ?? []).map((y) => y.year);
  if (choices.year && !years.includes(choices.year)) years.push(choices.year);
  const departments = data?.fiscalYears.find((y) => y.year === choices.year)?.departments.nodes ?? [];
  const classes = data?.expenditureGroups.nodes ?? [];
  const chosen = new Set(choices.departments);
  const toggle = (code) => {
    const next = new Set(chosen);
    next.has(code) ? next.delete(code) : next.add(code);
    // Every department ticked is the same as none: "all", which also takes in later ones.
    setChoices({ departments: next.size === departments.length ? [] : [...next].sort(), subject: null });
  };
  return (
    <form className="choices" onSubmit={(e) => e.preventDefault()} aria-label="筛选条件">
      <label>
        年度
        <select id="choose-year" value={choices.year ?? ""} onChange={(e) => setChoices({ year: Number(e.target.value), subject: null })}>
          {years.sort((a, b) => b - a).map((y) => (
            <option key={y} value={y}>
              {y}年
            </option>
          ))}
        </select>
      </label>
      <fieldset className="stage">
        <legend>阶段</legend>
        {Object.entries(STAGES).map(([key, s]) => (
          <label key={key}>
            <input type="radio" name="stage" value={key} checked={choices.stage === key} onChange={() => setChoices({ stage: key, subject: null })} />
            {s.label}
          </label>
        ))}
      </fieldset>
      <label>
        类
        <select id="choose-class" value={choices.classCode ?? ""} onChange={(e) => setChoices({ classCode: e.target.value || null, subject: null })}>
          <option value="">全部类</option>
          {classes.map((c) => (
            <option key={c.subjectCode.code} value={c.subjectCode.code}>
              {c.subjectCode.code} {c.subjectCode.name}
            </option>
          ))}
          {choices.classCode && !classes.some((c) => c.subjectCode.code === choices.classCode) ? <option value={choices.classCode}>{choices.classCode}</option> : null}
        </select>
      </label>
      <fieldset className="departments">
        <legend>部门{chosen.size ? `（已选 ${chosen.size} 个）` : "（全部）"}</legend>
        <label>
          <input type="checkbox" checked={!chosen.size} onChange={() => setChoices({ departments: [], subject: null })} />
          全部
        </label>
        {departments.map((d) => (
          <label key={d.code}>
            <input type="checkbox" value={d.code} checked={chosen.has(d.code)} onChange={() => toggle(d.code)} />
            {d.shortName}
          </label>
        ))}
      </fieldset>
    </form>
  );
}

createRoot(document.getElementById("root")).render(<App />);
