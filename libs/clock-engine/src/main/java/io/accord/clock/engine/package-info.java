/**
 * The SLA clock engine: every clock of a work item as a pure function of the item's history,
 * the objectives in force over time and their business calendars. No I/O, no framework.
 */
package io.accord.clock.engine;
