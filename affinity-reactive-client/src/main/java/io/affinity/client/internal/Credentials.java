package io.affinity.client.internal;

import io.affinity.client.AuthScheme;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The API key in the form it is sent, and the means to keep it out of text. Its {@code toString} never shows
 * the key. Internal API.
 */
public final class Credentials {

    private static final String REDACTED = "[REDACTED]";

    private final String authorization;
    private final String[] secrets;

    /**
     * @param apiKey the API key; not blank
     * @param scheme how the key is sent
     */
    public Credentials(String apiKey, AuthScheme scheme) {
        Args.notBlank("apiKey", apiKey);
        String credential = switch (Args.notNull("authScheme", scheme)) {
            case BASIC -> Base64.getEncoder().encodeToString((":" + apiKey).getBytes(StandardCharsets.UTF_8));
            case BEARER -> apiKey;
        };
        this.authorization = (scheme == AuthScheme.BASIC ? "Basic " : "Bearer ") + credential;
        this.secrets = apiKey.equals(credential) ? new String[] {apiKey} : new String[] {apiKey, credential};
    }

    String authorizationHeader() {
        return authorization;
    }

    /** @return {@code text} with every occurrence of the key (or its encoded form) replaced */
    String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return result;
    }

    @Override
    public String toString() {
        return "Credentials" + REDACTED;
    }
}
