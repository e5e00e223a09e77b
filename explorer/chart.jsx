// One ECharts chart, with only the parts the page uses registered (a smaller bundle than all of
// ECharts). The first chart to finish drawing leaves a performance mark, "explorer:first-chart".
import { BarChart, LineChart, TreemapChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, LineChart, TreemapChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

let firstDrawn = false;

export function Chart({ option, onClick, label, height = 360 }) {
  const box = useRef(null);
  const chart = useRef(null);
  useEffect(() => {
    const c = echarts.init(box.current, null, { locale: "ZH" });
    chart.current = c;
    c.on("finished", () => {
      box.current?.setAttribute("data-drawn", "true");
      if (!firstDrawn) {
        firstDrawn = true;
        performance.mark("explorer:first-chart");
      }
    });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      c.dispose();
    };
  }, []);
  useEffect(() => {
    const c = chart.current;
    c.setOption(option, true);
    c.off("click");
    if (onClick) c.on("click", onClick);
  }, [option, onClick]);
  // The chart is a picture for sighted readers; the table beside it carries the same figures.
  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height }} />;
}

/** The data behind a chart, as a table screen readers and copy-paste can use. */
export function DataTable({ id, caption, columns, rows, open = false, rowClass }) {
  return (
    <details className="data" open={open}>
      <summary>数据表：{caption}</summary>
      <table id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? "num" : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key ?? i} className={rowClass?.(r)} data-key={r.key}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row">
                    {c.render ? c.render(r) : r[c.key]}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric ? "num" : undefined} data-col={c.key}>
                    {c.render ? c.render(r) : r[c.key]}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
