package io.affinity.client.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;

/**
 * The type a response body decodes to, kept with its Java type so that decoding is type-safe. Create once
 * per type (a constant of the resource) and reuse. Internal API.
 *
 * @param <T> the decoded type
 */
public final class ResponseType<T> {

    private final JavaType javaType;

    private ResponseType(JavaType javaType) {
        this.javaType = javaType;
    }

    /**
     * @param type a non-generic class, for example {@code Person.class}
     * @param <T>  the decoded type
     * @return the response type
     */
    public static <T> ResponseType<T> of(Class<T> type) {
        return new ResponseType<>(TypeFactory.defaultInstance().constructType(type));
    }

    /**
     * @param type a generic type, for example {@code new TypeReference<List<AffinityList>>() {}}
     * @param <T>  the decoded type
     * @return the response type
     */
    public static <T> ResponseType<T> of(TypeReference<T> type) {
        return new ResponseType<>(TypeFactory.defaultInstance().constructType(type));
    }

    JavaType javaType() {
        return javaType;
    }

    @Override
    public String toString() {
        return javaType.toString();
    }
}
