package org.fairdial.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A test's /events reader: collects every event's JSON data on its own thread. */
final class EventStreamClient implements AutoCloseable {
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile Stream<String> lines;

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.lines = response.body();
        reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects with {@code token} in the query (as an EventSource does); fails unless the answer is 200. */
    static EventStreamClient open(HttpClient http, URI base, String token) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(base.resolve("/events?token="
                + token)).build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IOException("/events answered " + response.statusCode());
        }
        return new EventStreamClient(response);
    }

    private void read() {
        try {
            lines.forEach(line -> {
                if (line.startsWith("data: ")) {
                    try {
                        events.add(Json.mapper().readTree(line.substring(6)));
                    } catch (IOException e) {
                        throw new IllegalStateException("not JSON: " + line, e);
                    }
                }
            });
        } catch (RuntimeException closed) {
            // the stream ends when the test closes it or the server stops
        }
    }

    List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Waits for an event matching {@code what}; fails the test after {@code timeout}. */
    JsonNode await(String description, Duration timeout, Predicate<JsonNode> what) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            for (JsonNode event : events) {
                if (what.test(event)) {
                    return event;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + description + " event within " + timeout + "; got " + events);
    }

    @Override
    public void close() {
        lines.close();
    }
}
