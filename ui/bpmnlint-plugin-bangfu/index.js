// bpmnlint-plugin-bangfu: Bangfu's conventions for BPMN files as bpmnlint rules (rules/<name>.js). Use in a
// .bpmnlintrc: { "extends": ["bpmnlint:recommended", "plugin:bangfu/recommended"],
//   "rules": { "bangfu/candidate-group-known": ["error", { "groups": ["district", "street-${streetId}"] }] },
//   "moddleExtensions": { "camunda": "camunda-bpmn-moddle/resources/camunda.json" } }
// The rules read camunda attributes with and without the camunda moddle extension.
const names = ['technical-ids', 'names-required', 'history-time-to-live', 'candidate-group-known', 'delegate-allowed'];

module.exports = {
  configs: {
    recommended: {
      rules: Object.fromEntries(names.map((name) => [name, 'error'])),
    },
  },
};
