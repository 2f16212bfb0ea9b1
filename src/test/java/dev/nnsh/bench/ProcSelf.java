package dev.nnsh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Linux process counters for benchmarks: minor page faults and peak resident memory (-1 where unreadable). */
final class ProcSelf {
    private ProcSelf() {}

    /** Field 10 of /proc/self/stat; the command name (field 2) may hold spaces, so count after its ')'. */
    static long minorFaults() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[7]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmHWM of /proc/self/status, in KiB. */
    static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
