// 类 → 款 → 项: the children of the node the breadcrumb has reached, as a treemap with amounts and
// shares; a block with children opens it, the breadcrumb goes back up.
import { useCallback, useMemo } from "react";
import { runAll } from "./api.js";
import { Chart, DataTable } from "./chart.jsx";
import { number, percent, wan } from "./money.js";
import { Section } from "./section.jsx";
import { useAnswer } from "./use-answer.js";

const LEVEL = { CLASS: "类", SECTION: "款", ITEM: "项" };

export function DrillView({ vars, subject, setSubject }) {
  const answer = useAnswer((signal) => runAll("SubjectDrillDown", vars, (d) => d.expenditureGroups, signal), JSON.stringify(vars));
  return (
    <Section id="drill" title="支出功能分类：类 → 款 → 项" answer={answer} note="按科目行的公布合计相加（万元）；点击色块下钻，点击路径返回上级。">
      {(groups) => <Drill groups={groups} subject={subject} setSubject={setSubject} />}
    </Section>
  );
}

/** The rollup as a tree: each node with its children, keyed by code ("" for the grand total). */
export function subjectTree(groups) {
  const nodes = new Map();
  for (const g of groups) nodes.set(g.subjectCode?.code ?? "", { ...g, code: g.subjectCode?.code ?? "", children: [] });
  for (const n of nodes.values()) if (n.depth > 0) nodes.get(n.subjectCode.parent?.code ?? "")?.children.push(n);
  return nodes;
}

function Drill({ groups, subject, setSubject }) {
  const tree = useMemo(() => subjectTree(groups), [groups]);
  const current = tree.get(subject ?? "") ?? tree.get("");
  const option = useMemo(
    () => ({
      tooltip: { formatter: (p) => `${p.data.label}<br/>${wan(p.data.amount)} 万元（占上级 ${percent(p.data.shareOfParent)}）` },
      series: [
        {
          type: "treemap",
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          top: 0,
          left: 0,
          right: 0,
          bottom: 0,
          label: { formatter: (p) => `${p.data.label}\n${wan(p.data.amount)}` },
          data: (current?.children ?? []).map((c) => ({ name: c.code, label: `${c.code} ${c.subjectCode.name ?? ""}`, value: number(c.amount), amount: c.amount, shareOfParent: c.shareOfParent, code: c.code, open: c.children.length > 0 })),
        },
      ],
    }),
    [current],
  );
  const onClick = useCallback((p) => p.data?.open && setSubject(p.data.code), [setSubject]);
  if (!current) return <p className="empty">所选范围内没有支出数据。</p>;
  const path = [];
  for (let n = current; n; n = n.depth > 0 ? tree.get(n.subjectCode.parent?.code ?? "") : undefined) path.unshift(n);
  const columns = [
    { key: "code", label: "科目编码", render: (r) => (r.children.length ? <a href={`?subject=${r.code}`} onClick={(e) => (e.preventDefault(), setSubject(r.code))}>{r.code}</a> : r.code) },
    { key: "name", label: "科目名称", render: (r) => `${r.subjectCode.name ?? "（未命名）"}（${LEVEL[r.subjectCode.level]}）` },
    { key: "amount", label: "金额（万元）", numeric: true, render: (r) => wan(r.amount) },
    { key: "shareOfParent", label: "占上级", numeric: true, render: (r) => percent(r.shareOfParent) },
    { key: "share", label: "占全部", numeric: true, render: (r) => percent(r.share) },
  ];
  return (
    <>
      <nav className="breadcrumb" aria-label="科目路径">
        {path.map((n, i) => (
          <span key={n.code}>
            {i > 0 ? " › " : null}
            {i === path.length - 1 ? (
              <strong aria-current="location">{n.depth === 0 ? "全部科目" : `${n.code} ${n.subjectCode.name ?? ""}`}</strong>
            ) : (
              <a href={n.code ? `?subject=${n.code}` : "?"} onClick={(e) => (e.preventDefault(), setSubject(n.code || null))}>
                {n.depth === 0 ? "全部科目" : `${n.code} ${n.subjectCode.name ?? ""}`}
              </a>
            )}
          </span>
        ))}
        <span className="total">
          合计 <b id="drill-total">{wan(current.amount)}</b> 万元
        </span>
      </nav>
      <Chart option={option} onClick={onClick} label={`${path.at(-1).code || "全部科目"}下级科目的矩形树图`} />
      <DataTable id="drill-table" caption={`${current.depth === 0 ? "全部科目" : `${current.code} ${current.subjectCode.name ?? ""}`}的下级科目（万元）`} columns={columns} rows={current.children.map((c) => ({ ...c, key: c.code }))} />
    </>
  );
}
