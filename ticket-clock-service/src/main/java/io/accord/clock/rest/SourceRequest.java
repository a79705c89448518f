package io.accord.clock.rest;

import io.accord.clock.domain.Provider;
import io.accord.model.agreement.NormalizedStatus;
import io.accord.model.agreement.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A source as an administrator writes it. Maps left out take the provider's defaults; a map given replaces the
 * default one whole. {@code secretRef} defaults to the id.
 */
@Schema(description = "A source of work items and its mapping", example = """
        {"id": "zendesk-eu", "provider": "zendesk", "name": "Zendesk, EU desk", "secretRef": "zendesk-eu",
         "statuses": {"new": "NEW", "open": "OPEN", "pending": "PENDING_CUSTOMER", "hold": "ON_HOLD",
                      "solved": "RESOLVED", "closed": "CLOSED"},
         "priorities": {"urgent": "P1", "high": "P2", "normal": "P3", "low": "P4"},
         "fields": {"customer": "detail.organization_id", "service": "detail.brand_id"}}""")
public record SourceRequest(
        @Size(max = 100) @Pattern(regexp = SourceRequest.ID, message = SourceRequest.ID_MESSAGE) String id,
        @NotNull Provider provider,
        @Size(max = 200) String name,
        @Size(max = 100) @Pattern(regexp = SourceRequest.ID, message = SourceRequest.ID_MESSAGE) String secretRef,
        @Size(max = 50) String itemType,
        Map<@NotBlank @Size(max = 100) String, @NotNull NormalizedStatus> statuses,
        Map<@NotBlank @Size(max = 100) String, @NotNull Priority> priorities,
        Map<@NotBlank String, @NotBlank @Size(max = 500) String> fields) {

    /** Lower-case words joined by dashes: the id is a URL segment and the secret reference an env var suffix. */
    public static final String ID = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String ID_MESSAGE = "must be lower-case letters and digits joined by single dashes, e.g. zendesk-eu";
}
