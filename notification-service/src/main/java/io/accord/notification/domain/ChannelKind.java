package io.accord.notification.domain;

/** How a delivery reaches its recipient: an email address, or a channel of one of the chat and webhook kinds. */
public enum ChannelKind {
    EMAIL, SLACK, TEAMS, WEBHOOK
}
