package io.xxgk.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Plain HTTP to the ingest service under test, as an adapter would send it. */
record IngestClient(HttpClient http, int port) {

    IngestClient(int port) {
        this(HttpClient.newHttpClient(), port);
    }

    HttpResponse<String> post(String contentType, String token, String body) throws Exception {
        return post(contentType, token, body, Map.of());
    }

    HttpResponse<String> post(String contentType, String token, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String event(String id, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test/cms","type":"%s","time":"2024-03-01T09:00:00+08:00","data":%s}"""
                .formatted(id, type, data);
    }

    static String published(String id, String channel) {
        return event(id, "xxgk.item.published", "{\"channel\":\"%s\",\"itemId\":\"%s\",\"title\":\"通知\",\"category\":6}".formatted(channel, id));
    }
}
