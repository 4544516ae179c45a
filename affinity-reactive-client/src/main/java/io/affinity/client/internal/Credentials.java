package io.affinity.client.internal;

import io.affinity.client.internal.check.Args;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The API key in the form it is sent, and the means to keep it out of text. Its {@code toString} never shows
 * the key. Internal API.
 */
public final class Credentials {

    private static final String REDACTED = "[REDACTED]";

    private final String authorization;
    private final Pattern secrets;

    private Credentials(String apiKey, boolean bearer) {
        Args.notBlank("apiKey", apiKey);
        String basic = Base64.getEncoder().encodeToString((":" + apiKey).getBytes(StandardCharsets.UTF_8));
        this.authorization = bearer ? "Bearer " + apiKey : "Basic " + basic;
        // the key and its Basic form, whichever scheme sends it, in any letter case a server may echo it in
        this.secrets = Pattern.compile(
                Pattern.quote(apiKey) + "|" + Pattern.quote(basic), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * @param apiKey the API key; not blank
     * @return credentials that send the key as the password of HTTP Basic authentication, with an empty user
     */
    public static Credentials basic(String apiKey) {
        return new Credentials(apiKey, false);
    }

    /**
     * @param apiKey the API key; not blank
     * @return credentials that send the key as a Bearer token
     */
    public static Credentials bearer(String apiKey) {
        return new Credentials(apiKey, true);
    }

    /** @return the {@code Authorization} header value (never shown: see {@link #toString()}) */
    String authorization() {
        return authorization;
    }

    /**
     * @return {@code text} with every occurrence of the key or of its Basic form replaced, in any letter case
     */
    String redact(String text) {
        return secrets.matcher(text).replaceAll(REDACTED);
    }

    @Override
    public String toString() {
        return "Credentials" + REDACTED;
    }
}
