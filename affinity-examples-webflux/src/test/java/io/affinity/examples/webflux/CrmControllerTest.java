package io.affinity.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.affinity.model.CreatePersonRequest;
import io.affinity.model.Person;
import io.affinity.model.json.AffinityJson;
import io.affinity.testkit.AffinityMockServer;
import io.affinity.testkit.Dataset;
import io.affinity.testkit.Failure;
import io.affinity.testkit.spring.WithAffinityMockServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sample over real HTTP: WebTestClient → the app's WebFlux server → the starter's client → the testkit's fake,
 * per-method test instances (JUnit's default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithAffinityMockServer
class CrmControllerTest {

    @LocalServerPort
    int port;

    @Autowired
    AffinityMockServer server;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void streamsPersonsPageByPage() {
        server.seed(Dataset.builder().persons(1_234).build());

        List<Person> persons = http.get()
                .uri("/api/persons?limit=1234")
                .accept(MediaType.APPLICATION_NDJSON)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(Person.class)
                .getResponseBody()
                .collectList()
                .block();

        assertThat(persons).hasSize(1_234);
        assertThat(persons.get(0).id()).isEqualTo(Dataset.PERSON_BASE + 1);
        assertThat(server.journal().count("searchPersons")).isEqualTo(3); // 500 + 500 + 234
    }

    @Test
    void countsListEntries() {
        server.seed(Dataset.builder().persons(50).lists(2, 321).build());

        http.get()
                .uri("/api/lists/{id}/entries/count", Dataset.LIST_BASE + 1)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.entries")
                .isEqualTo(321)
                .jsonPath("$.listId")
                .isEqualTo(Dataset.LIST_BASE + 1);
    }

    @Test
    void returnsSdkTypesAsAffinityJsonWritesThem() throws Exception {
        byte[] body = http.get()
                .uri("/api/persons/{id}", 1)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        var jackson2 = AffinityJson.newObjectMapper();
        Person person = jackson2.readValue(body, Person.class);
        assertThat(jackson2.readTree(body)).isEqualTo(jackson2.readTree(jackson2.writeValueAsBytes(person)));
    }

    @Test
    void acceptsSdkTypesAsRequestBodies() {
        CreatePersonRequest request = CreatePersonRequest.builder()
                .firstName("Ada")
                .lastName("Lovelace")
                .addEmails("ada@example.com")
                .build();
        http.post()
                .uri("/api/persons")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Person.class)
                .value(person -> assertThat(person.id()).isNotNull());
        assertThat(server.journal().requests("createPerson").get(0).body())
                .contains("\"first_name\":\"Ada\"")
                .doesNotContain("null");
    }

    @Test
    void aNotFoundIsA404() {
        server.failNext("getPerson", 1, Failure.status(404));
        http.get().uri("/api/persons/{id}", 99).exchange().expectStatus().isNotFound();
    }

    @Test
    void showsTheClientInHealthAndItsCallsInMetrics() {
        http.get().uri("/api/persons/{id}", 1).exchange().expectStatus().isOk();

        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.affinity.status")
                .isEqualTo("UP")
                .jsonPath("$.components.affinity.details.userRateLimit")
                .exists();
        http.get()
                .uri("/actuator/metrics/affinity.client.requests?tag={tag}", "operation:/persons/{person_id}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.measurements[0].value")
                .value(count -> assertThat(((Number) count).doubleValue()).isGreaterThanOrEqualTo(1.0));
        http.get()
                .uri("/actuator/metrics/affinity.client.calls.in-flight")
                .exchange()
                .expectStatus()
                .isOk();
    }
}
