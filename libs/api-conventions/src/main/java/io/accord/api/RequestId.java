package io.accord.api;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The request id that follows one call through Accord ({@code X-Request-Id}): the gateway keeps the caller's when it
 * is sane or makes a new one, and every service does the same for calls that do not come through the gateway.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final int MAX_LENGTH = 128;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestId() {
    }

    /** The caller's id when it is 1 to 128 characters of {@code [A-Za-z0-9._-]}, otherwise a new one. */
    public static String acceptOrCreate(String candidate) {
        return isSane(candidate) ? candidate : create();
    }

    /** 1 to 128 characters of {@code [A-Za-z0-9._-]}: safe in a header, a log line and a file name. */
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
}
