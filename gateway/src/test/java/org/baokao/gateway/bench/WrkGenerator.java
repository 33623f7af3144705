package org.baokao.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.baokao.testkit.ProcessCpu;

/**
 * wrk (Debian's package; {@code ./baokao bench gateway} installs it when missing): a C load generator on epoll,
 * one thread for all connections. Its latencies (microseconds) and error counts come from a Lua {@code done}
 * hook, exact instead of wrk's rounded text; its CPU from the shell that ran it ({@code /proc/self/stat}: the
 * user and system time of the children it waited for). Each request poses as another client (a Lua
 * {@code request} hook, see {@link ManyClients}), so the gateway's per-address rate limit sees a crowd, as on
 * registration day, rather than one address that it would soon answer with 429.
 */
final class WrkGenerator implements LoadGenerator {

    private static final Pattern RESULT = Pattern.compile("(?m)^WRK (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)$");
    private static final String HOOKS = """
            init = function(args)
              math.randomseed(os.time())
            end
            request = function()
              local n = math.random(0, LAST)
              return wrk.format(nil, nil, {["HEADER"] = string.format("FORMAT", ARGUMENTS), ["Cookie"] = "COOKIE"})
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("WRK %d %d %d %d %d\\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(99), e.status + e.connect + e.read + e.write + e.timeout))
            end
            """;

    private final int threads;

    WrkGenerator(int threads) throws IOException {
        this.threads = threads;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/wrk"));
    }

    @Override
    public Round run(String url, ManyClients crowd, int connections, Duration duration) throws Exception {
        Path script = Files.createTempFile("gateway-bench", ".lua");
        script.toFile().deleteOnExit();
        Files.writeString(script, HOOKS.replace("LAST", String.valueOf(ManyClients.COUNT - 1))
                .replace("HEADER", ManyClients.ADDRESS_HEADER).replace("FORMAT", ManyClients.LUA_FORMAT)
                .replace("ARGUMENTS", ManyClients.LUA_ARGUMENTS).replace("COOKIE", crowd.cookie()));
        // the shell waits for wrk, then prints its own stat line, whose cutime/cstime are wrk's CPU
        List<String> command = List.of("bash", "-c", "wrk \"$@\" && cat /proc/$$/stat", "wrk", "-t" + threads,
                "-c" + connections, "-d" + duration.toSeconds() + "s", "--timeout", "5s", "-s", script.toString(),
                url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher result = RESULT.matcher(output);
        if (!result.find()) {
            throw new IllegalStateException("no result line from wrk: " + output);
        }
        String stat = output.lines().reduce((first, second) -> second).orElseThrow();
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 of proc(5): cutime is field 16, cstime 17
        double cpuSeconds = (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / ProcessCpu.TICKS_PER_SECOND;
        return new Round(Long.parseLong(result.group(1)), Long.parseLong(result.group(2)) / 1e6,
                Long.parseLong(result.group(3)) / 1e3, Long.parseLong(result.group(4)) / 1e3,
                Long.parseLong(result.group(5)), cpuSeconds);
    }

    @Override
    public String describe() {
        return "wrk, " + threads + " thread" + (threads == 1 ? "" : "s");
    }
}
