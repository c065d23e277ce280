// <bangfu-dmn-editor>: the administrator's DMN editor (dmn-js Modeler with the camunda extension). It opens on the
// first decision table (that is where thresholds such as a team's caseload limit are changed) and shows a tab per
// decision table, by the decision's name, and one for the decision requirements diagram. Renders in its own light
// DOM so that the global stylesheets apply.
//
// Properties, set by the server: translations (object, English source text -> translated text; set it before the
// element is attached, a change rebuilds the editor), xml (DMN 1.3 XML to edit).
// Methods: save() -> Promise of the XML, with the cell being edited committed.
// Events: editor-changed (detail {}), editor-failed (detail { message }).
import DmnModeler from 'dmn-js/lib/Modeler';
import camundaModdle from 'camunda-dmn-moddle/resources/camunda.json';
import { translator } from './bangfu-translate.js';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';

const VIEW_TYPES = ['drd', 'decisionTable', 'literalExpression', 'boxedExpression'];

class BangfuDmnEditor extends HTMLElement {
  constructor() {
    super();
    this._translations = {};
    this._xml = '';
    this._modeler = null;
    this._imported = null;
    this._importing = Promise.resolve();
  }

  connectedCallback() {
    if (!this._layout) {
      this._layout = document.createElement('div');
      this._layout.className = 'bf-dmn';
      this._tabs = document.createElement('div');
      this._tabs.className = 'bf-dmn-tabs';
      this._tabs.setAttribute('role', 'tablist');
      this._container = document.createElement('div');
      this._container.className = 'bf-dmn-view';
      this._layout.append(this._tabs, this._container);
      this.appendChild(this._layout);
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

  /** The edited XML; the cell being typed in is committed first. */
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

  _create() {
    this._translate = translator(this._translations);
    // dmn-js gives each view its own additional modules (its "common" ones are not passed on)
    const translate = { translate: ['value', this._translate] };
    const perView = Object.fromEntries(VIEW_TYPES.map((type) => [type, { additionalModules: [translate] }]));
    this._modeler = new DmnModeler({
      container: this._container,
      height: '100%',
      width: '100%',
      moddleExtensions: { camunda: camundaModdle },
      ...perView,
    });
    this._modeler.on('views.changed', (event) => this._renderTabs(event.views, event.activeView));
    this._modeler.on('viewer.created', ({ viewer }) => {
      viewer.get('eventBus').on('commandStack.changed', (event) => {
        if (event.trigger !== 'clear') {
          this.dispatchEvent(new CustomEvent('editor-changed', { detail: {} }));
        }
      });
    });
    this._imported = null;
    this._import();
  }

  async _rebuild() {
    const xml = this._imported !== null ? await this.save().catch(() => this._xml) : this._xml;
    this._modeler.destroy();
    this._container.replaceChildren();
    this._tabs.replaceChildren();
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
        await this._modeler.importXML(xml, { open: false });
        const views = this._modeler.getViews();
        await this._modeler.open(views.find((view) => view.type === 'decisionTable') || views[0]);
        this.removeAttribute('failed');
      } catch (error) {
        this.setAttribute('failed', '');
        this.dispatchEvent(new CustomEvent('editor-failed', { detail: { message: String(error.message || error) } }));
      }
    });
    return this._importing;
  }

  // decision tables (and other decision views) by the decision's name, the requirements diagram last
  _renderTabs(views, activeView) {
    const ordered = views.filter((view) => view.type !== 'drd').concat(views.filter((view) => view.type === 'drd'));
    this._tabs.replaceChildren(...ordered.map((view) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'bf-dmn-tab';
      tab.setAttribute('role', 'tab');
      const active = !!activeView && activeView.element === view.element;
      tab.setAttribute('aria-selected', String(active));
      tab.textContent = view.type === 'drd'
        ? this._translate('Decision requirements diagram')
        : (view.element.name || view.element.id);
      tab.addEventListener('click', () => {
        this._importing = this._importing.then(() => this._modeler.open(view)).catch((error) => {
          this.dispatchEvent(new CustomEvent('editor-failed', { detail: { message: String(error.message || error) } }));
        });
      });
      return tab;
    }));
  }
}

customElements.define('bangfu-dmn-editor', BangfuDmnEditor);
