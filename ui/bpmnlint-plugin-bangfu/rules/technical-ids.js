// The rule for the bpmnlint CLI, which loads rules with require(); written once as an ES module for the browser.
module.exports = require('../lib/technical-ids.mjs').default;
