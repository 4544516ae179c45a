package io.affinity.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The SDK's version, written into a resource by the build, and the User-Agent that carries it. */
final class SdkVersion {

    static final String VERSION = load();
    static final String USER_AGENT = "affinity-java/" + VERSION;

    private SdkVersion() {}

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("/io/affinity/client/affinity-client.properties")) {
            if (in == null) {
                throw new IllegalStateException("affinity-client.properties is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read affinity-client.properties", e);
        }
    }
}
