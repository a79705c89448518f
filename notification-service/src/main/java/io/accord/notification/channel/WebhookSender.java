package io.accord.notification.channel;

import io.accord.notification.domain.ChannelKind;
import io.accord.notification.service.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generic webhooks: the CloudEvent JSON as received, signed with the channel's secret in
 * {@value WebhookSignature#HEADER}; {@code X-Accord-Delivery} lets receivers deduplicate retried deliveries.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private final HttpPoster http;
    private final Clock clock;

    public WebhookSender(HttpPoster http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public SendOutcome send(OutgoingMessage message) {
        if (message.secret() == null || message.secret().length == 0) {
            return SendOutcome.fail("the webhook channel has no signing secret configured");
        }
        byte[] body = message.cloudEvent().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WebhookSignature.HEADER, WebhookSignature.header(message.secret(), clock.instant(), body));
        headers.put("X-Accord-Delivery", message.deliveryId().toString());
        return http.post(message.url(), "application/cloudevents+json", body, headers);
    }
}
