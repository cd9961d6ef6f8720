package io.xxgk.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Requests to a dashboard under test as one user (HTTP Basic), or as nobody when user is null. */
public record DashboardClient(int port, String user, String password) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public DashboardClient as(String user, String password) {
        return new DashboardClient(port, user, password);
    }

    public DashboardClient anonymous() {
        return new DashboardClient(port, null, null);
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return get(path, "application/json");
    }

    public HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(request(path).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> download(String path, String accept) throws Exception {
        return HTTP.send(request(path).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> put(String path, String json) throws Exception {
        return send("PUT", path, json);
    }

    /** A request with a JSON body, or none when {@code json} is null. */
    public HttpResponse<String> send(String method, String path, String json) throws Exception {
        return HTTP.send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
