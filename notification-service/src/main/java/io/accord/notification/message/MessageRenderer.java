package io.accord.notification.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accord.model.agreement.AgreementVersion;
import io.accord.model.agreement.Objective;
import io.accord.model.clock.ClockEvent;
import io.accord.notification.config.NotificationConfig;
import io.accord.notification.domain.MessageKind;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a message from the Qute templates {@code escalation/<kind>.<locale>.txt} (first line: the subject) and
 * {@code escalation/<kind>.<locale>.html}; a locale without templates falls back to English.
 */
@ApplicationScoped
public class MessageRenderer {

    public static final Set<String> LOCALES = Set.of("en", "fr");
    static final String FALLBACK_LOCALE = "en";

    private final Engine engine;
    private final ObjectMapper mapper;
    private final String baseUrl;

    public MessageRenderer(Engine engine, ObjectMapper mapper, NotificationConfig config) {
        this.engine = engine;
        this.mapper = mapper;
        this.baseUrl = config.publicBaseUrl().replaceAll("/+$", "");
    }

    /** The message of {@code kind} about {@code cloudEvent} for a reader of {@code locale} in {@code zone}. */
    public RenderedMessage render(MessageKind kind, String locale, String zone, JsonNode cloudEvent,
            Optional<AgreementVersion> agreement, Instant now) {
        String language = LOCALES.contains(locale) ? locale : FALLBACK_LOCALE;
        MessageView view = view(kind, language, Formats.zone(zone), cloudEvent, agreement, now);
        String text = template(kind, language, "txt").data("m", view).render().strip();
        String html = template(kind, language, "html").data("m", view).render();
        int newline = text.indexOf('\n');
        String subject = (newline < 0 ? text : text.substring(0, newline)).strip();
        String body = newline < 0 ? "" : text.substring(newline + 1).strip();
        return new RenderedMessage(subject, body, html, view.link(), "fr".equals(language) ? "Ouvrir dans Accord" : "Open in Accord");
    }

    private Template template(MessageKind kind, String locale, String variant) {
        Template template = engine.getTemplate("escalation/" + kind.templateName() + "." + locale + "." + variant);
        if (template == null && !FALLBACK_LOCALE.equals(locale)) {
            template = engine.getTemplate("escalation/" + kind.templateName() + "." + FALLBACK_LOCALE + "." + variant);
        }
        if (template == null) {
            throw new IllegalStateException("no template for " + kind + " (" + variant + ")");
        }
        return template;
    }

    private MessageView view(MessageKind kind, String locale, ZoneId zone, JsonNode cloudEvent,
            Optional<AgreementVersion> agreement, Instant now) {
        JsonNode data = cloudEvent.path("data");
        String agreementName = agreement.map(AgreementVersion::name)
                .orElse(data.path("agreementName").asText(data.path("agreementId").asText(null)));
        return switch (kind) {
            case PENALTY, REVIEW -> penaltyView(kind, locale, zone, data, agreementName, agreement);
            case TEST -> new MessageView(kind.name(), locale, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, zone.getId(), baseUrl);
            default -> clockView(kind, locale, zone, cloudEvent, data, agreementName, agreement, now);
        };
    }

    private MessageView clockView(MessageKind kind, String locale, ZoneId zone, JsonNode cloudEvent, JsonNode data,
            String agreementName, Optional<AgreementVersion> agreement, Instant now) {
        ClockEvent clock;
        try {
            clock = mapper.treeToValue(data, ClockEvent.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("the event is not a clock event: " + e.getMessage(), e);
        }
        String objectiveName = agreement.flatMap(a -> a.objective(clock.objectiveKey())).map(Objective::name)
                .filter(name -> name != null && !name.isBlank()).orElse(clock.objectiveKey());
        String itemRef = clock.item().source() + " " + clock.item().externalId();
        Duration overrun = clock.overrun();
        if (kind == MessageKind.REMINDER && clock.breachedAt() != null) {
            // The breach event is old news; say how long it has been breached by now (wall-clock time)
            overrun = Duration.between(clock.breachedAt(), now);
        }
        if (overrun != null && overrun.isZero()) {
            overrun = null;
        }
        Integer reminder = cloudEvent.has("accordreminder") ? cloudEvent.get("accordreminder").asInt() : null;
        return new MessageView(kind.name(), locale, itemRef, clock.item().title(), clock.item().url(), agreementName,
                objectiveName, clock.priority() == null ? null : clock.priority().name(),
                Formats.duration(clock.target(), locale), Formats.instant(clock.deadline(), zone, locale),
                Formats.instant(clock.breachedAt(), zone, locale), Formats.duration(clock.remaining(), locale),
                Formats.duration(overrun, locale), clock.thresholdPercent(), reminder, clock.outcome().name(), null,
                null, null, zone.getId(), baseUrl + "/clocks/" + clock.clockId());
    }

    /** Penalty and review events are read leniently: only the fields a message shows, each optional. */
    private MessageView penaltyView(MessageKind kind, String locale, ZoneId zone, JsonNode data, String agreementName,
            Optional<AgreementVersion> agreement) {
        String period = text(data, "period");
        JsonNode money = data.path("totalCredit");
        String amount = money.isObject() && money.has("amount")
                ? money.path("amount").asText() + " " + money.path("currency").asText("")
                : money.isValueNode() ? money.asText() : null;
        String objective = text(data, "objectiveKey");
        String objectiveName = agreement.flatMap(a -> objective == null ? Optional.empty() : a.objective(objective))
                .map(Objective::name).orElse(objective);
        String detail = data.path("missedPeriods").isArray()
                ? String.join(", ", data.path("missedPeriods").findValuesAsText("period").isEmpty()
                        ? java.util.stream.StreamSupport.stream(data.path("missedPeriods").spliterator(), false)
                                .map(JsonNode::asText).toList()
                        : data.path("missedPeriods").findValuesAsText("period"))
                : text(data, "reason");
        String agreementId = text(data, "agreementId");
        return new MessageView(kind.name(), locale, null, null, null, agreementName, objectiveName, null, null, null,
                null, null, null, null, null, null, period, amount == null ? null : amount.strip(), detail,
                zone.getId(), agreementId == null ? baseUrl : baseUrl + "/agreements/" + agreementId);
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
