/**
 * Working days and holidays: the calendar every deadline is counted on, and its reminders.
 */
@ApplicationModule(allowedDependencies = { "audit", "organisation", "shared", "shell" })
package org.bangfu.calendar;

import org.springframework.modulith.ApplicationModule;
