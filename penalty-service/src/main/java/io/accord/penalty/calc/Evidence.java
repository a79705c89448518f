package io.accord.penalty.calc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/** What caused an amount: the clocks, incidents and measurements behind it, each by id. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Evidence(List<UUID> clockIds, List<UUID> incidentIds, List<UUID> measurementIds) {

    public static final Evidence NONE = new Evidence(List.of(), List.of(), List.of());

    public Evidence {
        clockIds = clockIds == null ? List.of() : List.copyOf(clockIds);
        incidentIds = incidentIds == null ? List.of() : List.copyOf(incidentIds);
        measurementIds = measurementIds == null ? List.of() : List.copyOf(measurementIds);
    }

    public static Evidence clocks(List<UUID> ids) {
        return new Evidence(ids, List.of(), List.of());
    }

    public static Evidence incidents(List<UUID> ids) {
        return new Evidence(List.of(), ids, List.of());
    }

    public static Evidence measurements(List<UUID> ids) {
        return new Evidence(List.of(), List.of(), ids);
    }
}
