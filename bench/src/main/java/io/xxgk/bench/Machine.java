package io.xxgk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on, printed with them. */
record Machine(int cores, String cpu, long memoryGiB, String java) {

    static Machine here() {
        String cpu = "unknown CPU";
        long memoryKiB = 0;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
            memoryKiB = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException e) {
            // not Linux: the cores and Java version still say something
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu, Math.round(memoryKiB / 1024.0 / 1024.0),
                Runtime.version().toString());
    }

    @Override
    public String toString() {
        return cores + " cores (" + cpu + "), " + memoryGiB + " GiB, Java " + java;
    }

    /** Resident and peak resident memory of a process, in MiB. */
    static long[] rssMiB(long pid) {
        try {
            long rss = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            return new long[] {rss, peak};
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
    }

    /** The CPU time a process has used so far (user and system, from /proc), in seconds; -1 when it cannot be read. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command (field 2) may hold spaces: fields are counted from the ')' that closes it; utime and stime are 14 and 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Linux's USER_HZ, which /proc's times count in: 100 on every architecture Java runs on. */
    private static final int CLOCK_TICKS = 100;
}
