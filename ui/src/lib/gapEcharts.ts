// ECharts with only what the Gaps view draws: loaded on demand (its own chunk), SVG renderer
// (no canvas, crisp at any zoom, works under the app's CSP: no eval, no inline script, no fonts).

import * as echarts from "echarts/core";
import { BarChart, HeatmapChart, LineChart, SankeyChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

echarts.use([LineChart, BarChart, SankeyChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
