/**
 * The steps people work in every process: the contract a process module plugs its steps' forms into (the fields, the
 * input as typed, the checked outcome) and what a step is. The task list, the task page and the task service move
 * here from pairing next; pairing, funds and handbook each plug their steps in through {@link TaskForms}.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package org.bangfu.tasks;

import org.springframework.modulith.ApplicationModule;
