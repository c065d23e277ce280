// The rules against bpmnlint's own rule tester (valid and invalid cases), run by node's test runner, and the
// shipped process files against all of Bangfu's rules. Run: npm install && npm test
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

// bpmnlint's rule tester is written for mocha's globals
Object.assign(globalThis, { describe: test.describe, it: test.it, beforeEach: test.beforeEach });

const { verify } = require('bpmnlint/lib/testers/rule-tester');
const { createModdle } = require('bpmnlint/lib/testers/helper');
const Linter = require('bpmnlint/lib/linter');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { createScopedRequire } = require('bpmnlint/lib/resolver/helper');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

const GROUPS = ['district', 'street-${streetId}', 'team-${teamId}', 'team-${teamId}-leaders', '${recheckGroup}'];

// a process around the given flow elements, read with the camunda extension (as in the editor) or without (as the
// CLI does without moddleExtensions)
function processXml(content, processAttributes = 'id="ReviewProcess" name="复核" isExecutable="true" camunda:historyTimeToLive="P30D"') {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Test" targetNamespace="http://bangfu.org/test">
  <bpmn:process ${processAttributes}>${content}</bpmn:process>
</bpmn:definitions>`;
}

function typed(content, processAttributes) {
  return createModdle(processXml(content, processAttributes), { camunda });
}

function plain(content, processAttributes) {
  return createModdle(processXml(content, processAttributes));
}

verify('technical-ids', require('../rules/technical-ids'), {
  valid: [
    { moddleElement: typed(`
      <bpmn:startEvent id="StartEvent_HouseholdNominated" name="提名"/>
      <bpmn:sequenceFlow id="SequenceFlow_ToHomeCheck" sourceRef="StartEvent_HouseholdNominated" targetRef="Task_HomeCheck"/>
      <bpmn:userTask id="Task_HomeCheck" name="入户核查"/>
      <bpmn:businessRuleTask id="BusinessRuleTask_ReviewFrequency" name="复核频率"/>
      <bpmn:exclusiveGateway id="Gateway_HomeCheckPassed" name="通过？"/>
      <bpmn:intermediateCatchEvent id="TimerEvent_ReviewDue" name="到期"><bpmn:timerEventDefinition id="TimerEventDefinition_0ab12cd"/></bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="CatchEvent_PaymentSettled" name="到账"/>
      <bpmn:intermediateThrowEvent id="IntermediateThrowEvent_NoticePosted" name="公示"/>
      <bpmn:boundaryEvent id="BoundaryEvent_ObjectionRaised" name="异议" attachedToRef="Task_HomeCheck"/>
      <bpmn:callActivity id="CallActivity_FirstNotice" name="公示"/>
      <bpmn:subProcess id="SubProcess_Notice" name="公示"/>
      <bpmn:endEvent id="EndEvent_HouseholdFiled" name="备案"/>`) },
  ],
  invalid: [
    { name: 'generated ids', moddleElement: typed(`
      <bpmn:userTask id="Activity_0abc123" name="a"/>
      <bpmn:exclusiveGateway id="Gateway_0x1y2z3" name="b"/>
      <bpmn:sequenceFlow id="Flow_0ab" sourceRef="Activity_0abc123" targetRef="Gateway_0x1y2z3"/>
      <bpmn:startEvent id="Event_1xyz"/>`),
    report: [
      { id: 'Activity_0abc123', message: 'Task id must look like Task_FirstReview', path: ['id'] },
      { id: 'Gateway_0x1y2z3', message: 'Gateway id must look like Gateway_ReviewPassed', path: ['id'] },
      { id: 'Flow_0ab', message: 'Sequence flow id must look like SequenceFlow_ReviewPassedNo', path: ['id'] },
      { id: 'Event_1xyz', message: 'Start event id must look like StartEvent_HouseholdNominated', path: ['id'] },
    ] },
    { name: 'process id', moddleElement: plain('', 'id="Process_1" isExecutable="true"'),
      report: { id: 'Process_1', message: 'Process id must be UpperCamelCase and end in "Process", like AssistancePairingProcess', path: ['id'] } },
    { name: 'wrong prefix, hyphen, lower camel case', moddleElement: plain(`
      <bpmn:serviceTask id="Gateway_Compare" name="a"/><bpmn:userTask id="Task_Home-Check" name="b"/><bpmn:userTask id="Task_homeCheck" name="c"/>`),
    report: [
      { id: 'Gateway_Compare', message: 'Task id must look like Task_FirstReview', path: ['id'] },
      { id: 'Task_Home-Check', message: 'Task id must look like Task_FirstReview', path: ['id'] },
      { id: 'Task_homeCheck', message: 'Task id must look like Task_FirstReview', path: ['id'] },
    ] },
  ],
});

verify('names-required', require('../rules/names-required'), {
  valid: [
    { moddleElement: typed(`
      <bpmn:startEvent id="StartEvent_A" name="开始"/>
      <bpmn:parallelGateway id="Gateway_Join"/>
      <bpmn:sequenceFlow id="SequenceFlow_A" sourceRef="StartEvent_A" targetRef="Gateway_Join"/>
      <bpmn:sequenceFlow id="SequenceFlow_B" sourceRef="StartEvent_A" targetRef="Gateway_Join"/>
      <bpmn:sequenceFlow id="SequenceFlow_C" sourceRef="Gateway_Join" targetRef="Gateway_JoinAgain"/>
      <bpmn:exclusiveGateway id="Gateway_JoinAgain"/>
      <bpmn:sequenceFlow id="SequenceFlow_D" sourceRef="Gateway_JoinAgain" targetRef="EndEvent_A"/>
      <bpmn:endEvent id="EndEvent_A" name="结束"/>`) },
  ],
  invalid: [
    { name: 'unnamed task and fork', moddleElement: typed(`
      <bpmn:userTask id="Task_A" name="  "/>
      <bpmn:parallelGateway id="Gateway_Fork"/>
      <bpmn:sequenceFlow id="SequenceFlow_A" sourceRef="Gateway_Fork" targetRef="Task_A"/>
      <bpmn:sequenceFlow id="SequenceFlow_B" sourceRef="Gateway_Fork" targetRef="Task_A"/>`),
    report: [
      { id: 'Task_A', message: 'Element must have a name', path: ['name'] },
      { id: 'Gateway_Fork', message: 'Element must have a name', path: ['name'] },
    ] },
    { name: 'unnamed process', moddleElement: plain('', 'id="ReviewProcess" isExecutable="true"'),
      report: { id: 'ReviewProcess', message: 'Process must have a name', path: ['name'] } },
  ],
});

verify('history-time-to-live', require('../rules/history-time-to-live'), {
  valid: [
    { moddleElement: typed('') },
    { name: 'without the camunda extension', moddleElement: plain('') },
    { name: 'not executable', moddleElement: plain('', 'id="ReviewProcess" name="a" isExecutable="false"') },
  ],
  invalid: [
    { moddleElement: typed('', 'id="ReviewProcess" name="a" isExecutable="true"'),
      report: { id: 'ReviewProcess', message: 'Executable process must have a history time to live', path: ['historyTimeToLive'] } },
  ],
});

verify('candidate-group-known', require('../rules/candidate-group-known'), {
  valid: [
    { config: { groups: GROUPS }, moddleElement: typed(`
      <bpmn:userTask id="Task_A" name="a" camunda:candidateGroups=" street-\${streetId} "/>
      <bpmn:userTask id="Task_B" name="b" camunda:candidateGroups="district, team-\${teamId}-leaders"/>
      <bpmn:userTask id="Task_C" name="c" camunda:assignee="\${initiator}"/>`) },
    { name: 'any group without the groups option', moddleElement: plain(`
      <bpmn:userTask id="Task_A" name="a" camunda:candidateGroups="whoever"/>`) },
  ],
  invalid: [
    { name: 'no candidates', config: { groups: GROUPS }, moddleElement: plain('<bpmn:userTask id="Task_A" name="a"/>'),
      report: { id: 'Task_A', message: 'User task must have candidate groups or an assignee', path: ['candidateGroups'] } },
    { name: 'unknown group', config: { groups: GROUPS }, moddleElement: typed(`
      <bpmn:userTask id="Task_A" name="a" camunda:candidateGroups="district,admins"/>`),
    report: { id: 'Task_A', message: 'Candidate group is not one of the known groups', path: ['candidateGroups'], group: 'admins' } },
  ],
});

verify('delegate-allowed', require('../rules/delegate-allowed'), {
  valid: [
    { config: { delegates: ['compareHouseholdDelegate'] }, moddleElement: typed(`
      <bpmn:serviceTask id="Task_A" name="a" camunda:delegateExpression="\${compareHouseholdDelegate}">
        <bpmn:extensionElements>
          <camunda:executionListener event="start" expression="\${householdStages.enter(execution, 'A')}"/>
        </bpmn:extensionElements>
      </bpmn:serviceTask>
      <bpmn:businessRuleTask id="BusinessRuleTask_B" name="b" camunda:decisionRef="TeamAssignmentDecision"/>
      <bpmn:endEvent id="EndEvent_C" name="c"><bpmn:messageEventDefinition id="MessageEventDefinition_C"/></bpmn:endEvent>`) },
    { name: 'any bean without the delegates option', moddleElement: plain(`
      <bpmn:sendTask id="Task_A" name="a" camunda:delegateExpression="\${anyDelegate}"/>`) },
  ],
  invalid: [
    { name: 'script task', moddleElement: typed('<bpmn:scriptTask id="Task_A" name="a" scriptFormat="groovy"/>'),
      report: { id: 'Task_A', message: 'Script tasks are not allowed' } },
    { name: 'class, expression, missing, unknown bean, wrong form', config: { delegates: ['fileHouseholdDelegate'] },
      moddleElement: typed(`
      <bpmn:serviceTask id="Task_A" name="a" camunda:class="org.example.Hack"/>
      <bpmn:serviceTask id="Task_B" name="b" camunda:expression="\${bean.run()}"/>
      <bpmn:serviceTask id="Task_C" name="c"/>
      <bpmn:serviceTask id="Task_D" name="d" camunda:delegateExpression="\${otherDelegate}"/>
      <bpmn:serviceTask id="Task_E" name="e" camunda:delegateExpression="\${bean.method()}"/>
      <bpmn:serviceTask id="Task_F" name="f" camunda:type="external" camunda:topic="x"/>`),
      report: [
        { id: 'Task_A', message: 'Java classes are not allowed; use a delegate expression', path: ['class'] },
        { id: 'Task_B', message: 'Expressions are not allowed here; use a delegate expression', path: ['expression'] },
        { id: 'Task_C', message: 'Service task must use a delegate expression', path: ['delegateExpression'] },
        { id: 'Task_D', message: 'Delegate bean is not one of the known delegates', path: ['delegateExpression'], bean: 'otherDelegate' },
        { id: 'Task_E', message: 'Delegate expression must have the form ${beanName}', path: ['delegateExpression'] },
        { id: 'Task_F', message: 'External tasks are not allowed; use a delegate expression', path: ['type'] },
      ] },
    { name: 'connector, script listener, class listener, message end event with a class', moddleElement: plain(`
      <bpmn:serviceTask id="Task_A" name="a">
        <bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements>
      </bpmn:serviceTask>
      <bpmn:userTask id="Task_B" name="b">
        <bpmn:extensionElements>
          <camunda:taskListener event="create"><camunda:script scriptFormat="groovy">task.delete()</camunda:script></camunda:taskListener>
          <camunda:executionListener event="start" class="org.example.Listener"/>
        </bpmn:extensionElements>
      </bpmn:userTask>
      <bpmn:endEvent id="EndEvent_C" name="c"><bpmn:messageEventDefinition id="MessageEventDefinition_C" camunda:class="org.example.Send"/></bpmn:endEvent>`),
    report: [
      { id: 'Task_A', message: 'Connectors are not allowed; use a delegate expression', path: ['extensionElements'] },
      { id: 'Task_B', message: 'Scripts are not allowed' },
      { id: 'Task_B', message: 'Java classes are not allowed; use a delegate expression', path: ['extensionElements'] },
      { id: 'EndEvent_C', message: 'Java classes are not allowed; use a delegate expression', path: ['class'] },
    ] },
  ],
});

// the processes Bangfu ships pass every Bangfu rule, read as the editor reads them and as the CLI does
test.describe('shipped processes', () => {
  const dir = path.join(__dirname, '..', '..', '..', 'processes');
  const files = fs.readdirSync(dir).filter((file) => file.endsWith('.bpmn'));
  const delegates = [];
  for (const file of files) {
    const xml = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const match of xml.matchAll(/delegateExpression="\$\{(\w+)\}"/g)) {
      delegates.push(match[1]);
    }
  }
  const config = {
    extends: 'plugin:bangfu/recommended',
    rules: {
      'bangfu/candidate-group-known': ['error', { groups: GROUPS }],
      'bangfu/delegate-allowed': ['error', { delegates }],
    },
  };
  const linter = new Linter({
    config,
    // as the CLI resolves plugin:bangfu/... from inside this package
    resolver: new NodeResolver({ require: createScopedRequire(path.join(__dirname, '..')) }),
  });

  for (const file of files) {
    for (const [variant, extensions] of [['with', { camunda }], ['without', {}]]) {
      test.it(`${file} passes ${variant} the camunda extension`, async () => {
        const { root } = await createModdle(fs.readFileSync(path.join(dir, file), 'utf8'), extensions);
        assert.deepStrictEqual(await linter.lint(root), {});
      });
    }
  }
});
