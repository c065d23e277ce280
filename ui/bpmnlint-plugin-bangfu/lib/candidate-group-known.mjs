import { camundaAttribute, is } from './util.mjs';

// Every user task says who works on it: candidate groups (or an assignee expression). Each candidate group is one
// of the groups Bangfu knows, compared literally after trimming; config { groups: ['district', 'street-${streetId}',
// ...] }. Without the groups option only the presence is checked.

export const MISSING_MESSAGE = 'User task must have candidate groups or an assignee';
export const UNKNOWN_MESSAGE = 'Candidate group is not one of the known groups';

export default function candidateGroupKnown(config = {}) {

  const known = Array.isArray(config.groups) ? config.groups.map((group) => String(group).trim()) : null;

  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const groups = splitGroups(camundaAttribute(node, 'candidateGroups'));
    if (!groups.length) {
      if (!camundaAttribute(node, 'assignee')) {
        reporter.report(node.id, MISSING_MESSAGE, ['candidateGroups']);
      }
      return;
    }
    if (!known) {
      return;
    }
    groups.filter((group) => !known.includes(group)).forEach((group) => {
      reporter.report(node.id, UNKNOWN_MESSAGE, { path: ['candidateGroups'], group });
    });
  }

  return { check };
}

// "a, street-${streetId}" -> ['a', 'street-${streetId}']; commas inside ${...} do not separate
function splitGroups(value) {
  if (!value) {
    return [];
  }
  const groups = [];
  let depth = 0;
  let current = '';
  for (const c of String(value)) {
    if (c === ',' && depth === 0) {
      groups.push(current);
      current = '';
      continue;
    }
    if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
    }
    current += c;
  }
  groups.push(current);
  return groups.map((group) => group.trim()).filter(Boolean);
}
