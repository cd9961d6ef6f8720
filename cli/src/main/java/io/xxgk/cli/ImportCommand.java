package io.xxgk.cli;

import io.xxgk.client.Event;
import io.xxgk.client.IngestRefused;
import io.xxgk.client.XxgkClient;
import io.xxgk.importers.AccessLogImporter;
import io.xxgk.importers.DatacubeImporter;
import io.xxgk.importers.FileImport;
import io.xxgk.importers.Importer;
import io.xxgk.importers.Problem;
import io.xxgk.importers.RunningTotalsImporter;
import io.xxgk.importers.SpreadsheetImporter;
import io.xxgk.registry.Channel;
import io.xxgk.registry.Org;
import io.xxgk.stack.StackEnv;
import io.xxgk.stack.StackException;
import io.xxgk.stack.StackKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code ./xxgk import KIND FILE...}: files to events, sent through ingest with the adapter kit.
 * Every file is read and checked first; a file with bad rows imports nothing unless
 * {@code --skip-bad-rows}. Ids come from the records, so importing the same files again changes
 * no figure.
 */
@Command(name = "import", description = "Import files: spreadsheet (CSV/XLSX of published items), wechat-datacube (JSON), "
        + "access-log (combined format, .gz too), running-totals (Weibo/Douyin CSV/XLSX).")
final class ImportCommand implements Callable<Integer> {

    enum Kind { SPREADSHEET, WECHAT_DATACUBE, ACCESS_LOG, RUNNING_TOTALS }

    private static final int PROGRESS_WIDTH = 30;

    @CommandLine.Mixin
    Xxgk.Target target = new Xxgk.Target();

    @Parameters(index = "0", description = "spreadsheet, wechat-datacube, access-log or running-totals", converter = KindConverter.class)
    Kind kind;

    @Parameters(index = "1..*", arity = "1..*", description = "the files")
    List<Path> files;

    @Option(names = "--org", description = "the org the files are of (default: the demo org)")
    String org;

    @Option(names = "--token", description = "an adapter token of the org that may write the channels (default: the demo token)")
    String token;

    @Option(names = "--channel", description = "the channel of wechat-datacube (default wechat) or access-log (default website) files")
    String channel;

    @Option(names = "--item-pattern", description = "access-log: the pages that are items, the first group the item id "
            + "(default: " + AccessLogImporter.DEFAULT_ITEM_PATTERN + ")")
    String itemPattern = AccessLogImporter.DEFAULT_ITEM_PATTERN;

    @Option(names = "--skip-bad-rows", description = "import the good rows of files that have bad ones")
    boolean skipBadRows;

    static final class KindConverter implements CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return Kind.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        StackEnv env = target.env();
        String orgId = org != null ? org : env.find(StackKeys.DEMO_ORG).orElseThrow(() -> new StackException("give --org"));
        Org owner;
        try (RegistryClient client = RegistryClient.connect(env)) {
            owner = client.read().org(orgId).orElseThrow(() -> new StackException("no org " + orgId + " (./xxgk org list)"));
        }
        Importer importer = importer(owner);

        List<Event> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        long rows = 0;
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                throw new StackException("cannot read " + file);
            }
            long size = Files.size(file);
            FileImport read = importer.read(file, bytes -> bar("reading " + file.getFileName(), bytes, size));
            if (size >= 1 << 20) {
                bar("reading " + file.getFileName(), size, size);
            }
            System.out.printf("%s: %d rows, %d events, %d bad rows%n", read.file(), read.rows(), read.events().size(), read.problems().size());
            rows += read.rows();
            events.addAll(read.events());
            problems.addAll(read.problems());
        }
        problems.forEach(System.err::println);
        if (!problems.isEmpty() && !skipBadRows) {
            System.err.printf("nothing imported: %d bad rows (fix them, or --skip-bad-rows to import the %d good events)%n",
                    problems.size(), events.size());
            return 1;
        }
        String bearer = token != null ? token : env.find(StackKeys.DEMO_TOKEN).orElseThrow(() -> new StackException("give --token"));
        long accepted = send(XxgkClient.builder(env.get(StackKeys.INGEST_URL), bearer).batchEvents(1000).build(), events);
        System.out.printf("imported %d events from %d rows of %d files into org %s%s; importing them again changes nothing%n",
                accepted, rows, files.size(), orgId, problems.isEmpty() ? "" : " (" + problems.size() + " bad rows skipped)");
        return 0;
    }

    private Importer importer(Org owner) {
        ZoneId zone = owner.zone();
        Map<String, String> channels = new HashMap<>();
        for (Channel c : owner.channels()) {
            channels.put(c.id(), c.id());
            channels.put(c.name(), c.id());
        }
        return switch (kind) {
            case SPREADSHEET -> new SpreadsheetImporter(channels, zone);
            case RUNNING_TOTALS -> new RunningTotalsImporter(channels, zone);
            case WECHAT_DATACUBE -> new DatacubeImporter(channel(owner, "wechat"), zone);
            case ACCESS_LOG -> new AccessLogImporter(channel(owner, "website"), itemPattern, zone);
        };
    }

    private String channel(Org owner, String fallback) {
        String id = channel != null ? channel : fallback;
        if (owner.channel(id).isEmpty()) {
            throw new StackException("org " + owner.id() + " has no channel " + id + " (--channel)");
        }
        return id;
    }

    /** In slices, with a progress bar: a year of access logs is hundreds of thousands of events. */
    private static long send(XxgkClient client, List<Event> events) throws InterruptedException {
        long accepted = 0;
        int slice = 5_000;
        for (int from = 0; from < events.size(); from += slice) {
            try {
                accepted += client.send(events.subList(from, Math.min(events.size(), from + slice))).accepted();
            } catch (IngestRefused refused) {
                throw new StackException("ingest refused a batch after " + (accepted + refused.acceptedBefore()) + " events: "
                        + refused.problem());
            }
            bar("sending", accepted, events.size());
        }
        return accepted;
    }

    /** A progress bar on one line, ended when full. */
    private static void bar(String what, long done, long total) {
        int filled = (int) (PROGRESS_WIDTH * done / Math.max(1, total));
        System.out.printf("\r%s [%s%s] %3d%%", what, "#".repeat(filled), " ".repeat(PROGRESS_WIDTH - filled), 100 * done / Math.max(1, total));
        if (done >= total) {
            System.out.println();
        }
    }
}
