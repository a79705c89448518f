package io.accord.model.clock;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.UUID;

/**
 * The work item a clock runs for, as consumers show it: its source and id there, its type, the customer party
 * (when the item's customer reference is known to an agreement), service code, site, and title and link when known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClockItem(String source, String externalId, String itemType, UUID customerPartyId, String service,
        String site, String title, String url) {

    public ClockItem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalId, "externalId");
    }
}
