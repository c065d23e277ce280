// <bangfu-process-diagram>: a read-only BPMN diagram (bpmn-js viewer) with the current steps highlighted and
// the steps already done marked. Properties, set by the server: xml (BPMN 2.0 XML), current and done (arrays of
// element ids), figures (an object by element id of { badge, alert, detail, load }: a step's figures shown over it,
// the step coloured by its load between 0 and 1). A click on a step with figures sends `step-click` with
// detail { id }. Property marks (an object by element id of 'added', 'changed' or 'removed') outlines elements in
// green, amber or red: the differences between two versions of a process. Renders in its own light DOM so that
// diagram-js's stylesheet applies.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';

class BangfuProcessDiagram extends HTMLElement {
  constructor() {
    super();
    this._xml = '';
    this._current = [];
    this._done = [];
    this._figures = {};
    this._marks = {};
    this._rendered = null;
  }

  connectedCallback() {
    if (!this._canvas) {
      this._canvas = document.createElement('div');
      this._canvas.className = 'bf-diagram-canvas';
      this.appendChild(this._canvas);
      this._viewer = new NavigatedViewer({ container: this._canvas });
      this._viewer.get('eventBus').on('element.click', (e) => this._clicked(e.element.id));
    }
    this._render();
  }

  set xml(value) { this._xml = value || ''; this._render(); }
  get xml() { return this._xml; }
  set current(value) { this._current = value || []; this._mark(); }
  get current() { return this._current; }
  set done(value) { this._done = value || []; this._mark(); }
  get done() { return this._done; }
  set figures(value) { this._figures = value || {}; this._mark(); }
  get figures() { return this._figures; }
  set marks(value) { this._marks = value || {}; this._mark(); }
  get marks() { return this._marks; }

  async _render() {
    if (!this._viewer || !this._xml || this._rendered === this._xml) {
      return;
    }
    this._rendered = this._xml;
    try {
      await this._viewer.importXML(this._xml);
      this._focus();
      this.removeAttribute('failed');
      this._marked = { current: [], done: [], heat: [], marks: [] };
      this._mark();
      this.dispatchEvent(new CustomEvent('diagram-rendered'));
    } catch (error) {
      this.setAttribute('failed', '');
      console.error('bangfu-process-diagram', error);
    }
  }

  // the whole process when it fits at a readable size, otherwise a readable size centred on the current step
  // (on a map of figures: the busiest step)
  _focus() {
    const canvas = this._viewer.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    const registry = this._viewer.get('elementRegistry');
    const busiest = Object.entries(this._figures).sort((a, b) => b[1].load - a[1].load).map(([id]) => id);
    const current = this._current.concat(busiest).map((id) => registry.get(id)).find(Boolean);
    const readable = 0.8;
    if (!current || canvas.zoom() >= readable) {
      return;
    }
    const outer = canvas.viewbox().outer;
    const width = outer.width / readable;
    const height = outer.height / readable;
    canvas.viewbox({
      x: current.x + current.width / 2 - width / 2,
      y: current.y + current.height / 2 - height / 2,
      width,
      height,
    });
  }

  _mark() {
    if (!this._viewer || !this._marked) {
      return;
    }
    const canvas = this._viewer.get('canvas');
    const registry = this._viewer.get('elementRegistry');
    this._marked.done.forEach((id) => canvas.removeMarker(id, 'bf-done'));
    this._marked.current.forEach((id) => canvas.removeMarker(id, 'bf-current'));
    const present = (id) => !!registry.get(id);
    this._marked.done = this._done.filter(present);
    this._marked.current = this._current.filter(present);
    this._marked.done.forEach((id) => canvas.addMarker(id, 'bf-done'));
    this._marked.current.forEach((id) => canvas.addMarker(id, 'bf-current'));
    this._showMarks(canvas, registry);
    this._showFigures(canvas, registry);
  }

  _showMarks(canvas, registry) {
    this._marked.marks.forEach(([id, mark]) => canvas.removeMarker(id, 'bf-mark-' + mark));
    this._marked.marks = Object.entries(this._marks)
      .filter(([id, mark]) => registry.get(id) && ['added', 'changed', 'removed'].includes(mark));
    this._marked.marks.forEach(([id, mark]) => canvas.addMarker(id, 'bf-mark-' + mark));
  }

  // each step's figures in a label over its top edge; the step filled from pale to strong by its load
  _showFigures(canvas, registry) {
    const overlays = this._viewer.get('overlays');
    overlays.remove({ type: 'bf-figures' });
    this._marked.heat.forEach(([id, level]) => canvas.removeMarker(id, 'bf-heat-' + level));
    this._marked.heat = [];
    for (const [id, figure] of Object.entries(this._figures)) {
      const element = registry.get(id);
      if (!element) {
        continue;
      }
      const level = figure.load > 0 ? 1 + Math.min(4, Math.floor(figure.load * 5)) : 0;
      canvas.addMarker(id, 'bf-heat-' + level);
      this._marked.heat.push([id, level]);
      const label = document.createElement('div');
      label.className = 'bf-step-figures';
      label.dataset.step = id;
      label.title = figure.detail || '';
      const badge = document.createElement('span');
      badge.className = 'bf-step-badge';
      badge.textContent = figure.badge;
      label.appendChild(badge);
      if (figure.alert) {
        const alert = document.createElement('span');
        alert.className = 'bf-step-alert';
        alert.textContent = figure.alert;
        label.appendChild(alert);
      }
      if (figure.detail) {
        const detail = document.createElement('span');
        detail.className = 'bf-step-detail';
        detail.textContent = figure.detail;
        label.appendChild(detail);
      }
      label.addEventListener('click', () => this._clicked(id));
      overlays.add(id, 'bf-figures', { position: { top: -12, left: -6 }, html: label });
    }
  }

  _clicked(id) {
    if (this._figures[id]) {
      this.dispatchEvent(new CustomEvent('step-click', { detail: { id } }));
    }
  }
}

customElements.define('bangfu-process-diagram', BangfuProcessDiagram);
