package io.accord.notification.channel;

/** The result of one attempt: sent, failed but worth retrying (5xx, timeout, SMTP 4xx), or failed for good. */
public record SendOutcome(boolean sent, boolean retryable, String error) {

    public static SendOutcome delivered() {
        return new SendOutcome(true, false, null);
    }

    public static SendOutcome retry(String error) {
        return new SendOutcome(false, true, error);
    }

    public static SendOutcome fail(String error) {
        return new SendOutcome(false, false, error);
    }
}
