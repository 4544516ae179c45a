package io.affinity.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A tiny java.net.http client for the tests: real HTTP over loopback. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final AffinityMockServer server;

    Http(AffinityMockServer server) {
        this.server = server;
    }

    /** Basic-auth header value for a key, with an empty user name. */
    static String basic(String key) {
        return "Basic " + Base64.getEncoder().encodeToString((":" + key).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> send(String method, String pathAndQuery, String contentType, String body) {
        HttpRequest.Builder builder = request(pathAndQuery);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(builder.build());
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", basic(server.apiKey()));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends on a new connection (so the JDK client does not silently retry a GET on a pooled connection that broke) and
     * returns the response or the IOException.
     */
    static Object sendOrFailure(HttpRequest request) {
        HttpClient fresh =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            return fresh.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
