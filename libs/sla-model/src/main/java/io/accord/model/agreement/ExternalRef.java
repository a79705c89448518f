package io.accord.model.agreement;

import java.util.Objects;

/**
 * How a source system names a party: {@code {"source": "zendesk-eu", "id": "org-4711"}}. {@code source} is a
 * configured source id; an incoming item's customer, team or supplier field is matched against these.
 */
public record ExternalRef(String source, String id) {

    public ExternalRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
    }

    public static ExternalRef of(String source, String id) {
        return new ExternalRef(source, id);
    }
}
