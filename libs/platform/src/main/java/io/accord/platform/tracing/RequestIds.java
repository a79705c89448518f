package io.accord.platform.tracing;

import io.accord.api.RequestId;
import org.jboss.logging.MDC;

/**
 * The request id of the call being served, as every service logs it: the gateway sets {@code X-Request-Id} (or keeps
 * the caller's; the rules are {@link RequestId}'s), every service logs it with each line of that request (MDC key
 * {@code requestId}) and answers with it.
 */
public final class RequestIds {

    /** The MDC key; the console log format shows it as {@code %X{requestId}}. */
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    /**
     * The id of the request being served, wherever its work runs (event loop or worker thread), or
     * {@code null} outside a request: pass it on as {@link RequestId#HEADER} when calling another service.
     */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
