package io.affinity.client;

import static io.affinity.client.RequestAssertions.assertJsonBody;
import static io.affinity.client.RequestAssertions.assertOnlyRequest;
import static io.affinity.client.RequestAssertions.assertRejectedBeforeSending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.affinity.client.RequestAssertions.Call;
import io.affinity.client.error.NotFoundException;
import io.affinity.client.error.UnsuccessfulOperationException;
import io.affinity.model.CreateWebhookSubscriptionRequest;
import io.affinity.model.UpdateWebhookSubscriptionRequest;
import io.affinity.model.WebhookEventType;
import io.affinity.model.WebhookSubscription;
import io.affinity.testkit.RecordedRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

class WebhooksTest extends ResourceTest {

    @Test
    void listsEverySubscription() {
        List<WebhookSubscription> subscriptions =
                client.webhooks().list().collectList().block(TIMEOUT);

        assertEquals(
                List.of(1234L, 2345L),
                subscriptions.stream().map(WebhookSubscription::id).toList());
        assertEquals(
                List.of(
                        WebhookEventType.LIST_CREATED,
                        WebhookEventType.PERSON_CREATED,
                        WebhookEventType.ORGANIZATION_CREATED,
                        WebhookEventType.OPPORTUNITY_CREATED),
                subscriptions.get(0).subscriptions());
        assertEquals(List.of(), subscriptions.get(1).subscriptions(), "all events");
        assertOnlyRequest(server, "getWebhookSubscriptions", Map.of());
    }

    @Test
    void getsOneSubscription() {
        WebhookSubscription subscription = client.webhooks().get(1234).block(TIMEOUT);

        assertEquals(1234, subscription.id());
        assertEquals(URI.create("https://hooks.example.com/webhook"), subscription.webhookUrl());
        assertEquals(
                "/webhook/1234",
                assertOnlyRequest(server, "getWebhookSubscription", Map.of()).path());
    }

    @Test
    void aMissingSubscriptionIsNotFound() {
        server.override("getWebhookSubscription", 99, 404, "{\"errors\":[\"Webhook subscription not found\"]}");

        StepVerifier.create(client.webhooks().get(99))
                .expectError(NotFoundException.class)
                .verify(TIMEOUT);
    }

    @Test
    void createsASubscriptionSendingOnlyWhatWasSet() {
        WebhookSubscription created = client.webhooks()
                .create(CreateWebhookSubscriptionRequest.builder()
                        .webhookUrl(URI.create("https://hooks.example.com/webhook"))
                        .build())
                .block(TIMEOUT);

        assertEquals(1234, created.id());
        assertJsonBody(
                "{\"webhook_url\":\"https://hooks.example.com/webhook\"}",
                assertOnlyRequest(server, "createWebhookSubscription", Map.of()));

        server.reset();
        client.webhooks()
                .create(CreateWebhookSubscriptionRequest.builder()
                        .webhookUrl(URI.create("https://hooks.example.com/webhook"))
                        .subscriptions(List.of(WebhookEventType.FILE_CREATED, WebhookEventType.FILE_DELETED))
                        .build())
                .block(TIMEOUT);
        assertJsonBody(
                "{\"webhook_url\":\"https://hooks.example.com/webhook\","
                        + "\"subscriptions\":[\"file.created\",\"file.deleted\"]}",
                assertOnlyRequest(server, "createWebhookSubscription", Map.of()));
    }

    @Test
    void updatesASubscription() {
        WebhookSubscription updated = client.webhooks()
                .update(
                        1234,
                        UpdateWebhookSubscriptionRequest.builder()
                                .disabled(true)
                                .subscriptions(List.of())
                                .build())
                .block(TIMEOUT);

        assertTrue(updated.disabled());
        RecordedRequest update = assertOnlyRequest(server, "updateWebhookSubscription", Map.of());
        assertEquals("/webhook/1234", update.path());
        assertJsonBody("{\"disabled\":true,\"subscriptions\":[]}", update);
    }

    @Test
    void deletesASubscription() {
        StepVerifier.create(client.webhooks().delete(1234)).verifyComplete();

        assertEquals(
                "/webhook/1234",
                assertOnlyRequest(server, "deleteWebhookSubscription", Map.of()).path());
    }

    @Test
    void anUnsuccessfulDeleteFails() {
        server.override("deleteWebhookSubscription", 200, "{\"success\": false}");

        StepVerifier.create(client.webhooks().delete(1234))
                .expectError(UnsuccessfulOperationException.class)
                .verify(TIMEOUT);
        assertFalse(server.journal().requests().isEmpty());
    }

    static Stream<Call> invalidCalls() {
        return Stream.of(
                new Call("get 0", c -> c.webhooks().get(0), "webhookSubscriptionId"),
                new Call("create null", c -> c.webhooks().create(null), "request"),
                new Call(
                        "create with a relative URL",
                        c -> c.webhooks()
                                .create(CreateWebhookSubscriptionRequest.builder()
                                        .webhookUrl(URI.create("/webhook"))
                                        .build()),
                        "webhookUrl"),
                new Call(
                        "create with an ftp URL",
                        c -> c.webhooks()
                                .create(CreateWebhookSubscriptionRequest.builder()
                                        .webhookUrl(URI.create("ftp://hooks.example.com/x"))
                                        .build()),
                        "webhookUrl"),
                new Call(
                        "update -1",
                        c -> c.webhooks()
                                .update(
                                        -1,
                                        UpdateWebhookSubscriptionRequest.builder()
                                                .disabled(true)
                                                .build()),
                        "webhookSubscriptionId"),
                new Call("update null", c -> c.webhooks().update(1, null), "request"),
                new Call(
                        "update to a URL without host",
                        c -> c.webhooks()
                                .update(
                                        1,
                                        UpdateWebhookSubscriptionRequest.builder()
                                                .webhookUrl(URI.create("mailto:a@b.c"))
                                                .build()),
                        "webhookUrl"),
                new Call("delete 0", c -> c.webhooks().delete(0), "webhookSubscriptionId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void rejectsInvalidArgumentsBeforeSending(Call call) {
        assertRejectedBeforeSending(server, client, call);
    }
}
