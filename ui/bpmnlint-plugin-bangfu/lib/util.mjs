// Helpers shared by Bangfu's lint rules. No dependencies: the rules run in the browser (bundled by Vite next to
// bpmn-js) and in node (the bpmnlint CLI), with or without the camunda moddle extension.

export function is(node, type) {
  return !!node && typeof node.$instanceOf === 'function' && node.$instanceOf(type);
}

export function isAny(node, types) {
  return types.some((type) => is(node, type));
}

// a camunda attribute of a BPMN element: a typed property with the camunda extension, a plain attribute without
export function camundaAttribute(node, name) {
  const value = node.get('camunda:' + name);
  return typeof value === 'string' ? value.trim() : value;
}

// the type of an extension element in lower case: 'camunda:connector' whether typed or generic
export function typeName(element) {
  return String(element.$type || '').toLowerCase();
}

// every element nested in the node's extension elements (listeners, their scripts, input/output mappings,
// connectors), typed or generic
export function extensionContent(node) {
  const found = [];
  const visit = (value) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object' && value.$type) {
      found.push(value);
      Object.keys(value).filter((key) => key === '$children' || !key.startsWith('$')).forEach((key) => visit(value[key]));
    }
  };
  if (node.extensionElements) {
    visit(node.extensionElements.values || []);
  }
  return found;
}
