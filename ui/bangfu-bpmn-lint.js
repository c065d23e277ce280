// The lint configuration of <bangfu-bpmn-editor>: bpmnlint's recommended rules and Bangfu's own
// (bpmnlint-plugin-bangfu), resolved from modules bundled with the editor, as bpmnlint's config compilers
// (bpmnlint-loader, rollup-plugin-bpmnlint) would generate it.
import recommended from 'bpmnlint/config/recommended';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import globalElements from 'bpmnlint/rules/global';
import labelRequired from 'bpmnlint/rules/label-required';
import linkEvent from 'bpmnlint/rules/link-event';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import superfluousLabel from 'bpmnlint/rules/superfluous-label';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';
import { recommended as bangfuRecommended, rules as bangfuRules } from './bpmnlint-plugin-bangfu/lib/index.mjs';

const RECOMMENDED_RULES = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  'global': globalElements,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

const cache = {
  'config:bpmnlint/recommended': recommended,
  'config:bpmnlint-plugin-bangfu/recommended': bangfuRecommended,
};
Object.entries(RECOMMENDED_RULES).forEach(([name, rule]) => { cache['rule:bpmnlint/' + name] = rule; });
Object.entries(bangfuRules).forEach(([name, rule]) => { cache['rule:bpmnlint-plugin-bangfu/' + name] = rule; });

function resolve(type, pkg, name) {
  const resolved = cache[type + ':' + pkg + '/' + name];
  if (!resolved) {
    throw new Error('unknown ' + type + ' <' + pkg + '/' + name + '>');
  }
  return resolved;
}

const resolver = {
  resolveRule: (pkg, ruleName) => resolve('rule', pkg, ruleName),
  resolveConfig: (pkg, configName) => resolve('config', pkg, configName),
};

/**
 * The linter config for bpmn-js-bpmnlint ({ config, resolver }) from the server's settings: the known candidate
 * groups (patterns like "street-${streetId}") and delegate bean names. A list left out is not checked.
 */
export function bangfuLinting(settings = {}) {
  const groups = Array.isArray(settings.groups) ? { groups: settings.groups } : {};
  const delegates = Array.isArray(settings.delegates) ? { delegates: settings.delegates } : {};
  return {
    resolver,
    config: {
      extends: ['bpmnlint:recommended', 'plugin:bangfu/recommended'],
      rules: {
        // Bangfu's names-required says the same, for more elements: one message per unnamed element
        'label-required': 'off',
        'bangfu/candidate-group-known': ['error', groups],
        'bangfu/delegate-allowed': ['error', delegates],
      },
    },
  };
}
