import { is } from './util.mjs';

// Technical ids follow Camunda's naming (shared/CONVENTIONS.md): a prefix naming the kind of element, an underscore
// and an UpperCamelCase ASCII name: Task_FirstReview, Gateway_ReviewPassed, SequenceFlow_ReviewPassedNo. A process
// id is UpperCamelCase ending in "Process". Ids the modeler generates (Activity_0abc123, Flow_1xyz, Gateway_0x1y2z3)
// never pass: their name starts with a digit, or their prefix is not one of these.

const NAME = '[A-Z][A-Za-z0-9]*';

const PROCESS = new RegExp('^' + NAME + 'Process$');

const TYPED_EVENTS = ['MessageEvent', 'TimerEvent', 'SignalEvent', 'ErrorEvent', 'EscalationEvent',
  'ConditionalEvent', 'CompensationEvent', 'LinkEvent'];

const TASK_TYPES = ['UserTask', 'ServiceTask', 'SendTask', 'ReceiveTask', 'ScriptTask', 'ManualTask',
  'BusinessRuleTask'];

// the most specific type first; each with the prefixes it may use and the message when it uses none of them
const CONVENTIONS = [
  { type: 'bpmn:StartEvent', prefixes: ['StartEvent'],
    message: 'Start event id must look like StartEvent_HouseholdNominated' },
  { type: 'bpmn:EndEvent', prefixes: ['EndEvent'],
    message: 'End event id must look like EndEvent_HouseholdFiled' },
  { type: 'bpmn:BoundaryEvent', prefixes: ['BoundaryEvent', ...TYPED_EVENTS],
    message: 'Boundary event id must look like BoundaryEvent_ObjectionRaised' },
  { type: 'bpmn:IntermediateThrowEvent', prefixes: ['IntermediateEvent', 'IntermediateThrowEvent', 'ThrowEvent',
    ...TYPED_EVENTS], message: 'Intermediate event id must look like IntermediateThrowEvent_NoticePosted' },
  { type: 'bpmn:IntermediateCatchEvent', prefixes: ['IntermediateEvent', 'IntermediateCatchEvent', 'CatchEvent',
    ...TYPED_EVENTS], message: 'Intermediate event id must look like IntermediateCatchEvent_PaymentSettled' },
  { type: 'bpmn:Task', prefixes: ['Task'], typedPrefix: true,
    message: 'Task id must look like Task_FirstReview' },
  { type: 'bpmn:Gateway', prefixes: ['Gateway'],
    message: 'Gateway id must look like Gateway_ReviewPassed' },
  { type: 'bpmn:Transaction', prefixes: ['Transaction', 'SubProcess'],
    message: 'Sub-process id must look like SubProcess_Notice' },
  { type: 'bpmn:SubProcess', prefixes: ['SubProcess'],
    message: 'Sub-process id must look like SubProcess_Notice' },
  { type: 'bpmn:CallActivity', prefixes: ['CallActivity'],
    message: 'Call activity id must look like CallActivity_FirstNotice' },
  { type: 'bpmn:SequenceFlow', prefixes: ['SequenceFlow'],
    message: 'Sequence flow id must look like SequenceFlow_ReviewPassedNo' },
  { type: 'bpmn:Message', prefixes: ['Message'],
    message: 'Message id must look like Message_Objection' },
  { type: 'bpmn:Signal', prefixes: ['Signal'],
    message: 'Signal id must look like Signal_PeriodClosed' },
  { type: 'bpmn:Error', prefixes: ['Error'],
    message: 'Error id must look like Error_HouseholdNotFound' },
  { type: 'bpmn:Escalation', prefixes: ['Escalation'],
    message: 'Escalation id must look like Escalation_ReviewOverdue' },
];

export const PROCESS_MESSAGE = 'Process id must be UpperCamelCase and end in "Process", like AssistancePairingProcess';

export default function technicalIds() {

  function check(node, reporter) {
    if (is(node, 'bpmn:Process')) {
      if (!PROCESS.test(node.id || '')) {
        reporter.report(node.id, PROCESS_MESSAGE, ['id']);
      }
      return;
    }
    const convention = CONVENTIONS.find((c) => is(node, c.type));
    if (!convention) {
      return;
    }
    const prefixes = convention.typedPrefix ? convention.prefixes.concat(ownTaskType(node)) : convention.prefixes;
    const pattern = new RegExp('^(' + prefixes.join('|') + ')_' + NAME + '$');
    if (!pattern.test(node.id || '')) {
      reporter.report(node.id, convention.message, ['id']);
    }
  }

  return { check };
}

// a user task may also be called UserTask_X, a business rule task BusinessRuleTask_X
function ownTaskType(node) {
  return TASK_TYPES.filter((type) => is(node, 'bpmn:' + type));
}
