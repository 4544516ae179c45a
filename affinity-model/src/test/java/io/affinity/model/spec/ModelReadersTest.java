package io.affinity.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.affinity.model.FieldValue;
import io.affinity.model.ListEntry;
import io.affinity.model.Person;
import io.affinity.model.internal.ByteDecoder;
import io.affinity.model.internal.ModelReader;
import io.affinity.model.json.AffinityJson;
import io.affinity.model.wire.ListEntriesPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated readers of {@link AffinityJson#newObjectMapper()} decode exactly what Jackson's bean deserializers
 * ({@link AffinityJson#newReflectiveObjectMapper()}) decode: every example of the spec, and every example changed
 * one property at a time (set to null, removed, given a value of each other JSON type, an unknown property added),
 * give equal values, or errors of the same type, message and path. The byte-level fast path
 * ({@link AffinityJson#readValue}) decodes each of them to the same value, or leaves it to the mapper.
 */
class ModelReadersTest {

    private static final List<String> WRONG_VALUES = List.of(
            "null",
            "\"text\"",
            "\"\"",
            "true",
            "12",
            "1.5",
            "123456789012345678901234567890",
            "[]",
            "[null]",
            "[1]",
            "{}",
            "{\"unknown\":[1,{\"a\":null}]}",
            "\"2017-05-04T10:44:31.526-08:00\"");

    /**
     * The types whose values the fast path leaves to Jackson: they hold a field value's data, a quota, a number, a
     * URI or a map (the byte readers give up on those properties).
     */
    private static final Set<String> LEFT_TO_JACKSON = Set.of(
            "FieldValue",
            "FieldValueChange",
            "RateLimit",
            "RelationshipStrength",
            "WebhookSubscription",
            "WebhookEvent");

    private final Spec spec = Spec.load();
    private final ObjectMapper generated = AffinityJson.newObjectMapper();
    private final ObjectMapper reflective = AffinityJson.newReflectiveObjectMapper();

    @Test
    void theSdkMapperDecodesTheModelTypesWithTheGeneratedReaders() throws Exception {
        for (Class<?> type : List.of(ListEntry.class, ListEntriesPage.class, Person.class, FieldValue.class)) {
            assertInstanceOf(ModelReader.class, rootDeserializer(generated, type), type.getName());
            assertFalse(rootDeserializer(reflective, type) instanceof ModelReader, type.getName());
        }
    }

    private static JsonDeserializer<Object> rootDeserializer(ObjectMapper mapper, Class<?> type) throws Exception {
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);
        return context.findRootValueDeserializer(mapper.constructType(type));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleAndEveryVariantDecodesAlikeOnBothPaths() {
        List<Spec.Example> examples =
                spec.examples().stream().filter(e -> e.file().endsWith(".json")).toList();
        assertTrue(examples.size() > 59, "examples found: " + examples.size());
        return examples.stream()
                .map(example -> DynamicTest.dynamicTest(
                        example.file() + " (" + example.referencedFrom() + ")", () -> compareVariants(example)));
    }

    private void compareVariants(Spec.Example example) throws Exception {
        JsonNode original =
                reflective.readTree(Files.readString(spec.directory().resolve(example.file())));
        JavaType type = ModelTypes.javaType(example.schema(), original);
        boolean handled = compare(original.toString(), type);
        boolean pretty = compare(original.toPrettyString(), type);
        assertEquals(handled, pretty, "whitespace changes nothing: " + example.file());
        Class<?> model = type.isCollectionLikeType() ? type.getContentType().getRawClass() : type.getRawClass();
        assertEquals(
                !LEFT_TO_JACKSON.contains(model.getSimpleName()),
                handled,
                () -> "the fast path decodes " + example.file() + " (" + type + ")");
        List<String> variants = new ArrayList<>();
        forEachObject(original, (root, object) -> {
            object.put("zz_unknown", 1);
            variants.add(root.toString());
            object.remove("zz_unknown");
            for (String name : List.copyOf(
                    object.properties().stream().map(e -> e.getKey()).toList())) {
                JsonNode kept = object.get(name);
                object.remove(name);
                variants.add(root.toString());
                for (String wrong : WRONG_VALUES) {
                    object.set(name, parse(wrong));
                    variants.add(root.toString());
                }
                object.set(name, kept);
            }
        });
        for (String variant : variants) {
            compare(variant, type);
        }
    }

    /** @return whether the byte-level fast path decoded the JSON (to the value both mappers decode) */
    private boolean compare(String json, JavaType type) {
        Object fast = ByteDecoder.tryRead(json.getBytes(StandardCharsets.UTF_8), type);
        Object expected;
        try {
            expected = reflective.readValue(json, type);
        } catch (Exception failure) {
            assertEquals(ByteDecoder.UNHANDLED, fast, () -> "only the fast path decodes " + json);
            Exception actual = assertThrowsAny(json, type);
            assertEquals(failure.getClass(), actual.getClass(), () -> json + "\n" + actual);
            if (failure instanceof JsonMappingException mapping) {
                JsonMappingException actualMapping = (JsonMappingException) actual;
                assertEquals(mapping.getOriginalMessage(), actualMapping.getOriginalMessage(), json);
                assertEquals(path(mapping), path(actualMapping), json);
            }
            return false;
        }
        try {
            assertEquals(expected, generated.readValue(json, type), json);
            assertEquals(
                    expected, AffinityJson.readValue(generated, json.getBytes(StandardCharsets.UTF_8), type), json);
        } catch (Exception unexpected) {
            throw new AssertionError("only the generated reader fails on " + json, unexpected);
        }
        if (fast == ByteDecoder.UNHANDLED) {
            return false;
        }
        assertEquals(expected, fast, () -> "the fast path decodes " + json);
        assertEquals(expected.getClass(), fast.getClass(), json);
        return true;
    }

    private Exception assertThrowsAny(String json, JavaType type) {
        try {
            Object decoded = generated.readValue(json, type);
            throw new AssertionError("only the reflective path fails on " + json + "; generated: " + decoded);
        } catch (Exception failure) {
            return failure;
        }
    }

    /** @return the property names and indexes leading to the failure */
    private static List<String> path(JsonMappingException failure) {
        return failure.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .toList();
    }

    private JsonNode parse(String json) {
        try {
            return reflective.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** Calls the action with the root and each object in it (the root's tree is changed and restored in place). */
    private static void forEachObject(JsonNode root, java.util.function.BiConsumer<JsonNode, ObjectNode> action) {
        visit(root, object -> action.accept(root, object));
    }

    private static void visit(JsonNode node, Consumer<ObjectNode> action) {
        if (node instanceof ObjectNode object) {
            action.accept(object);
            object.forEach(child -> visit(child, action));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> visit(child, action));
        }
    }
}
