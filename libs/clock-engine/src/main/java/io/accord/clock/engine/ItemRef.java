package io.accord.clock.engine;

import java.util.Objects;

/**
 * A work item's identity: the configured source id ({@code zendesk-eu}) and the item's id there.
 *
 * @param source     configured source id
 * @param externalId the item's id in that source
 */
public record ItemRef(String source, String externalId) {
    public ItemRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalId, "externalId");
    }
}
