package io.accord.clock.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kind of system a source is: it decides the webhook's payload format and signature scheme. */
public enum Provider {
    ZENDESK, JIRA, FRESHDESK, HUBSPOT, GENERIC;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code zendesk}, {@code jira}...; anything else is refused (a 400 with the field). */
    @JsonCreator
    public static Provider of(String id) {
        for (Provider p : values()) {
            if (p.id().equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + id + "': zendesk, jira, freshdesk, hubspot or generic");
    }
}
