package io.affinity.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** Accepts the configured API key as HTTP Basic password (empty user name) or as Bearer token. */
final class Authenticator {

    private final String apiKey;

    Authenticator(String apiKey) {
        this.apiKey = apiKey;
    }

    /** The key a request authenticated with, or empty when it carries no valid credentials. */
    Optional<String> authenticate(IncomingRequest request) {
        return request.header("Authorization").flatMap(this::keyOf).filter(this::isValid);
    }

    private Optional<String> keyOf(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = authorization.substring(0, space);
        String credentials = authorization.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return Optional.of(credentials);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return basicPassword(credentials);
        }
        return Optional.empty();
    }

    private static Optional<String> basicPassword(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon == 0 ? Optional.of(decoded.substring(1)) : Optional.empty();
    }

    private boolean isValid(String key) {
        return MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8));
    }
}
