package io.accord.clock.engine;

/**
 * An event of the history the engine did not apply.
 *
 * @param event  the event
 * @param reason why
 */
public record RejectedEvent(ItemEvent event, RejectionReason reason) {
}
