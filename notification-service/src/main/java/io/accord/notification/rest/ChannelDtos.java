package io.accord.notification.rest;

import io.accord.notification.domain.Channel;
import io.accord.notification.domain.ChannelKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and answer bodies of {@code /api/channels}. URL and secret are accepted, never returned. */
public final class ChannelDtos {

    static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";
    static final String URL_PATTERN = "^https?://\\S+$";

    private ChannelDtos() {
    }

    @Schema(name = "NewChannel", description = "A Slack, Teams or signed-webhook destination. url and secret need accord-admin.")
    public record NewChannel(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = "lower-case letters, digits and dashes, 2 to 63")
            @Schema(example = "slack-hosting-escalations") String id,
            @NotNull @Schema(example = "SLACK") ChannelKind kind,
            @NotBlank @Size(max = 200) @Schema(example = "#hosting-escalations") String name,
            Boolean enabled,
            @Pattern(regexp = URL_PATTERN, message = "must be an http or https URL") @Size(max = 2000)
            @Schema(description = "write-only", example = "https://hooks.slack.com/services/T000/B000/XXXX") String url,
            @Size(min = 16, max = 200, message = "must be 16 to 200 characters")
            @Schema(description = "write-only; WEBHOOK channels sign with it") String secret) {
    }

    @Schema(name = "ChannelChanges", description = "Fields to change; absent fields are kept. url and secret need accord-admin.")
    public record ChannelChanges(
            ChannelKind kind,
            @Size(min = 1, max = 200) String name,
            Boolean enabled,
            @Pattern(regexp = URL_PATTERN, message = "must be an http or https URL") @Size(max = 2000) String url,
            @Size(min = 16, max = 200, message = "must be 16 to 200 characters") String secret) {
    }

    @Schema(name = "Channel")
    public record ChannelView(String id, ChannelKind kind, String name, boolean enabled,
            @Schema(description = "true when a URL is stored (it is never shown)") boolean urlConfigured,
            @Schema(description = "true when a signing secret is stored (it is never shown)") boolean secretConfigured,
            Instant createdAt, Instant updatedAt) {

        static ChannelView of(Channel channel) {
            return new ChannelView(channel.id, channel.kind, channel.name, channel.enabled, channel.urlCipher != null,
                    channel.secretCipher != null, channel.createdAt, channel.updatedAt);
        }
    }

    @Schema(name = "TestMessage", description = "Where to send a test message: a channel id or an email address.")
    public record TestMessage(@Pattern(regexp = ID_PATTERN) String channelId,
            @jakarta.validation.constraints.Email String email,
            @Pattern(regexp = "^[a-z]{2}$") String locale) {
    }

    @Schema(name = "TestResult")
    public record TestResult(boolean sent, String error) {
    }
}
