package io.accord.notification.service;

import io.accord.notification.channel.ChannelSender;
import io.accord.notification.channel.OutgoingMessage;
import io.accord.notification.channel.SendOutcome;
import io.accord.notification.domain.ChannelKind;
import io.accord.notification.domain.MessageKind;
import io.accord.notification.message.MessageRenderer;
import io.accord.notification.message.RenderedMessage;
import io.accord.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sends a test message at once, so a manager sees whether a destination works before an escalation needs it. */
@ApplicationScoped
public class TestMessages {

    private final Channels channels;
    private final MessageRenderer renderer;
    private final Instance<ChannelSender> senders;
    private final Clock clock;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    public TestMessages(Channels channels, MessageRenderer renderer, Instance<ChannelSender> senders, Clock clock,
            com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.channels = channels;
        this.renderer = renderer;
        this.senders = senders;
        this.clock = clock;
        this.mapper = mapper;
    }

    public SendOutcome send(String channelId, String email, String locale) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        var event = mapper.createObjectNode().put("specversion", "1.0").put("id", id.toString())
                .put("source", "/accord/notification-service").put("type", "io.accord.notification.test.v1")
                .put("time", now.toString()).put("datacontenttype", "application/json");
        event.putObject("data").put("message", "test");
        RenderedMessage message = renderer.render(MessageKind.TEST, locale == null ? "en" : locale, "UTC", event,
                Optional.empty(), now);
        OutgoingMessage outgoing;
        if (email != null) {
            outgoing = new OutgoingMessage(id, ChannelKind.EMAIL, email, null, null, message, event.toString());
        } else {
            Channels.Destination destination = channels.destination(channelId)
                    .orElseThrow(() -> ProblemException.notFound("no channel " + channelId));
            outgoing = new OutgoingMessage(id, destination.kind(), null, destination.url(), destination.secret(),
                    message, event.toString());
        }
        return senders.stream().filter(sender -> sender.kind() == outgoing.kind()).findFirst()
                .map(sender -> sender.send(outgoing)).orElse(SendOutcome.fail("no sender for " + outgoing.kind()));
    }
}
