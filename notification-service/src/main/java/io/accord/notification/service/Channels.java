package io.accord.notification.service;

import io.accord.notification.config.NotificationConfig;
import io.accord.notification.domain.Channel;
import io.accord.notification.domain.ChannelKind;
import io.accord.platform.problem.Problem;
import io.accord.platform.problem.ProblemException;
import io.accord.api.ProblemKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Chat and webhook destinations. URLs and secrets are encrypted on the way in and decrypted only to send; nothing
 * here logs them or returns them.
 */
@ApplicationScoped
public class Channels {

    /** A channel ready to send to: its URL and secret in clear, for the time of one send. */
    public record Destination(String id, ChannelKind kind, boolean enabled, URI url, byte[] secret) {
        @Override
        public String toString() {
            return "Destination[" + id + ", " + kind + "]";
        }
    }

    /** What a caller asks to set; null fields are left as they are. */
    public record Changes(ChannelKind kind, String name, Boolean enabled, String url, String secret) {
    }

    private final Optional<SecretBox> box;

    public Channels(NotificationConfig config) {
        this.box = config.key().filter(key -> !key.isBlank()).map(SecretBox::ofBase64Key);
    }

    @Transactional
    public Channel create(String id, Changes changes, Instant now) {
        if (Channel.findById(id) != null) {
            throw ProblemException.conflict("channel " + id + " already exists");
        }
        Channel channel = new Channel();
        channel.id = id;
        channel.kind = changes.kind();
        channel.name = changes.name();
        channel.enabled = changes.enabled() == null || changes.enabled();
        channel.createdAt = now;
        apply(channel, changes, now);
        channel.persist();
        return channel;
    }

    @Transactional
    public Channel update(String id, Changes changes, Instant now) {
        Channel channel = find(id);
        if (changes.kind() != null && changes.kind() != channel.kind) {
            throw ProblemException.invalid("kind", "cannot change the kind of a channel; create another one");
        }
        if (changes.name() != null) {
            channel.name = changes.name();
        }
        if (changes.enabled() != null) {
            channel.enabled = changes.enabled();
        }
        apply(channel, changes, now);
        return channel;
    }

    @Transactional
    public void delete(String id) {
        find(id).delete();
    }

    @Transactional
    public Channel find(String id) {
        Channel channel = Channel.findById(id);
        if (channel == null) {
            throw ProblemException.notFound("no channel " + id);
        }
        return channel;
    }

    @Transactional
    public List<Channel> list(int offset, int size) {
        return Channel.<Channel>findAll(io.quarkus.panache.common.Sort.by("id")).range(offset, offset + size - 1)
                .list();
    }

    @Transactional
    public long count() {
        return Channel.count();
    }

    /** The channel with its URL and secret decrypted, empty when it does not exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Destination> destination(String id) {
        Channel channel = Channel.findById(id);
        if (channel == null) {
            return Optional.empty();
        }
        URI url = channel.urlCipher == null ? null : URI.create(box().decrypt(channel.urlCipher, context(id, "url")));
        byte[] secret = channel.secretCipher == null ? null
                : box().decrypt(channel.secretCipher, context(id, "secret")).getBytes(StandardCharsets.UTF_8);
        return Optional.of(new Destination(channel.id, channel.kind, channel.enabled, url, secret));
    }

    private void apply(Channel channel, Changes changes, Instant now) {
        if (changes.url() != null) {
            channel.urlCipher = box().encrypt(changes.url(), context(channel.id, "url"));
        }
        if (changes.secret() != null) {
            channel.secretCipher = box().encrypt(changes.secret(), context(channel.id, "secret"));
        }
        channel.updatedAt = now;
    }

    private SecretBox box() {
        return box.orElseThrow(() -> new ProblemException(Problem.of(ProblemKind.SERVICE_UNAVAILABLE,
                "channel secrets cannot be stored or read: ACCORD_NOTIFICATION_KEY is not configured")));
    }

    private static String context(String channelId, String field) {
        return "channel:" + channelId + ":" + field;
    }
}
