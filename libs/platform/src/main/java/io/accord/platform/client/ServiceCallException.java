package io.accord.platform.client;

import java.net.URI;

/** A call to another Accord service that did not give an answer. */
public class ServiceCallException extends RuntimeException {

    public ServiceCallException(String message) {
        super(message);
    }

    public ServiceCallException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The other service refused the request (4xx): retrying will not help. */
    public static class Rejected extends ServiceCallException {

        private final int status;

        public Rejected(URI uri, int status, String body) {
            super("GET " + uri + " was refused with " + status + ": " + abbreviate(body));
            this.status = status;
        }

        public int status() {
            return status;
        }

        private static String abbreviate(String body) {
            return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
        }
    }
}
