package io.accord.agreement.rest;

import io.accord.agreement.service.AgreementChecks;
import io.accord.model.agreement.AgreementStatus;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.Coverage;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer and action bodies of {@code /api/agreements}. */
public final class AgreementDtos {

    private AgreementDtos() {
    }

    @Schema(description = "An agreement: its lifecycle state, its current version as published in events, and the"
            + " consistency checks of that version (warnings that do not block saving).")
    public record AgreementView(
            UUID id,
            AgreementStatus status,
            int currentVersion,
            @Schema(description = "Approved and waiting for its effectiveFrom to become active") boolean activationScheduled,
            String statusReason,
            Instant createdAt,
            Instant updatedAt,
            AgreementVersion agreement,
            List<AgreementChecks.Check> checks) {
    }

    @Schema(description = "A reason, required to terminate, optional to suspend",
            example = "{\"reason\": \"Customer moved to another provider\"}")
    public record ReasonRequest(@Size(max = 2000) String reason) {
    }

    @Schema(description = "Why the agreement is terminated", example = "{\"reason\": \"Customer moved to another provider\"}")
    public record TerminationRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(description = "Extend the validity by `term` (default: the agreement's renewal term)", example = "{\"term\": \"P1Y\"}")
    public record RenewalRequest(Period term) {
    }

    @Schema(description = "The agreement versions covering an item, with the objectives that start a clock")
    public record MatchResponse(Instant at, List<Coverage> items) {
    }
}
