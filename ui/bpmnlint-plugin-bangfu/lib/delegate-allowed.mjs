import { camundaAttribute, extensionContent, is, isAny, typeName } from './util.mjs';

// Code runs only through Bangfu's delegate beans: a service or send task (a business rule task without a decision,
// a message end or throw event with an implementation) uses camunda:delegateExpression="${beanName}", the bean one
// of config { delegates: [...] }. Java classes, expressions, external tasks and connectors are refused, and so are
// scripts anywhere (script tasks, script listeners, script mappings): the deployment gate refuses them.
// Without the delegates option only the form ${beanName} is checked.

export const SCRIPT_TASK_MESSAGE = 'Script tasks are not allowed';
export const SCRIPT_MESSAGE = 'Scripts are not allowed';
export const CLASS_MESSAGE = 'Java classes are not allowed; use a delegate expression';
export const EXPRESSION_MESSAGE = 'Expressions are not allowed here; use a delegate expression';
export const CONNECTOR_MESSAGE = 'Connectors are not allowed; use a delegate expression';
export const EXTERNAL_MESSAGE = 'External tasks are not allowed; use a delegate expression';
export const MISSING_MESSAGE = 'Service task must use a delegate expression';
export const FORM_MESSAGE = 'Delegate expression must have the form ${beanName}';
export const UNKNOWN_MESSAGE = 'Delegate bean is not one of the known delegates';

const BEAN = /^\$\{\s*([A-Za-z_$][A-Za-z0-9_$]*)\s*\}$/;

export default function delegateAllowed(config = {}) {

  const known = Array.isArray(config.delegates) ? config.delegates.map((bean) => String(bean).trim()) : null;

  function check(node, reporter) {
    if (!is(node, 'bpmn:FlowElement')) {
      return;
    }
    if (is(node, 'bpmn:ScriptTask')) {
      reporter.report(node.id, SCRIPT_TASK_MESSAGE);
    }
    checkExtensions(node, reporter);
    const implementor = implementingElement(node);
    if (implementor) {
      checkImplementation(node, implementor, reporter);
    }
  }

  // listeners and mappings: no scripts, no classes
  function checkExtensions(node, reporter) {
    const owners = [node].concat(node.eventDefinitions || []);
    const content = owners.flatMap(extensionContent);
    if (content.some((element) => typeName(element) === 'camunda:script')) {
      reporter.report(node.id, SCRIPT_MESSAGE);
    }
    if (content.some((element) => isListener(element) && element.get('class'))) {
      reporter.report(node.id, CLASS_MESSAGE, ['extensionElements']);
    }
  }

  function checkImplementation(node, implementor, reporter) {
    if (camundaAttribute(implementor, 'class')) {
      reporter.report(node.id, CLASS_MESSAGE, ['class']);
      return;
    }
    if (camundaAttribute(implementor, 'expression')) {
      reporter.report(node.id, EXPRESSION_MESSAGE, ['expression']);
      return;
    }
    if (extensionContent(implementor).some((element) => typeName(element) === 'camunda:connector')) {
      reporter.report(node.id, CONNECTOR_MESSAGE, ['extensionElements']);
      return;
    }
    if (camundaAttribute(implementor, 'type') === 'external' || camundaAttribute(implementor, 'topic')) {
      reporter.report(node.id, EXTERNAL_MESSAGE, ['type']);
      return;
    }
    const delegate = camundaAttribute(implementor, 'delegateExpression');
    if (!delegate) {
      if (isAny(node, ['bpmn:ServiceTask', 'bpmn:SendTask'])) {
        reporter.report(node.id, MISSING_MESSAGE, ['delegateExpression']);
      }
      return;
    }
    const bean = BEAN.exec(delegate);
    if (!bean) {
      reporter.report(node.id, FORM_MESSAGE, ['delegateExpression']);
    } else if (known && !known.includes(bean[1])) {
      reporter.report(node.id, UNKNOWN_MESSAGE, { path: ['delegateExpression'], bean: bean[1] });
    }
  }

  return { check };
}

// the element carrying the implementation: the task itself, or a message throw event's event definition
function implementingElement(node) {
  if (isAny(node, ['bpmn:ServiceTask', 'bpmn:SendTask'])) {
    return node;
  }
  if (is(node, 'bpmn:BusinessRuleTask')) {
    return camundaAttribute(node, 'decisionRef') ? null : node;
  }
  if (isAny(node, ['bpmn:EndEvent', 'bpmn:IntermediateThrowEvent'])) {
    const message = (node.eventDefinitions || []).find((definition) => is(definition, 'bpmn:MessageEventDefinition'));
    return message && hasImplementation(message) ? message : null;
  }
  return null;
}

function hasImplementation(element) {
  return ['class', 'expression', 'delegateExpression', 'type', 'topic'].some((name) => camundaAttribute(element, name))
    || extensionContent(element).some((child) => typeName(child) === 'camunda:connector');
}

function isListener(element) {
  return ['camunda:executionlistener', 'camunda:tasklistener'].includes(typeName(element));
}
