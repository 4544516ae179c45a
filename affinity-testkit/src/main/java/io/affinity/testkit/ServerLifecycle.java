package io.affinity.testkit;

/** How long a server started by {@link AffinityMockServerExtension} lives. */
public enum ServerLifecycle {
    /** One server for all tests of a class, reset before each test. */
    PER_CLASS,
    /** A new server for each test. */
    PER_TEST
}
