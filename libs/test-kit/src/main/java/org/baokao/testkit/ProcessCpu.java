package org.baokao.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from {@code /proc}: a component of the running stack (its JVM, found from {@code .baokao/run/NAME.pid})
 * and the whole machine, so a round can say what each process cost per request and how much of the machine
 * others (other engineers' builds and tests on the shared cores) took meanwhile. Benchmarks that measure the running
 * stack share it: the gateway's ({@code ./baokao bench gateway}) and the registration day's ({@code ./baokao bench day}).
 */
public final class ProcessCpu {

    /** USER_HZ: 100 on every Linux this runs on (proc(5)). */
    public static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** The pid of a stack component's process, as {@code ./baokao} wrote it. */
    public static long pidOf(String component) {
        Path file = StackTable.repository().resolve(".baokao/run/" + component + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(file).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .orElseThrow(() -> new IllegalStateException(component + " (pid " + pid + ") is not running"))
                    .pid();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + file + ": is the stack up (./baokao up)?", e);
        }
    }

    /** User + system CPU seconds a process used so far. */
    public static double secondsOf(long pid) {
        return secondsIn(read(Path.of("/proc/" + pid + "/stat")));
    }

    /**
     * User + system CPU seconds the live processes of a process group used so far: {@code ./baokao} starts each
     * component in a session of its own whose id is the pid it writes, so a launcher script and the JVM it started
     * (Keycloak's) count together.
     */
    public static double groupSecondsOf(long processGroup) {
        double seconds = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    // fields[2] is field 5 of proc(5): the process group
                    if (Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]) == processGroup) {
                        seconds += secondsIn(stat);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seconds;
    }

    /**
     * CPU seconds a JVM's JIT compiler threads ({@code C1/C2 CompilerThread}) used so far: a round in which they
     * are busy measures code that is still being compiled, not the gateway's steady cost.
     */
    public static double compilerSecondsOf(long pid) {
        try (var threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return threads.mapToDouble(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    return name.matches("C[12] Compiler.*") ? secondsIn(stat) : 0;
                } catch (IOException e) {
                    return 0; // the thread ended meanwhile
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double secondsIn(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 of proc(5): utime is field 14, stime 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds the local stack's PostgreSQL used so far: its postmaster (named in its data directory's
     * {@code postmaster.pid}), the backends it forked (one per pooled connection) and, through the postmaster's
     * children's times, those that ended.
     */
    public static double postgresSeconds() {
        Path pidFile = StackTable.repository().resolve(".baokao/data/postgres/postmaster.pid");
        long postmaster = Long.parseLong(read(pidFile).lines().findFirst().orElseThrow().strip());
        double seconds = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    long pid = Long.parseLong(process.getFileName().toString());
                    // fields[1] is field 4 of proc(5): the parent's pid
                    long parent = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                    if (pid == postmaster) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // cutime and cstime (fields 16 and 17 of proc(5)): the backends it has reaped
                        seconds += secondsIn(stat)
                                + (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND;
                    } else if (parent == postmaster) {
                        seconds += secondsIn(stat);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seconds;
    }

    /** CPU seconds the whole machine was busy so far, all cores together (everything but idle and iowait). */
    public static double machineBusySeconds() {
        String[] cpu = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < cpu.length && i <= 7; i++) {
            if (i != 4 && i != 5) { // idle, iowait; steal (8) is other virtual machines' time
                busy += Long.parseLong(cpu[i]);
            }
        }
        return busy / TICKS_PER_SECOND;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
