package io.xxgk.support.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body, before anything reads it: Spring MVC reads a JSON body of any size into
 * memory. A declared length over the cap is answered 413 problem+json at once; a body without a
 * length (chunked) is cut off when it passes the cap, so that reading it fails (400).
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Counter refused;

    BodySizeLimitFilter(long maxBytes, MeterRegistry meters) {
        this.maxBytes = maxBytes;
        this.refused = Counter.builder("xxgk.http.requests.too.large").description("Requests refused for a body over xxgk.http.max-body-size")
                .register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refused.increment();
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"type\":\"/problems/too-large\",\"title\":\"Request too large\",\"status\":413,"
                    + "\"detail\":\"the body may be at most " + maxBytes + " bytes; this one is " + request.getContentLengthLong() + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Capped(request, maxBytes) : request, response);
    }

    /** A request whose body stream ends in an error after {@code maxBytes}. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long maxBytes;

        Capped(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > maxBytes) {
                        throw new IOException("request body over " + maxBytes + " bytes");
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
