package io.accord.clock.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.model.agreement.NormalizedStatus;
import io.accord.model.agreement.Priority;
import java.time.Instant;
import java.util.Map;

/**
 * A source as the API shows it: its mapping, the reference of its webhook secret and whether that secret is
 * configured (never the secret), and the URL its provider posts to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(String id, String provider, String name, String secretRef, boolean secretConfigured,
        String secretEnvironmentVariable, String webhookUrl, String itemType, Map<String, NormalizedStatus> statuses,
        Map<String, Priority> priorities, Map<String, String> fields, Instant createdAt, Instant updatedAt) {
}
