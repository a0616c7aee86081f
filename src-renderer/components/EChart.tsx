// A thin React wrapper over ECharts, imported module by module to keep the bundle lean.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { markAfterPaint } from '../lib/perf';
import type { ComposeOption } from 'echarts/core';
import type { HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

echarts.use([
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | HeatmapSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export interface ChartClick {
  seriesIndex?: number;
  dataIndex: number;
  value: unknown;
}

export function EChart({
  option,
  onClick,
  height,
  testId,
  label,
}: {
  option: ChartOption;
  onClick?: (e: ChartClick) => void;
  height: number;
  testId: string;
  label: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    if (!el.current) return;
    const instance = echarts.init(el.current, null, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (e) => clickRef.current?.(e as unknown as ChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
    el.current?.setAttribute('data-rendered', 'true');
    markAfterPaint(`parley:chart-painted:${testId}`);
  }, [option, testId]);

  return (
    <div
      ref={el}
      className="chart"
      style={{ height }}
      data-testid={testId}
      role="img"
      aria-label={label}
    />
  );
}
