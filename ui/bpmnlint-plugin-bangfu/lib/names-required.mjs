import { is } from './util.mjs';

// Every step the administrator and the case workers see has a name (Chinese is fine): the process and every flow
// node. Exempt: sequence flows, and gateways that only join (they ask nothing; as bpmnlint's label-required has it,
// and as Bangfu's server-side rules do).

export const PROCESS_MESSAGE = 'Process must have a name';
export const ELEMENT_MESSAGE = 'Element must have a name';

export default function namesRequired() {

  function check(node, reporter) {
    if (is(node, 'bpmn:Process')) {
      if (!hasName(node)) {
        reporter.report(node.id, PROCESS_MESSAGE, ['name']);
      }
      return;
    }
    if (!is(node, 'bpmn:FlowNode') || hasName(node) || isJoinOnly(node)) {
      return;
    }
    reporter.report(node.id, ELEMENT_MESSAGE, ['name']);
  }

  return { check };
}

function hasName(node) {
  return (node.name || '').trim().length > 0;
}

// counted from the sequence flows of the container: files written by hand often lack <incoming>/<outgoing>
function isJoinOnly(node) {
  if (!is(node, 'bpmn:Gateway')) {
    return false;
  }
  const flows = (node.$parent && node.$parent.flowElements || []).filter((e) => is(e, 'bpmn:SequenceFlow'));
  return flows.filter((flow) => flow.sourceRef === node).length <= 1;
}
