// ECharts is imported here only, by the dashboard's lazy chunk: no other page pays for it.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';
import { distributionOption, trendOption } from './chartOptions.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// A small wrapper instead of echarts-for-react, whose builds import tslib (not installed here).
function ReactECharts({
  option,
  style,
  onEvents,
}: {
  option: echarts.EChartsCoreOption;
  style?: CSSProperties;
  onEvents?: Record<string, (p: { dataIndex: number }) => void> | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current);
    chart.current = c;
    const onResize = () => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onEvents) return;
    for (const [name, fn] of Object.entries(onEvents)) c.on(name, fn as never);
    return () => {
      // on unmount the first effect's cleanup has disposed the chart already; ECharts warns on an
      // off() to a disposed instance
      if (c.isDisposed()) return;
      for (const name of Object.keys(onEvents)) c.off(name);
    };
  }, [onEvents]);
  return <div ref={ref} style={style} />;
}

export function TrendChart({ months, series }: { months: string[]; series: { name: string; data: number[] }[] }) {
  return <ReactECharts style={{ height: 300 }} option={trendOption(months, series)} />;
}

export function DistributionChart({
  labels,
  values,
  colours,
  onClick,
}: {
  labels: string[];
  values: number[];
  colours: string[];
  onClick?: (index: number) => void;
}) {
  return (
    <ReactECharts
      style={{ height: 300 }}
      onEvents={onClick ? { click: (p: { dataIndex: number }) => onClick(p.dataIndex) } : undefined}
      option={distributionOption(labels, values, colours)}
    />
  );
}
