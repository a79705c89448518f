package io.accord.model.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code data} of every {@code agreement.*} event (activated, amended, suspended, resumed, renewed,
 * terminated, expired): the agreement version concerned, whole, with its calendars embedded, so a consumer acts
 * on it without calling agreement-service.
 *
 * @param agreement  the version after the change (for {@code amended}: the new version, which applies from its
 *                   {@code effectiveFrom}; for {@code terminated} and {@code expired}: {@code effectiveTo} is the end)
 * @param occurredAt when the change took effect
 * @param reason     why, when a person gave a reason (suspension, termination)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreementEvent(AgreementVersion agreement, Instant occurredAt, String reason) {

    public AgreementEvent {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
