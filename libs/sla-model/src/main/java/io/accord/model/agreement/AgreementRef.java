package io.accord.model.agreement;

import java.util.UUID;

/** One version of one agreement, e.g. the agreements a calendar change affects. */
public record AgreementRef(UUID agreementId, int version) {
}
