package io.accord.notification.message;

/** A message ready for a channel: one-line subject, plain text body, HTML body, and the link it points to with its label. */
public record RenderedMessage(String subject, String text, String html, String link, String linkLabel) {
}
