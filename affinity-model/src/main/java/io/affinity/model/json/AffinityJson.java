package io.affinity.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.affinity.model.internal.ByteDecoder;
import io.affinity.model.internal.ModelReaders;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * The one Jackson configuration of the SDK, shared by the clients and the testkit.
 *
 * <p>The mapper ignores unknown properties, reads and writes {@code java.time} types as ISO-8601
 * strings keeping the offset the server sent, supports {@link java.util.Optional}, decodes a missing
 * or {@code null} array as an empty list, and leaves absent optionals out of what it writes, so a
 * request body carries only the fields a caller set.
 */
public final class AffinityJson {

    private AffinityJson() {}

    /**
     * Creates a new mapper configured for the Affinity API. The mapper is thread-safe once built;
     * create it once and share it.
     *
     * <p>Response model types decode through readers generated from the spec, which read the tokens straight into
     * the immutable builders; the result, and every error, is what Jackson's annotation-driven decoding gives.
     *
     * @return a new, fully configured mapper
     */
    public static ObjectMapper newObjectMapper() {
        ObjectMapper mapper = newReflectiveObjectMapper();
        mapper.registerModule(ModelReaders.module());
        ModelReaders.warmUp(mapper);
        ByteDecoder.warmUp();
        return mapper;
    }

    /**
     * Decodes a whole response body as {@code mapper.readValue(body, type)} does, faster: a model type (or a list
     * of one) is first read straight from the bytes, and any body that fast path does not expect (another shape, a
     * wrong type, malformed JSON) is decoded by the mapper, so the value, every coercion and every error (class,
     * message, path) are the mapper's.
     *
     * @param mapper a mapper from {@link #newObjectMapper()}, unchanged: its decoding is the one the fast path gives
     * @param body the whole body, JSON in UTF-8
     * @param type the type to decode
     * @param <T> the type decoded
     * @return the value decoded; null for a JSON {@code null}
     * @throws IOException when the mapper cannot decode the body
     */
    @SuppressWarnings("unchecked")
    public static <T> T readValue(ObjectMapper mapper, byte[] body, JavaType type) throws IOException {
        Object value = ByteDecoder.tryRead(body, type);
        if (value != ByteDecoder.UNHANDLED) {
            return (T) value;
        }
        return mapper.readValue(body, type);
    }

    /**
     * Creates a mapper with the same configuration that decodes the model types through Jackson's bean
     * deserializers, driven by their annotations alone, as a mapper configured by a user would: slower, for
     * comparing the two paths and for tracking down a suspected decoding difference.
     *
     * @return a new mapper without the generated readers
     */
    public static ObjectMapper newReflectiveObjectMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule("affinity-date-times")
                        .addDeserializer(
                                OffsetDateTime.class,
                                new OffsetDateTimeDeserializer(InstantDeserializer.OFFSET_DATE_TIME)))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
        JsonSetter.Value nullsAsEmpty = JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);
        mapper.configOverride(List.class).setSetterInfo(nullsAsEmpty);
        mapper.configOverride(Collection.class).setSetterInfo(nullsAsEmpty);
        return mapper;
    }
}
