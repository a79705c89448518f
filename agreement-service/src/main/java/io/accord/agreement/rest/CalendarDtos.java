package io.accord.agreement.rest;

import io.accord.model.agreement.AgreementRef;
import io.accord.time.json.CalendarSpec;
import io.accord.time.json.ExceptionSpec;
import io.accord.time.json.HolidaySpec;
import io.accord.time.json.HoursSpec;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer bodies of {@code /api/calendars}: the libs/business-time JSON shape plus an id and a name. */
public final class CalendarDtos {

    private CalendarDtos() {
    }

    @Schema(description = "A business calendar in the libs/business-time JSON shape. `id` is chosen on creation and"
            + " is what objectives refer to. On a change, `effectiveFrom` (default now) is when the new definition applies.",
            example = """
                    {"id": "office-hours-paris", "name": "Paris office hours", "zone": "Europe/Paris",
                     "weeklyHours": {"MONDAY": ["09:00-18:00"], "TUESDAY": ["09:00-18:00"], "WEDNESDAY": ["09:00-18:00"],
                                     "THURSDAY": ["09:00-18:00"], "FRIDAY": ["09:00-18:00"]},
                     "holidays": [{"month": 5, "day": 1, "name": "Fête du Travail"}],
                     "exceptions": [{"date": "2026-12-24", "hours": ["09:00-12:00"]}]}""")
    public record CalendarRequest(
            @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{0,63}$", message = "must be lower-case letters, digits, '.', '_' or '-' (at most 64)") String id,
            @NotBlank @Size(max = 200) String name,
            String zone,
            Map<DayOfWeek, List<HoursSpec>> weeklyHours,
            List<HolidaySpec> holidays,
            List<ExceptionSpec> exceptions,
            Instant effectiveFrom) {

        CalendarSpec spec() {
            return new CalendarSpec(zone, weeklyHours, holidays, exceptions);
        }
    }

    @Schema(description = "A business calendar and the agreements whose latest version uses it")
    public record CalendarView(String id, String name, String zone, Map<DayOfWeek, List<HoursSpec>> weeklyHours,
            List<HolidaySpec> holidays, List<ExceptionSpec> exceptions, Instant effectiveFrom,
            List<AgreementRef> usedBy, Instant createdAt, Instant updatedAt) {
    }

    @Schema(description = "When is a business duration from `from` reached?", example = """
            {"from": "2026-03-27T16:30:00Z", "duration": "PT4H"}""")
    public record DueRequest(@NotNull Instant from, @NotNull Duration duration) {
    }

    public record DueResponse(Instant due) {
    }

    @Schema(description = "How much business time lies in [from, to)?", example = """
            {"from": "2026-03-27T16:30:00Z", "to": "2026-03-30T10:00:00Z"}""")
    public record ElapsedRequest(@NotNull Instant from, @NotNull Instant to) {
    }

    public record ElapsedResponse(Duration businessDuration) {
    }
}
