package io.accord.notification.channel;

import io.accord.notification.domain.ChannelKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Slack incoming webhooks and Microsoft Teams Workflows webhooks: JSON POSTs to the channel's secret URL. */
public final class ChatSenders {

    private ChatSenders() {
    }

    @ApplicationScoped
    public static class Slack implements ChannelSender {
        private final HttpPoster http;

        public Slack(HttpPoster http) {
            this.http = http;
        }

        @Override
        public ChannelKind kind() {
            return ChannelKind.SLACK;
        }

        @Override
        public SendOutcome send(OutgoingMessage message) {
            String body = ChatPayloads.slack(message.message(), message.message().linkLabel());
            return http.post(message.url(), "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    @ApplicationScoped
    public static class Teams implements ChannelSender {
        private final HttpPoster http;

        public Teams(HttpPoster http) {
            this.http = http;
        }

        @Override
        public ChannelKind kind() {
            return ChannelKind.TEAMS;
        }

        @Override
        public SendOutcome send(OutgoingMessage message) {
            String body = ChatPayloads.teams(message.message(), message.message().linkLabel());
            return http.post(message.url(), "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }
}
