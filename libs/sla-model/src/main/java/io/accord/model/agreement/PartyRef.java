package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A party of an agreement as it travels with the agreement: enough to match an item without asking
 * agreement-service (its id and the references source systems use for it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartyRef(UUID partyId, PartyKind kind, String name, List<ExternalRef> externalRefs) {

    public PartyRef {
        Objects.requireNonNull(partyId, "partyId");
        externalRefs = externalRefs == null ? List.of() : List.copyOf(externalRefs);
    }

    /** True when {@code ref} is one of this party's external references. */
    public boolean isKnownAs(ExternalRef ref) {
        return ref != null && externalRefs.contains(ref);
    }
}
