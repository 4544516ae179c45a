package io.affinity.model.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.affinity.model.CreateReminderRequest;
import io.affinity.model.ReminderType;
import io.affinity.model.UpdateReminderRequest;
import io.affinity.model.json.AffinityJson;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reminder requests can send a plain date, as the reference's own example does, or a date-time. */
class DateOrDateTimeTest {

    private final ObjectMapper mapper = AffinityJson.newObjectMapper();

    @Test
    void theReferenceExampleReadsAndWritesAPlainDate() throws Exception {
        String reference = "{\"owner_id\": 443, \"person_id\": 2021, \"type\": 0, \"due_date\": \"2021-11-30\","
                + " \"content\": \"Create reminder from external API.\"}";
        CreateReminderRequest request = mapper.readValue(reference, CreateReminderRequest.class);
        assertEquals(Optional.of(LocalDate.of(2021, 11, 30)), request.dueDate().flatMap(DateOrDateTime::date));
        assertEquals(mapper.readTree(reference), mapper.readTree(mapper.writeValueAsString(request)));
    }

    @Test
    void aRequestCanSendADateOrADateTime() {
        CreateReminderRequest request = CreateReminderRequest.builder()
                .ownerId(443L)
                .type(ReminderType.ONE_TIME)
                .dueDate(DateOrDateTime.of(LocalDate.of(2021, 11, 30)))
                .build();
        assertEquals("2021-11-30", mapper.valueToTree(request).get("due_date").asText());
        UpdateReminderRequest update = UpdateReminderRequest.builder()
                .dueDate(DateOrDateTime.of(OffsetDateTime.parse("2021-11-30T08:00:00-08:00")))
                .build();
        assertEquals(
                "2021-11-30T08:00:00-08:00",
                mapper.valueToTree(update).get("due_date").asText());
    }

    @Test
    void parsesBothShapesAndRejectsOthers() {
        assertTrue(DateOrDateTime.parse("2021-11-30").isDate());
        DateOrDateTime time = DateOrDateTime.parse("2021-11-30T08:00:00.5Z");
        assertFalse(time.isDate());
        assertEquals("2021-11-30T08:00:00.5Z", time.toString());
        assertEquals(DateOrDateTime.parse("2021-11-30"), DateOrDateTime.of(LocalDate.of(2021, 11, 30)));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DateOrDateTime.parse("30/11/2021"));
        assertTrue(e.getMessage().startsWith("text"), e.getMessage());
    }
}
