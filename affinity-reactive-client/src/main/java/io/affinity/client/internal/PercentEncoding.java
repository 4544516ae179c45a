package io.affinity.client.internal;

import java.nio.charset.StandardCharsets;

/** Percent-encoding of path segments, query parameters and form fields (RFC 3986: all but unreserved). */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = null;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (isUnreserved(b)) {
                if (out != null) {
                    out.append((char) b);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(bytes.length * 3).append(value, 0, i); // bytes before i are ASCII
            }
            out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
        }
        return out == null ? value : out.toString();
    }

    private static boolean isUnreserved(int b) {
        return (b >= 'a' && b <= 'z')
                || (b >= 'A' && b <= 'Z')
                || (b >= '0' && b <= '9')
                || b == '-'
                || b == '.'
                || b == '_'
                || b == '~';
    }
}
