package org.hubql.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.openqa.selenium.logging.LogEntry;

/**
 * Chromium's network events (its performance log) read back as one line per HTTP request: when it started, its method,
 * URL and the start of its body, then how it ended. Redirects are requests of their own.
 */
final class BrowserTraffic {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_SHOWN = 80;

    private final List<Exchange> exchanges = new ArrayList<>();
    private final Map<String, Exchange> open = new HashMap<>();

    private BrowserTraffic() {}

    static List<String> of(List<LogEntry> performanceLog) {
        BrowserTraffic traffic = new BrowserTraffic();
        performanceLog.forEach(entry -> traffic.read(entry.getMessage()));
        double start = traffic.exchanges.isEmpty() ? 0 : traffic.exchanges.get(0).started;
        return traffic.exchanges.stream().map(exchange -> exchange.line(start)).toList();
    }

    private void read(String message) {
        JsonNode event = parse(message).path("message");
        JsonNode params = event.path("params");
        String id = params.path("requestId").asText();
        switch (event.path("method").asText()) {
            case "Network.requestWillBeSent" -> sent(id, params);
            case "Network.responseReceived" -> ifOpen(id, exchange -> exchange.answered(params.path("response")));
            case "Network.loadingFinished" -> ifOpen(id, exchange -> exchange.finished(params.path("timestamp")));
            case "Network.loadingFailed" -> ifOpen(id, exchange -> exchange.failed(params));
            default -> {
                // other events say nothing about how a request ended
            }
        }
    }

    private void sent(String id, JsonNode params) {
        if (params.has("redirectResponse")) {
            ifOpen(id, exchange -> exchange.answered(params.path("redirectResponse")));
        }
        JsonNode request = params.path("request");
        if (!request.path("url").asText().startsWith("http")) {
            return; // the browser's own pages and inline data say nothing about the servers
        }
        Exchange exchange = new Exchange(
                params.path("timestamp").asDouble(),
                request.path("method").asText(),
                request.path("url").asText(),
                request.path("postData").asText(""));
        exchanges.add(exchange);
        open.put(id, exchange);
    }

    private void ifOpen(String id, Consumer<Exchange> update) {
        Exchange exchange = open.get(id);
        if (exchange != null) {
            update.accept(exchange);
        }
    }

    private static JsonNode parse(String message) {
        try {
            return JSON.readTree(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chromium logged an event that is not JSON: " + message, e);
        }
    }

    private static final class Exchange {
        final double started;
        final String method;
        final String url;
        final String body;
        String outcome = "no answer yet";
        double ended = Double.NaN;

        Exchange(double started, String method, String url, String body) {
            this.started = started;
            this.method = method;
            this.url = url;
            this.body = body.length() > BODY_SHOWN ? body.substring(0, BODY_SHOWN) + "…" : body;
        }

        void answered(JsonNode response) {
            outcome = response.path("status").asInt() + " "
                    + response.path("statusText").asText()
                    + (response.path("fromDiskCache").asBoolean() ? " (from the disk cache)" : "");
        }

        void finished(JsonNode timestamp) {
            ended = timestamp.asDouble();
        }

        void failed(JsonNode params) {
            outcome = (outcome.equals("no answer yet") ? "" : outcome + ", then ") + "failed: "
                    + params.path("errorText").asText()
                    + (params.path("canceled").asBoolean() ? " (canceled)" : "")
                    + (params.has("corsErrorStatus") ? " " + params.path("corsErrorStatus") : "");
            ended = params.path("timestamp").asDouble();
        }

        String line(double start) {
            String took = Double.isNaN(ended) ? "" : String.format(Locale.ROOT, " after %.3f s", ended - started);
            return String.format(
                    Locale.ROOT,
                    "+%.3f s %s %s%s → %s%s",
                    started - start,
                    method,
                    url,
                    body.isEmpty() ? "" : " " + body,
                    outcome,
                    took);
        }
    }
}
