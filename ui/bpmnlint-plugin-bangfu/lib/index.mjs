// Bangfu's lint rules for the browser: the rule factories by name, and the plugin's recommended config.
import candidateGroupKnown from './candidate-group-known.mjs';
import delegateAllowed from './delegate-allowed.mjs';
import historyTimeToLive from './history-time-to-live.mjs';
import namesRequired from './names-required.mjs';
import technicalIds from './technical-ids.mjs';

export const rules = {
  'technical-ids': technicalIds,
  'names-required': namesRequired,
  'history-time-to-live': historyTimeToLive,
  'candidate-group-known': candidateGroupKnown,
  'delegate-allowed': delegateAllowed,
};

export const recommended = {
  rules: Object.fromEntries(Object.keys(rules).map((name) => [name, 'error'])),
};
