package io.affinity.model.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerFactory;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The base of the streaming readers generated for each model type (see {@code modelReaders.mustache}): one pass
 * over the object's tokens into the Immutables builder, without the reflective bean deserializer.
 *
 * <p>It decodes exactly what Jackson's bean deserializer decodes from the same annotations: strings, integers and
 * booleans in their JSON shape are read from the parser directly, every other token (and every other type) goes to
 * the deserializer Jackson resolves for the property's type, so coercions and error messages stay Jackson's; a
 * builder that refuses a value fails like Jackson's creator does.
 *
 * @param <T> the immutable type read
 */
public abstract class ModelReader<T> extends StdDeserializer<T> implements ResolvableDeserializer {

    private static final long serialVersionUID = 1L;

    private transient JsonDeserializer<Object> otherShapes;

    /** The property names, in the spec's order from index 1. */
    private final SerializableString[] names;

    /**
     * For each property (index 0: the object's start), the name that followed it in the last object read: a
     * server writes its properties in one order, and a parser matches an expected name by comparing its bytes,
     * which costs a fraction of looking an unexpected one up in its symbol table. A race only costs a lookup.
     */
    private final SerializableString[] following;

    /**
     * @param type the immutable type read
     * @param names the JSON names of its properties, in the order of the indexes the reader passes to
     *     {@link #learn}, from 1
     */
    protected ModelReader(Class<T> type, String... names) {
        super(type);
        this.names = new SerializableString[names.length + 1];
        for (int i = 0; i < names.length; i++) {
            this.names[i + 1] = new SerializedString(names[i]);
        }
        this.following = new SerializableString[names.length + 1];
    }

    @Override
    public final T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String name;
        if (parser.isExpectedStartObjectToken()) {
            name = nextName(parser, 0);
        } else if (parser.hasToken(JsonToken.FIELD_NAME)) {
            name = parser.currentName(); // an object replayed from a buffer starts after its '{'
        } else if (parser.hasToken(JsonToken.END_OBJECT)) {
            name = null;
        } else {
            @SuppressWarnings("unchecked")
            T other = (T) otherShapes.deserialize(parser, context);
            return other;
        }
        try {
            return read(parser, context, name);
        } catch (NullPointerException | IllegalStateException | IllegalArgumentException refused) {
            // the builder refused a value or found a required one missing: Jackson reports this about the creator
            throw context.instantiationException(handledType(), refused);
        }
    }

    /**
     * Resolves the deserializers of the properties' types, and Jackson's bean deserializer of the type, which
     * handles every token but an object's (its coercions and errors).
     */
    @Override
    public final void resolve(DeserializationContext context) throws JsonMappingException {
        JavaType type = context.constructType(handledType());
        JsonDeserializer<Object> bean = ((BeanDeserializerFactory) context.getFactory())
                .buildBeanDeserializer(context, type, context.getConfig().introspect(type));
        if (bean instanceof ResolvableDeserializer resolvable) {
            resolvable.resolve(context);
        }
        otherShapes = bean;
        resolveProperties(context);
    }

    /**
     * Finds the deserializers of the properties' types, once, when Jackson first builds this reader.
     *
     * @param context the context
     * @throws JsonMappingException when Jackson has no deserializer for a type
     */
    protected abstract void resolveProperties(DeserializationContext context) throws JsonMappingException;

    /**
     * Reads the object's properties, from the first one's name (the parser on it) to the closing brace.
     *
     * @param parser the parser, on the first property's name, or on the end of the object when {@code name} is null
     * @param context the context
     * @param name the first property's name, or null for an empty object
     * @return the value built
     * @throws IOException when the JSON is malformed or a value has the wrong type
     */
    protected abstract T read(JsonParser parser, DeserializationContext context, String name) throws IOException;

    /**
     * Moves to the next property's name, expecting the one that followed the previous property last time.
     *
     * @param parser the parser, on the previous property's value
     * @param previous the previous property's index, 0 at the start of the object
     * @return the next property's name, or null at the end of the object
     * @throws IOException when the JSON is malformed
     */
    protected final String nextName(JsonParser parser, int previous) throws IOException {
        SerializableString expected = following[previous];
        if (expected == null) {
            return parser.nextFieldName();
        }
        if (parser.nextFieldName(expected)) {
            return expected.getValue();
        }
        return parser.hasToken(JsonToken.FIELD_NAME) ? parser.currentName() : null;
    }

    /**
     * Records that the property {@code index} followed the property {@code previous}.
     *
     * @param previous the previous property's index, 0 at the start of the object
     * @param index the index of the property just read
     * @return {@code index}
     */
    protected final int learn(int previous, int index) {
        SerializableString name = names[index];
        if (following[previous] != name) {
            following[previous] = name;
        }
        return index;
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.POJO;
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    /**
     * @param context the context resolving this reader
     * @param type a property's type (an element's type for a list)
     * @return the deserializer Jackson uses for that type
     * @throws JsonMappingException when Jackson has none
     */
    protected static JsonDeserializer<Object> find(DeserializationContext context, TypeReference<?> type)
            throws JsonMappingException {
        return context.findContextualValueDeserializer(context.getTypeFactory().constructType(type), null);
    }

    /**
     * @param context the context resolving this reader
     * @param type a property's type, or a list's element type
     * @param list whether the property is a list of {@code type}
     * @return the deserializer Jackson uses for that type
     * @throws JsonMappingException when Jackson has none
     */
    protected static JsonDeserializer<Object> find(DeserializationContext context, Class<?> type, boolean list)
            throws JsonMappingException {
        TypeFactory types = context.getTypeFactory();
        JavaType javaType = list ? types.constructCollectionType(List.class, type) : types.constructType(type);
        return context.findContextualValueDeserializer(javaType, null);
    }

    /**
     * Adds a property's name to the path of an error raised while reading its value, as the bean deserializer does.
     *
     * @param failure the error
     * @param name the property's name
     * @return the error to throw
     */
    protected final JsonMappingException atProperty(Throwable failure, String name) {
        return JsonMappingException.wrapWithPath(failure, handledType(), name);
    }

    /**
     * Adds a list element's index to the path of an error raised while reading it, as the list deserializer does.
     *
     * @param failure the error
     * @param index the element's index
     * @return the error to throw
     */
    protected static JsonMappingException atIndex(Throwable failure, int index) {
        return JsonMappingException.wrapWithPath(failure, List.class, index);
    }

    /**
     * @param value a list element read
     * @param attribute the list's attribute
     * @return the element
     * @throws NullPointerException for a null element, with the message of the Immutables builder's own check
     */
    protected static <V> V element(V value, String attribute) {
        if (value == null) {
            throw new NullPointerException(attribute + " element");
        }
        return value;
    }

    /**
     * @return the value of the current token: a JSON string directly, anything else through the deserializer
     * @throws IOException when the deserializer refuses the token
     */
    protected static String readString(JsonParser parser, DeserializationContext context, JsonDeserializer<Object> type)
            throws IOException {
        return parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : read(parser, context, type);
    }

    /**
     * @return the value of the current token: a JSON integer in range directly, anything else through the deserializer
     * @throws IOException when the deserializer refuses the token
     */
    protected static Long readLong(JsonParser parser, DeserializationContext context, JsonDeserializer<Object> type)
            throws IOException {
        if (parser.hasToken(JsonToken.VALUE_NUMBER_INT)
                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        return read(parser, context, type);
    }

    /**
     * @return the value of the current token: a JSON integer in range directly, anything else through the deserializer
     * @throws IOException when the deserializer refuses the token
     */
    protected static Integer readInt(JsonParser parser, DeserializationContext context, JsonDeserializer<Object> type)
            throws IOException {
        if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        return read(parser, context, type);
    }

    /**
     * @return the value of the current token: a JSON boolean directly, anything else through the deserializer
     * @throws IOException when the deserializer refuses the token
     */
    protected static Boolean readBoolean(
            JsonParser parser, DeserializationContext context, JsonDeserializer<Object> type) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        return read(parser, context, type);
    }

    /**
     * @param of the open enumeration's factory of an integer code
     * @return the constant of the current token: a JSON integer in range directly, anything else through the
     *     deserializer (which calls the same factory, reflectively)
     * @throws IOException when the deserializer refuses the token
     */
    protected static <V> V readCode(
            IntFunction<V> of, JsonParser parser, DeserializationContext context, JsonDeserializer<Object> type)
            throws IOException {
        if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) && parser.getNumberType() == JsonParser.NumberType.INT) {
            return of.apply(parser.getIntValue());
        }
        return read(parser, context, type);
    }

    /**
     * @param of the open enumeration's factory of a text code
     * @return the constant of the current token: a JSON string directly, anything else through the deserializer
     *     (which calls the same factory, reflectively)
     * @throws IOException when the deserializer refuses the token
     */
    protected static <V> V readCode(
            Function<String, V> of, JsonParser parser, DeserializationContext context, JsonDeserializer<Object> type)
            throws IOException {
        return parser.hasToken(JsonToken.VALUE_STRING) ? of.apply(parser.getText()) : read(parser, context, type);
    }

    /**
     * @return the value of the current token through the deserializer, its null value for a JSON {@code null}
     * @throws IOException when the deserializer refuses the token
     */
    @SuppressWarnings("unchecked")
    protected static <V> V read(JsonParser parser, DeserializationContext context, JsonDeserializer<Object> type)
            throws IOException {
        return (V)
                (parser.hasToken(JsonToken.VALUE_NULL)
                        ? type.getNullValue(context)
                        : type.deserialize(parser, context));
    }
}
