package io.affinity.client.internal.check;

import java.time.Duration;
import java.util.Collection;

/**
 * Argument checks for resource methods. Each throws {@link IllegalArgumentException} naming the parameter;
 * call them inside the request supplier given to the engine so that the failure reaches the caller as
 * a failed publisher before anything is sent. Internal API.
 */
public final class Args {

    private Args() {}

    /**
     * @param name  the parameter name
     * @param value the value
     * @param <T>   the value type
     * @return the value
     * @throws IllegalArgumentException when {@code value} is {@code null}
     */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * @param name  the parameter name
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException when {@code value} is {@code null}, empty or only white space
     */
    public static String notBlank(String name, String value) {
        if (notNull(name, value).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /**
     * @param name  the parameter name
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException when {@code value} is zero or negative
     */
    public static long positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * @param name  the parameter name
     * @param value the value
     * @param min   the smallest allowed value
     * @return the value
     * @throws IllegalArgumentException when {@code value} is below {@code min}
     */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    /**
     * @param name  the parameter name
     * @param value the duration
     * @return the duration
     * @throws IllegalArgumentException when {@code value} is {@code null}, zero or negative
     */
    public static Duration positive(String name, Duration value) {
        if (notNull(name, value).isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
        return value;
    }

    /**
     * @param name  the parameter name
     * @param value the duration
     * @return the duration
     * @throws IllegalArgumentException when {@code value} is {@code null} or negative
     */
    public static Duration notNegative(String name, Duration value) {
        if (notNull(name, value).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * @param name  the parameter name
     * @param value the value, or {@code null} when not given
     * @param min   the smallest allowed value
     * @param max   the largest allowed value
     * @return the value
     * @throws IllegalArgumentException when {@code value} is outside {@code [min, max]}
     */
    public static Integer inRange(String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /**
     * @param name  the parameter name
     * @param value the collection
     * @param <C>   the collection type
     * @return the collection
     * @throws IllegalArgumentException when {@code value} is {@code null}, empty or holds {@code null}
     */
    public static <C extends Collection<?>> C notEmpty(String name, C value) {
        if (notNull(name, value).isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        for (Object element : value) {
            if (element == null) {
                throw new IllegalArgumentException(name + " must not contain null");
            }
        }
        return value;
    }

    /**
     * Checks a rule that the other helpers do not cover.
     *
     * @param rule    whether the argument is valid
     * @param name    the parameter name
     * @param problem what is wrong, completing "{@code name} ..." (for example "must be before endTime")
     * @throws IllegalArgumentException when {@code rule} is false
     */
    public static void check(boolean rule, String name, String problem) {
        if (!rule) {
            throw new IllegalArgumentException(name + " " + problem);
        }
    }
}
