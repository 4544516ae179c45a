package io.affinity.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads resources packaged in the testkit jar. */
final class Resources {

    private Resources() {}

    /** The bytes of a classpath resource; fails clearly when it is missing. */
    static byte[] readBytes(String name) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Resource missing from the testkit jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + name, e);
        }
    }

    /** A classpath resource as UTF-8 text. */
    static String readString(String name) {
        return new String(readBytes(name), StandardCharsets.UTF_8);
    }
}
