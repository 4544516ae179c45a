package io.affinity.model.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * Reads an {@link OffsetDateTime} with {@link OffsetDateTimes} when the text has the API's shape, and with
 * the {@code JavaTimeModule}'s deserializer otherwise (other shapes, numbers, and the error messages).
 */
final class OffsetDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {

    private static final long serialVersionUID = 1L;

    private final transient JsonDeserializer<OffsetDateTime> fallback;

    OffsetDateTimeDeserializer(JsonDeserializer<OffsetDateTime> fallback) {
        super(OffsetDateTime.class);
        this.fallback = fallback;
    }

    @Override
    public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            OffsetDateTime parsed = OffsetDateTimes.parse(parser.getText());
            if (parsed != null) {
                return parsed;
            }
        }
        return fallback.deserialize(parser, context);
    }
}
