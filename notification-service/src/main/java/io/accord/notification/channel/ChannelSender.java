package io.accord.notification.channel;

import io.accord.notification.domain.ChannelKind;

/** Sends a message over one protocol. Implementations never throw: every failure is a {@link SendOutcome}. */
public interface ChannelSender {

    ChannelKind kind();

    SendOutcome send(OutgoingMessage message);
}
