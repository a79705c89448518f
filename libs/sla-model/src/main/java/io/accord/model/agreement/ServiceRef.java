package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.UUID;

/**
 * A service of the catalogue that an agreement covers. Items name their service by {@code code}
 * (e.g. {@code web-hosting}), which is stable and unique in the catalogue.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceRef(UUID serviceId, String code, String name) {

    public ServiceRef {
        Objects.requireNonNull(code, "code");
    }
}
