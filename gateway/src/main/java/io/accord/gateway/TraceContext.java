package io.accord.gateway;

import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C trace contexts ({@code traceparent}): the caller's is passed on when well formed, otherwise the gateway starts a
 * new one, so the services can join the call's trace. (Request ids follow {@link io.accord.api.RequestId}.)
 */
final class TraceContext {

    static final String HEADER = "traceparent";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TraceContext() {
    }

    /** The caller's trace context when well formed, otherwise a new sampled one. */
    public static String keepOrCreate(String candidate) {
        return isValid(candidate) ? candidate : create();
    }

    /**
     * {@code version-traceid-parentid-flags}: version {@code 00} is exactly 55 characters, later
     * versions may append fields; ids are lowercase hex and not all zeros.
     */
    public static boolean isValid(String value) {
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

    public static String create() {
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
