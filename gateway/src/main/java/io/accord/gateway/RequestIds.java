package io.accord.gateway;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids ({@code X-Request-Id}) and trace contexts ({@code traceparent}): which ones
 * coming from a caller are kept, and new ones when they are missing or unusable.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    /** Key of the id in the routing context and in the logging MDC. */
    public static final String KEY = "requestId";

    static final int MAX_LENGTH = 128;
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

    /** 128 random bits as 32 lowercase hex characters (not a secret: only unique). */
    public static String create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder(32);
        hex(out, random.nextLong(), 16);
        hex(out, random.nextLong(), 16);
        return out.toString();
    }

    /** The caller's trace context when well formed, otherwise a new sampled one. */
    public static String traceparentOrCreate(String candidate) {
        return isValidTraceparent(candidate) ? candidate : newTraceparent();
    }

    /**
     * {@code version-traceid-parentid-flags}: version {@code 00} is exactly 55 characters, later
     * versions may append fields; ids are lowercase hex and not all zeros.
     */
    public static boolean isValidTraceparent(String value) {
        if (value == null || value.length() < 55) {
            return false;
        }
        String version = value.substring(0, 2);
        if (!isHex(version) || version.equals("ff") || (version.equals("00") && value.length() != 55)) {
            return false;
        }
        if (value.length() > 55 && value.charAt(55) != '-') {
            return false;
        }
        if (value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return false;
        }
        String traceId = value.substring(3, 35);
        String parentId = value.substring(36, 52);
        return isHex(traceId) && isHex(parentId) && isHex(value.substring(53, 55))
                && !isZero(traceId) && !isZero(parentId);
    }

    public static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder(55).append("00-");
        hex(out, random.nextLong() | 1L, 16);
        hex(out, random.nextLong(), 16);
        out.append('-');
        hex(out, random.nextLong() | 1L, 16);
        return out.append("-01").toString();
    }

    private static void hex(StringBuilder out, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xf]);
        }
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
