package io.accord.platform.tracing;

import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.MDC;

/**
 * The request id that follows one call through Accord: the gateway sets {@code X-Request-Id} (or
 * keeps the caller's), every service logs it with each line of that request (MDC key
 * {@code requestId}) and answers with it.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key; the console log format shows it as {@code %X{requestId}}. */
    public static final String MDC_KEY = "requestId";
    public static final int MAX_LENGTH = 128;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    /** The caller's id when it is 1 to 128 characters of {@code [A-Za-z0-9._-]}, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return isSane(candidate) ? candidate : create();
    }

    public static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** 128 random bits as 32 lowercase hex characters: unique, not secret. */
    public static String create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder(32);
        for (long part : new long[] {random.nextLong(), random.nextLong()}) {
            for (int shift = 60; shift >= 0; shift -= 4) {
                out.append(HEX[(int) (part >>> shift) & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * The id of the request being served, wherever its work runs (event loop or worker thread), or
     * {@code null} outside a request: pass it on as {@link #HEADER} when calling another service.
     */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
