/**
 * Business time for SLAs: {@link io.accord.time.BusinessCalendar} models when a business is open in a time
 * zone (weekly hours, holidays, special hours) and computes due dates and elapsed business time exactly across
 * DST changes; {@link io.accord.time.ICalendarHolidays} imports holidays from iCalendar files.
 */
package io.accord.time;
