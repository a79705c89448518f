package io.accord.penalty.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.accord.penalty.config.PenaltyConfig;
import io.accord.penalty.domain.IncidentRecord;
import io.accord.penalty.service.Incidents;
import io.accord.platform.problem.Problem;
import io.accord.platform.problem.ProblemException;
import io.accord.api.ProblemKind;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Prometheus Alertmanager's webhook (payload version 4). Each alert with a {@code service} label is one incident,
 * identified by its fingerprint and {@code startsAt}: a firing alert opens it (repeats change nothing), a resolved
 * one ends it at {@code endsAt}. Alerts without the label are ignored and counted in the answer. Alertmanager
 * authenticates with a shared bearer secret ({@code accord.penalty.alertmanager.secret}).
 */
@Path("/api/webhooks/alertmanager")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability")
public class AlertmanagerResource {

    static final String SOURCE = "alertmanager";
    /** Alertmanager's "no end known" value for a firing alert. */
    private static final Instant NO_END = Instant.parse("0001-01-01T00:00:00Z");

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payload(String version, String status, String receiver, String groupKey,
            @NotNull(message = "is required") List<@Valid @NotNull(message = "must not be null") Alert> alerts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(@NotNull(message = "is required") String status, Map<String, String> labels,
            Map<String, String> annotations, @NotNull(message = "is required") Instant startsAt, Instant endsAt,
            String generatorURL, String fingerprint) {
    }

    /** How many alerts became or changed incidents, and how many had no service label. */
    public record Outcome(int received, int opened, int resolved, int ignored) {
    }

    private final Incidents incidents;
    private final PenaltyConfig config;

    public AlertmanagerResource(Incidents incidents, PenaltyConfig config) {
        this.incidents = incidents;
        this.config = config;
    }

    @POST
    @PermitAll
    @Transactional
    @Operation(summary = "Alertmanager webhook: firing and resolved alerts with a service label become incidents")
    public Outcome receive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull(message = "a body is required") Payload payload) {
        authenticate(authorization);
        Instant now = Instant.now();
        int opened = 0;
        int resolved = 0;
        int ignored = 0;
        for (Alert alert : payload.alerts()) {
            Map<String, String> labels = alert.labels() == null ? Map.of() : alert.labels();
            String service = labels.get(config.alertmanager().serviceLabel());
            if (service == null || service.isBlank()) {
                ignored++;
                continue;
            }
            Instant start = alert.startsAt().truncatedTo(ChronoUnit.MILLIS);
            String ref = fingerprint(alert, labels) + "@" + start;
            Optional<IncidentRecord> known = incidents.bySourceRef(SOURCE, ref);
            boolean isResolved = "resolved".equalsIgnoreCase(alert.status());
            Instant end = isResolved && alert.endsAt() != null && !alert.endsAt().equals(NO_END)
                    ? alert.endsAt().truncatedTo(ChronoUnit.MILLIS) : null;
            if (end != null && end.isBefore(start)) {
                throw ProblemException.invalid("alerts.endsAt", "alert " + ref + " ends before it starts");
            }
            if (known.isEmpty()) {
                String summary = alert.annotations() == null ? labels.get("alertname")
                        : alert.annotations().getOrDefault("summary", labels.get("alertname"));
                incidents.open(service, start, end, "true".equalsIgnoreCase(labels.get(config.alertmanager()
                        .plannedLabel())), SOURCE, ref, summary, SOURCE, now);
                if (end == null) {
                    opened++;
                } else {
                    resolved++;
                }
            } else if (end != null && !end.equals(known.get().endedAt)) {
                incidents.end(known.get(), end, now);
                resolved++;
            }
        }
        return new Outcome(payload.alerts().size(), opened, resolved, ignored);
    }

    private void authenticate(String authorization) {
        byte[] expected = config.alertmanager().secret().filter(s -> !s.isBlank())
                .map(s -> ("Bearer " + s).getBytes(StandardCharsets.UTF_8)).orElse(null);
        byte[] given = authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
        // MessageDigest.isEqual takes the same time whatever the first differing byte is
        if (expected == null || !MessageDigest.isEqual(expected, given)) {
            throw new ProblemException(Problem.of(ProblemKind.UNAUTHORIZED,
                    "The Alertmanager webhook needs the configured bearer secret."));
        }
    }

    /** Alertmanager's fingerprint; for senders without one, a hash of the sorted labels (what it hashes too). */
    private static String fingerprint(Alert alert, Map<String, String> labels) {
        if (alert.fingerprint() != null && !alert.fingerprint().isBlank()) {
            return alert.fingerprint();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(new TreeMap<>(labels).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
