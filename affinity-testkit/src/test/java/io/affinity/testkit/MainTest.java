package io.affinity.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void configuresTheServerFromOptions() {
    try (AffinityMockServer server = Main.parse(List.of("--port", "0", "--api-key", "cli-key",
        "--per-minute-limit", "7", "--monthly-limit", "100", "--dataset-size", "12")).start()) {
      Http http = new Http(server);
      assertEquals("cli-key", server.apiKey());
      var response = http.get("/persons");
      assertEquals("7", response.headers().firstValue("X-Ratelimit-Limit-User").orElseThrow());
      assertEquals("100", response.headers().firstValue("X-Ratelimit-Limit-Org").orElseThrow());
      assertEquals(true, response.body().contains("\"id\":" + (Dataset.PERSON_BASE + 12)));
    }
  }

  @Test
  void rejectsBadOptionsAndAnswersHelp() {
    assertNull(Main.parse(List.of("--help")));
    assertThrows(IllegalArgumentException.class, () -> Main.parse(List.of("--port")));
    assertThrows(IllegalArgumentException.class, () -> Main.parse(List.of("--port", "x")));
    assertThrows(IllegalArgumentException.class, () -> Main.parse(List.of("--frobnicate")));
  }
}
