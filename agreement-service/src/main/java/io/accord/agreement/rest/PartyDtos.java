package io.accord.agreement.rest;

import io.accord.model.agreement.ExternalRef;
import io.accord.model.agreement.PartyKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer bodies of {@code /api/parties}. */
public final class PartyDtos {

    private PartyDtos() {
    }

    @Schema(description = "A party to create or replace. `id` may be given on creation (to import parties with their ids).",
            example = """
                    {"kind": "CUSTOMER", "name": "Brasserie Lumière",
                     "externalRefs": [{"source": "zendesk-eu", "id": "org-4711"}]}""")
    public record PartyRequest(
            UUID id,
            @NotNull PartyKind kind,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 50) List<@Valid @NotNull ExternalRefRequest> externalRefs) {
        public PartyRequest {
            externalRefs = externalRefs == null ? List.of() : externalRefs;
        }
    }

    @Schema(description = "How a source system (`zendesk-eu`, `hubspot-sales`) names the party")
    public record ExternalRefRequest(
            @NotBlank @Size(max = 100) String source,
            @NotBlank @Size(max = 200) String id) {
        ExternalRef toRef() {
            return ExternalRef.of(source, id);
        }
    }

    @Schema(description = "A party: a provider, an external customer, an internal department or a supplier")
    public record PartyView(UUID id, PartyKind kind, String name, List<ExternalRef> externalRefs, Instant createdAt,
            Instant updatedAt) {
    }
}
