// ECharts with only the parts the pages draw: bars and lines on a grid, tooltips, legends,
// the SVG renderer (the numbers stay in the page, for screen readers and the browser test).
import {init, use} from 'echarts/core';
import {BarChart, LineChart} from 'echarts/charts';
import {AriaComponent, GridComponent, LegendComponent, TooltipComponent} from 'echarts/components';
import {SVGRenderer} from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export {init};
