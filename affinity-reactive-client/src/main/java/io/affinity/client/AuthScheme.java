package io.affinity.client;

/** How the API key is sent. Affinity accepts both. */
public enum AuthScheme {
    /** HTTP Basic authentication with the key as password and an empty user name (the default). */
    BASIC,
    /** HTTP Bearer authentication with the key as token. */
    BEARER
}
