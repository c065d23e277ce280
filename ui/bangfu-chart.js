// <bangfu-chart>: a chart drawn by Apache ECharts. Property `option`, set by the server: an ECharts option as a JSON
// string (series, axes, labels; all texts already translated). It follows its box's size (a phone's narrow card
// too) and tells the server which item was clicked: event `chart-click` with detail { seriesIndex, dataIndex, name }.
// Renders in its own light DOM on a canvas; the server gives the element its accessible description (aria-label).
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, FunnelChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent,
  CanvasRenderer]);

class BangfuChart extends HTMLElement {
  constructor() {
    super();
    this._option = null;
  }

  connectedCallback() {
    if (!this._box) {
      this._box = document.createElement('div');
      this._box.className = 'bf-chart-box';
      this.appendChild(this._box);
    }
    if (!this._chart) {
      this._chart = echarts.init(this._box, null, { renderer: 'canvas' });
      this._chart.on('click', (p) => this.dispatchEvent(new CustomEvent('chart-click', {
        detail: { seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex ?? -1, name: String(p.name ?? '') },
      })));
      this._resizing = new ResizeObserver(() => this._chart && this._chart.resize());
      this._resizing.observe(this._box);
    }
    this._draw();
  }

  disconnectedCallback() {
    if (this._resizing) {
      this._resizing.disconnect();
      this._resizing = null;
    }
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  set option(value) {
    this._option = value ? JSON.parse(value) : null;
    this._draw();
  }

  get option() {
    return this._option ? JSON.stringify(this._option) : '';
  }

  _draw() {
    if (!this._chart || !this._option) {
      return;
    }
    this._chart.setOption(this._option, { notMerge: true });
    this.setAttribute('drawn', '');
  }
}

customElements.define('bangfu-chart', BangfuChart);
