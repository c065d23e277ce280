import { camundaAttribute, is } from './util.mjs';

// The engine refuses to deploy an executable process without camunda:historyTimeToLive.

export const MESSAGE = 'Executable process must have a history time to live';

export default function historyTimeToLive() {

  function check(node, reporter) {
    if (is(node, 'bpmn:Process') && node.isExecutable && !camundaAttribute(node, 'historyTimeToLive')) {
      reporter.report(node.id, MESSAGE, ['historyTimeToLive']);
    }
  }

  return { check };
}
