package io.accord.model.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.model.agreement.AgreementRef;
import io.accord.time.json.CalendarSpec;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The {@code data} of {@code calendar.changed}: a business calendar's new definition, from when it applies, and
 * the agreement versions that use it (consumers recompute those agreements' clocks from {@code effectiveFrom}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CalendarChanged(String calendarId, String name, CalendarSpec calendar, Instant effectiveFrom,
        List<AgreementRef> agreements) {

    public CalendarChanged {
        Objects.requireNonNull(calendarId, "calendarId");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
    }
}
