// <bangfu-bpmn-editor>: the administrator's BPMN editor (bpmn-js Modeler) with the Camunda 7 properties panel beside
// the canvas (below it when the editor is narrower than 700 px) and lint overlays: bpmnlint's recommended rules and
// Bangfu's own (ui/bpmnlint-plugin-bangfu). Renders in its own light DOM so that the global stylesheets apply.
//
// Properties, set by the server:
//   translations  object, English source text -> translated text, for everything bpmn-js, the properties panel
//                 and the lint rules say; set it before the element is attached (a change rebuilds the editor)
//   xml           BPMN 2.0 XML to edit; imported and fitted to the viewport
//   lintConfig    { groups: [candidate group patterns], delegates: [delegate bean names] } for Bangfu's rules
//   problems      [{ elementId, message }] found by the server's checks, drawn in red on those elements
//   marks         { elementId: 'added' | 'changed' | 'removed' }, outlined green, amber, red
// Methods: save() -> Promise of the XML, with the value still being typed in the properties panel;
//          focusElement(id) selects the element and scrolls it into view.
// Events: editor-changed (detail {}), lint-changed (detail { errors, warnings, issues: [{ elementId, elementName,
//         rule, message, category }] }, messages translated), editor-failed (detail { message }).
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import lintModule from 'bpmn-js-bpmnlint';
import { bangfuLinting } from './bangfu-bpmn-lint.js';
import { translator } from './bangfu-translate.js';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';

const MARKS = ['added', 'changed', 'removed'];

// the smallest zoom at which names can still be read; a process fitted smaller (on a phone) starts at its left end
const READABLE = 0.6;
// the palette's width on screen, kept clear of the diagram
const PALETTE = 110;

class BangfuBpmnEditor extends HTMLElement {
  constructor() {
    super();
    this._translations = {};
    this._xml = '';
    this._lintConfig = {};
    this._problems = [];
    this._marks = {};
    this._modeler = null;
    this._imported = null;
    this._importing = Promise.resolve();
  }

  connectedCallback() {
    if (!this._layout) {
      this._layout = document.createElement('div');
      this._layout.className = 'bf-modeler';
      this._canvas = document.createElement('div');
      this._canvas.className = 'bf-modeler-canvas';
      this._properties = document.createElement('div');
      this._properties.className = 'bf-modeler-properties';
      this._layout.append(this._canvas, this._properties);
      this.appendChild(this._layout);
      // the canvas follows its box (the panel moving below it on a narrow screen, a window resized)
      this._resizing = new ResizeObserver(() => this._modeler && this._modeler.get('canvas').resized());
      this._resizing.observe(this._canvas);
    }
    if (!this._modeler) {
      this._create();
    }
  }

  set translations(value) {
    const translations = value || {};
    if (JSON.stringify(translations) === JSON.stringify(this._translations)) {
      return;
    }
    this._translations = translations;
    this._translate = translator(translations);
    if (this._modeler) {
      this._rebuild();
    }
  }
  get translations() { return this._translations; }

  set xml(value) {
    this._xml = value || '';
    this._import();
  }
  get xml() { return this._xml; }

  set lintConfig(value) {
    this._lintConfig = value || {};
    if (this._modeler) {
      this._modeler.get('linting').setLinterConfig(bangfuLinting(this._lintConfig));
    }
  }
  get lintConfig() { return this._lintConfig; }

  set problems(value) {
    this._problems = value || [];
    this._decorate();
  }
  get problems() { return this._problems; }

  set marks(value) {
    this._marks = value || {};
    this._decorate();
  }
  get marks() { return this._marks; }

  /** The edited XML; the value being typed in the properties panel (debounced there) is committed first. */
  async save() {
    if (document.activeElement && this.contains(document.activeElement)) {
      document.activeElement.blur();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this._importing;
    if (!this._modeler) {
      return this._xml;
    }
    const { xml } = await this._modeler.saveXML({ format: true });
    return xml;
  }

  focusElement(id) {
    if (!this._modeler) {
      return;
    }
    const element = this._modeler.get('elementRegistry').get(id);
    if (element) {
      this._modeler.get('selection').select(element);
      const canvas = this._modeler.get('canvas');
      if (element.parent) {
        if (canvas.zoom() < READABLE) {
          canvas.zoom(1);
        }
        canvas.scrollToElement(element, { top: 80, bottom: 80, left: 120, right: 80 });
      }
    }
  }

  _create() {
    this._translate = translator(this._translations);
    this._modeler = new BpmnModeler({
      container: this._canvas,
      propertiesPanel: { parent: this._properties },
      linting: { active: true, bpmnlint: bangfuLinting(this._lintConfig) },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        CamundaPlatformPropertiesProviderModule,
        CamundaBehaviorsModule,
        lintModule,
        { translate: ['value', this._translate] },
      ],
      moddleExtensions: { camunda: camundaModdle },
    });
    const eventBus = this._modeler.get('eventBus');
    eventBus.on('commandStack.changed', (event) => {
      if (event.trigger !== 'clear') {
        this._decorate();
        this.dispatchEvent(new CustomEvent('editor-changed', { detail: {} }));
      }
    });
    eventBus.on('linting.completed', (event) => this._linted(event.issues));
    this._imported = null;
    this._import();
  }

  // a new dictionary: a new modeler (bpmn-js translates once, when it draws), with the edits made so far
  async _rebuild() {
    const xml = this._imported !== null ? await this.save().catch(() => this._xml) : this._xml;
    this._modeler.destroy();
    this._canvas.replaceChildren();
    this._properties.replaceChildren();
    this._modeler = null;
    this._xml = xml;
    this._create();
  }

  _import() {
    if (!this._modeler || !this._xml || this._imported === this._xml) {
      return this._importing;
    }
    const xml = this._xml;
    this._imported = xml;
    this._importing = this._importing.then(async () => {
      try {
        await this._modeler.importXML(xml);
        this._fit();
        this.removeAttribute('failed');
        this._decorate();
      } catch (error) {
        this.setAttribute('failed', '');
        this.dispatchEvent(new CustomEvent('editor-failed', { detail: { message: String(error.message || error) } }));
      }
    });
    return this._importing;
  }

  // the whole process when it fits at a readable size, otherwise a readable size from its start (left)
  _fit() {
    const canvas = this._modeler.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    if (canvas.zoom() >= READABLE) {
      return;
    }
    const { inner, outer } = canvas.viewbox();
    const width = outer.width / READABLE;
    const height = outer.height / READABLE;
    canvas.viewbox({ x: inner.x - PALETTE / READABLE, y: inner.y + inner.height / 2 - height / 2, width, height });
  }

  // the server's problems (a red badge with the messages, the element outlined) and the marks of a comparison
  _decorate() {
    if (!this._modeler || !this._modeler.getDefinitions()) {
      return;
    }
    const canvas = this._modeler.get('canvas');
    const registry = this._modeler.get('elementRegistry');
    const overlays = this._modeler.get('overlays');
    overlays.remove({ type: 'bf-problem' });
    registry.getAll().forEach((element) => {
      ['bf-problem', ...MARKS.map((mark) => 'bf-mark-' + mark)].forEach((marker) => canvas.removeMarker(element, marker));
    });
    const root = canvas.getRootElement();
    const byElement = new Map();
    this._problems.forEach(({ elementId, message }) => {
      const element = registry.get(elementId) || root;
      byElement.set(element, (byElement.get(element) || []).concat(message));
    });
    byElement.forEach((messages, element) => {
      if (element !== root) {
        canvas.addMarker(element, 'bf-problem');
      }
      const badge = document.createElement('div');
      badge.className = 'bf-problem-badge';
      badge.textContent = '!';
      badge.title = messages.join('\n');
      badge.setAttribute('role', 'img');
      badge.setAttribute('aria-label', messages.join('; '));
      const position = element === root ? { top: 20, left: 20 } : { bottom: 8, left: -8 };
      overlays.add(element, 'bf-problem', { position, html: badge });
    });
    Object.entries(this._marks).forEach(([id, mark]) => {
      if (registry.get(id) && MARKS.includes(mark)) {
        canvas.addMarker(id, 'bf-mark-' + mark);
      }
    });
  }

  // bpmn-js-bpmnlint's issues by element id, flattened and translated for the server
  _linted(grouped) {
    const issues = [];
    Object.values(grouped || {}).forEach((reports) => reports.forEach((report) => {
      const elementId = report.actualElementId || report.id;
      issues.push({
        elementId,
        elementName: this._nameOf(elementId),
        rule: report.rule,
        message: this._translate(report.message),
        category: report.category,
      });
    }));
    const count = (category) => issues.filter((issue) => issue.category === category).length;
    this.dispatchEvent(new CustomEvent('lint-changed', {
      detail: { errors: count('error') + count('rule-error'), warnings: count('warn'), issues },
    }));
  }

  _nameOf(id) {
    const element = this._modeler.get('elementRegistry').get(id);
    if (element) {
      return element.businessObject.name || '';
    }
    const definitions = this._modeler.getDefinitions();
    const global = (definitions && definitions.rootElements || []).find((e) => e.id === id);
    return (global && global.name) || '';
  }
}

customElements.define('bangfu-bpmn-editor', BangfuBpmnEditor);
