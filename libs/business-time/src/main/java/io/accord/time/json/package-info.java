/**
 * The JSON shape of business calendars: {@link io.accord.time.json.CalendarSpec} and its parts, plain records
 * for Jackson, converted to and from {@link io.accord.time.BusinessCalendar}.
 */
package io.accord.time.json;
