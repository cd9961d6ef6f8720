package io.xxgk.bench;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch bodies of distinct events, made cheaply on the load generator's side of a shared machine:
 * one prepared batch whose event ids hold a fixed-width mark, filled with the request's number.
 * Every request thus carries new events (nothing is a re-send the pipeline may skip).
 */
final class Bodies {

    private static final String MARK = "##########";

    private final byte[] template;
    private final int[] marks;

    private Bodies(byte[] template, int[] marks) {
        this.template = template;
        this.marks = marks;
    }

    /** A batch of {@code size} events of the realistic mix, ids prefixed {@code prefix}. */
    static Bodies batchOf(int size, String prefix) {
        return of("[" + String.join(",", mix(size, prefix)) + "]");
    }

    /** One event (a structured CloudEvent, not a batch), as a webhook sends it. */
    static Bodies eventOf(String prefix) {
        return of(mix(1, prefix).getFirst());
    }

    private static Bodies of(String json) {
        byte[] template = json.getBytes(StandardCharsets.UTF_8);
        byte[] mark = MARK.getBytes(StandardCharsets.UTF_8);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i + mark.length <= template.length; i++) {
            if (template[i] == '#' && java.util.Arrays.equals(template, i, i + mark.length, mark, 0, mark.length)) {
                found.add(i);
                i += mark.length - 1;
            }
        }
        return new Bodies(template, found.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The body of request {@code n}: the batch with n in every id. */
    byte[] body(long n) {
        byte[] body = template.clone();
        byte[] digits = String.format("%010d", n).getBytes(StandardCharsets.US_ASCII);
        for (int mark : marks) {
            System.arraycopy(digits, 0, body, mark, digits.length);
        }
        return body;
    }

    /**
     * A realistic mix: mostly views, some publications and running totals, over 5000 items of
     * five channels, in the last month (structured CloudEvents, ids {@code prefix-MARK-i}).
     */
    static List<String> mix(int count, String prefix) {
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(30);
        String[] channels = {"website", "wechat", "weibo", "newspaper", "douyin"};
        List<String> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String channel = channels[i % channels.length];
            String item = "item-" + (i % 5000);
            String time = base.plusSeconds(i).toString();
            String data = switch (i % 10) {
                case 0 -> "{\"channel\":\"%s\",\"itemId\":\"%s\",\"title\":\"关于2024年度信息公开工作的通知第%d号\",\"category\":%d,\"department\":\"党政办公室\",\"original\":true}"
                        .formatted(channel, item, i, 1 + i % 50);
                case 1 -> "{\"channel\":\"%s\",\"itemId\":\"%s\",\"totalViews\":%d,\"totalReaders\":%d}".formatted(channel, item, i * 3, i);
                default -> "{\"channel\":\"%s\",\"itemId\":\"%s\",\"views\":%d,\"readers\":%d}".formatted(channel, item, 1 + i % 20, 1 + i % 7);
            };
            String type = switch (i % 10) {
                case 0 -> "xxgk.item.published";
                case 1 -> "xxgk.item.stats";
                default -> "xxgk.item.viewed";
            };
            events.add("{\"specversion\":\"1.0\",\"id\":\"%s-%s-%d\",\"source\":\"/bench/%s\",\"type\":\"%s\",\"time\":\"%s\",\"subject\":\"%s\",\"datacontenttype\":\"application/json\",\"data\":%s}"
                    .formatted(prefix, MARK, i, channel, type, time, item, data));
        }
        return events;
    }
}
