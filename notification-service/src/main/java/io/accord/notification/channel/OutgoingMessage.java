package io.accord.notification.channel;

import io.accord.notification.domain.ChannelKind;
import io.accord.notification.message.RenderedMessage;
import java.net.URI;
import java.util.UUID;

/**
 * One message on its way: the email address, or the channel's URL (and webhook secret), decrypted only for the
 * time of the send and never logged; {@link #toString()} leaves them out.
 */
public record OutgoingMessage(UUID deliveryId, ChannelKind kind, String emailAddress, URI url, byte[] secret,
        RenderedMessage message, String cloudEvent) {

    @Override
    public String toString() {
        return "OutgoingMessage[" + deliveryId + ", " + kind + "]";
    }
}
