package io.affinity.model.value;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a {@link FieldValueData} from its JSON shape. */
final class FieldValueDataDeserializer extends StdDeserializer<FieldValueData> {

    private static final Set<String> LOCATION_KEYS = Set.of("street_address", "city", "state", "country", "continent");

    FieldValueDataDeserializer() {
        super(FieldValueData.class);
    }

    @Override
    public FieldValueData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return fromNode(parser.readValueAsTree());
    }

    private static FieldValueData fromNode(JsonNode node) {
        if (node.isTextual()) {
            OffsetDateTime dateTime = FieldValueResolver.parseDateTime(node.textValue());
            return dateTime != null
                    ? new FieldValueData.DateValue(dateTime)
                    : new FieldValueData.TextValue(node.textValue());
        }
        if (node.isNumber()) {
            return new FieldValueData.NumberValue(node.decimalValue());
        }
        if (node.isArray()) {
            List<FieldValueData> values = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                values.add(element.isNull() ? new FieldValueData.Raw(element) : fromNode(element));
            }
            return new FieldValueData.Multiple(values);
        }
        if (node.isObject()
                && node.path("id").isIntegralNumber()
                && node.path("text").isTextual()) {
            return new FieldValueData.RankedDropdown(
                    node.get("id").longValue(),
                    node.get("text").textValue(),
                    optionalInt(node.get("rank")),
                    optionalInt(node.get("color")));
        }
        if (node.isObject() && isLocation(node)) {
            return new FieldValueData.LocationValue(
                    optionalText(node.get("street_address")),
                    optionalText(node.get("city")),
                    optionalText(node.get("state")),
                    optionalText(node.get("country")),
                    optionalText(node.get("continent")));
        }
        return new FieldValueData.Raw(node);
    }

    private static boolean isLocation(JsonNode node) {
        if (node.isEmpty()) {
            return false;
        }
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode part = node.get(name);
            if (!LOCATION_KEYS.contains(name) || !(part.isTextual() || part.isNull())) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Integer> optionalInt(JsonNode node) {
        return node == null || !node.isIntegralNumber() ? Optional.empty() : Optional.of(node.intValue());
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node == null || !node.isTextual() ? Optional.empty() : Optional.of(node.textValue());
    }
}
