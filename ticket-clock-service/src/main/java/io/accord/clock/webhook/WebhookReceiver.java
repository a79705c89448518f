package io.accord.clock.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.clock.domain.Provider;
import io.accord.clock.domain.Source;
import io.accord.clock.repository.SourceRepository;
import io.accord.clock.rest.IngestionResult;
import io.accord.clock.rest.WebhookResult;
import io.accord.clock.rest.WorkItemEventRequest;
import io.accord.clock.service.IngestionService;
import io.accord.clock.webhook.WebhookSignatures.Rejection;
import io.accord.platform.problem.Problem;
import io.accord.platform.problem.ProblemException;
import io.accord.api.ProblemKind;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Receives a provider's webhook for a source: authenticates the raw body by the provider's scheme before reading
 * it, turns the payload into normalized events through the source's mapping, and applies them through the same
 * ingestion as {@code POST /api/work-items/events} (dedup, ordering, clocks). A refused delivery stores nothing and
 * is counted in {@code accord.webhooks.rejected{source, reason}}.
 */
@ApplicationScoped
public class WebhookReceiver {

    private static final Logger LOG = Logger.getLogger(WebhookReceiver.class);
    /** One answer for every refusal, so a caller learns neither which sources exist nor which check failed. */
    static final String UNAUTHENTICATED = "The webhook is not authenticated for this source: the signature or "
            + "secret is missing or wrong, its timestamp is outside the accepted window, or the source is unknown.";
    public static final String SECRET_HEADER = "X-Accord-Webhook-Secret";

    /** One delivery as it arrived: the header lookup is case-insensitive. */
    public record Delivery(String sourceId, String method, URI requestUri, UnaryOperator<String> header,
            byte[] body) {
    }

    private final SourceRepository sources;
    private final WebhookSecrets secrets;
    private final IngestionService ingestion;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Optional<String> publicBaseUrl;
    private final Duration window;
    private final Map<Provider, ProviderAdapter> adapters = new EnumMap<>(Provider.class);

    public WebhookReceiver(SourceRepository sources, WebhookSecrets secrets, IngestionService ingestion,
            ObjectMapper mapper, Validator validator, MeterRegistry registry, Clock clock,
            @ConfigProperty(name = "accord.webhooks.public-base-url") Optional<String> publicBaseUrl,
            @ConfigProperty(name = "accord.webhooks.timestamp-window", defaultValue = "5m") Duration window) {
        this.sources = sources;
        this.secrets = secrets;
        this.ingestion = ingestion;
        this.mapper = mapper;
        this.validator = validator;
        this.registry = registry;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        this.window = window;
        adapters.put(Provider.ZENDESK, new ZendeskAdapter());
        adapters.put(Provider.JIRA, new JiraAdapter());
        adapters.put(Provider.FRESHDESK, new FreshdeskAdapter());
        adapters.put(Provider.HUBSPOT, new HubSpotAdapter());
        adapters.put(Provider.GENERIC, new GenericAdapter(mapper.readerFor(WorkItemEventRequest.class)));
    }

    public WebhookResult receive(Delivery delivery) throws IOException {
        Instant now = clock.instant();
        Source source = sources.find(delivery.sourceId()).orElse(null);
        if (source == null) {
            throw refuse("unknown", delivery.sourceId(), Rejection.UNKNOWN_SOURCE);
        }
        byte[] secret = secrets.secret(source.secretRef()).orElse(null);
        if (secret == null) {
            LOG.warnf("Webhook for source %s refused: no secret configured for reference %s (set %s)", source.id(),
                    source.secretRef(), WebhookSecrets.environmentVariable(source.secretRef()));
            throw refuse(source.id(), source.id(), Rejection.SECRET_NOT_CONFIGURED);
        }
        Optional<Rejection> rejection = authenticate(source.provider(), secret, delivery, now);
        if (rejection.isPresent()) {
            throw refuse(source.id(), source.id(), rejection.get());
        }
        if (delivery.body() == null || delivery.body().length == 0) {
            throw ProblemException.invalid("body", "the webhook has no body");
        }
        JsonNode payload = mapper.readTree(delivery.body());
        Conversion conversion = adapters.get(source.provider()).convert(source, payload, now);
        validate(conversion.events());
        IngestionResult result = conversion.events().isEmpty() ? IngestionResult.of(List.of())
                : IngestionResult.of(ingestion.ingest(conversion.events()));
        registry.counter("accord.webhooks.received", "source", source.id(), "provider", source.provider().id())
                .increment();
        for (Conversion.UnmappedValue value : conversion.unmapped()) {
            registry.counter("accord.sources.unmapped", "source", source.id(), "field", value.field()).increment();
        }
        return WebhookResult.of(source.id(), source.provider().id(), conversion.ignored(), result,
                conversion.unmapped());
    }

    private Optional<Rejection> authenticate(Provider provider, byte[] secret, Delivery d, Instant now) {
        return switch (provider) {
            case ZENDESK -> WebhookSignatures.zendesk(secret, d.header().apply("X-Zendesk-Webhook-Signature"),
                    d.header().apply("X-Zendesk-Webhook-Signature-Timestamp"), d.body(), now, window);
            case HUBSPOT -> WebhookSignatures.hubSpotV3(secret, d.header().apply("X-HubSpot-Signature-v3"),
                    d.header().apply("X-HubSpot-Request-Timestamp"), d.method(), publicUri(d.requestUri()), d.body(),
                    now, window);
            case JIRA -> WebhookSignatures.hubSignature(secret, d.header().apply("X-Hub-Signature"), d.body());
            case FRESHDESK, GENERIC -> WebhookSignatures.sharedSecret(secret, d.header().apply(SECRET_HEADER));
        };
    }

    /** The URI the provider called: the configured public base URL with the request's path and query. */
    String publicUri(URI request) {
        if (publicBaseUrl.isEmpty()) {
            return request.toString();
        }
        String query = request.getRawQuery();
        return publicBaseUrl.get() + request.getRawPath() + (query == null ? "" : "?" + query);
    }

    private ProblemException refuse(String sourceTag, String sourceId, Rejection reason) {
        registry.counter("accord.webhooks.rejected", "source", sourceTag, "reason", reason.tag()).increment();
        LOG.debugf("Webhook for source %s refused: %s", sourceId, reason.tag());
        return new ProblemException(Problem.of(ProblemKind.UNAUTHORIZED, UNAUTHENTICATED));
    }

    private void validate(List<WorkItemEventRequest> events) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            for (ConstraintViolation<WorkItemEventRequest> v : validator.validate(events.get(i))) {
                errors.add(new Problem.FieldError("events[" + i + "]." + v.getPropertyPath(), v.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw ProblemException.invalid("The payload does not give a valid event: " + errors.stream()
                    .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
    }
}
