// <bangfu-process-diagram>: a read-only BPMN diagram (bpmn-js viewer) with the current steps highlighted and
// the steps already done marked. Properties, set by the server: xml (BPMN 2.0 XML), current and done (arrays of
// element ids). Renders in its own light DOM so that diagram-js's stylesheet applies.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';

class BangfuProcessDiagram extends HTMLElement {
  constructor() {
    super();
    this._xml = '';
    this._current = [];
    this._done = [];
    this._rendered = null;
  }

  connectedCallback() {
    if (!this._canvas) {
      this._canvas = document.createElement('div');
      this._canvas.className = 'bf-diagram-canvas';
      this.appendChild(this._canvas);
      this._viewer = new NavigatedViewer({ container: this._canvas });
    }
    this._render();
  }

  set xml(value) { this._xml = value || ''; this._render(); }
  get xml() { return this._xml; }
  set current(value) { this._current = value || []; this._mark(); }
  get current() { return this._current; }
  set done(value) { this._done = value || []; this._mark(); }
  get done() { return this._done; }

  async _render() {
    if (!this._viewer || !this._xml || this._rendered === this._xml) {
      return;
    }
    this._rendered = this._xml;
    try {
      await this._viewer.importXML(this._xml);
      this._focus();
      this.removeAttribute('failed');
      this._marked = { current: [], done: [] };
      this._mark();
      this.dispatchEvent(new CustomEvent('diagram-rendered'));
    } catch (error) {
      this.setAttribute('failed', '');
      console.error('bangfu-process-diagram', error);
    }
  }

  // the whole process when it fits at a readable size, otherwise a readable size centred on the current step
  _focus() {
    const canvas = this._viewer.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    const current = this._current.map((id) => this._viewer.get('elementRegistry').get(id)).find(Boolean);
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
    for (const [kind, ids] of Object.entries(this._marked)) {
      ids.forEach((id) => canvas.removeMarker(id, 'bf-' + kind));
    }
    const present = (id) => !!registry.get(id);
    this._marked = {
      done: this._done.filter(present),
      current: this._current.filter(present),
    };
    this._marked.done.forEach((id) => canvas.addMarker(id, 'bf-done'));
    this._marked.current.forEach((id) => canvas.addMarker(id, 'bf-current'));
  }
}

customElements.define('bangfu-process-diagram', BangfuProcessDiagram);
