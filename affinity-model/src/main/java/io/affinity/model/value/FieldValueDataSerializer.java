package io.affinity.model.value;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Optional;

/** Writes a {@link FieldValueData} back in the JSON shape of its variant. */
final class FieldValueDataSerializer extends StdSerializer<FieldValueData> {

    FieldValueDataSerializer() {
        super(FieldValueData.class);
    }

    @Override
    public void serialize(FieldValueData value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value instanceof FieldValueData.TextValue v) {
            gen.writeString(v.text());
        } else if (value instanceof FieldValueData.DropdownText v) {
            gen.writeString(v.text());
        } else if (value instanceof FieldValueData.NumberValue v) {
            gen.writeNumber(v.number());
        } else if (value instanceof FieldValueData.PersonId v) {
            gen.writeNumber(v.id());
        } else if (value instanceof FieldValueData.OrganizationId v) {
            gen.writeNumber(v.id());
        } else if (value instanceof FieldValueData.DateValue v) {
            gen.writeString(FieldValueResolver.formatDateTime(v.dateTime()));
        } else if (value instanceof FieldValueData.RankedDropdown v) {
            gen.writeStartObject();
            gen.writeNumberField("id", v.id());
            gen.writeStringField("text", v.text());
            writeOptional(gen, "rank", v.rank());
            writeOptional(gen, "color", v.color());
            gen.writeEndObject();
        } else if (value instanceof FieldValueData.LocationValue v) {
            gen.writeStartObject();
            writeOptional(gen, "street_address", v.streetAddress());
            writeOptional(gen, "city", v.city());
            writeOptional(gen, "state", v.state());
            writeOptional(gen, "country", v.country());
            writeOptional(gen, "continent", v.continent());
            gen.writeEndObject();
        } else if (value instanceof FieldValueData.Multiple v) {
            gen.writeStartArray();
            for (FieldValueData element : v.values()) {
                serialize(element, gen, provider);
            }
            gen.writeEndArray();
        } else if (value instanceof FieldValueData.Raw v) {
            gen.writeTree(v.json());
        }
    }

    private static void writeOptional(JsonGenerator gen, String name, Optional<?> value) throws IOException {
        if (value.isPresent()) {
            gen.writeObjectField(name, value.get());
        }
    }
}
