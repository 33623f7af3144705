package org.baokao.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.baokao.testkit.ProcessCpu;
import org.baokao.testkit.StackTable;

/**
 * CPU seconds each process of the running stack used so far, read from {@code /proc} ({@link ProcessCpu}): every
 * component {@code ./baokao} started (its process group, from {@code .baokao/run/NAME.pid}), PostgreSQL's server
 * (postmaster and backends, which run in a session of their own), this JVM (the load generator) and the whole
 * machine. Two snapshots around the measured window, divided by the journeys completed in it, say where a journey's
 * CPU goes.
 */
final class StackCpu {

    static final String POSTGRES_SERVER = "postgres (server)";
    static final String LOAD_GENERATOR = "load generator (this JVM)";
    static final String MACHINE = "whole machine";

    private StackCpu() {
    }

    static Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        Path run = StackTable.repository().resolve(".baokao/run");
        for (String component : components(run)) {
            try {
                long pid = Long.parseLong(Files.readString(run.resolve(component + ".pid")).strip());
                seconds.put(component, ProcessCpu.groupSecondsOf(pid));
            } catch (IOException | NumberFormatException e) {
                // not running
            }
        }
        try {
            seconds.put(POSTGRES_SERVER, ProcessCpu.postgresSeconds());
        } catch (RuntimeException e) {
            // its postmaster.pid is gone: not running (the table then lacks the row)
        }
        seconds.put(LOAD_GENERATOR, ProcessCpu.secondsOf(ProcessHandle.current().pid()));
        seconds.put(MACHINE, ProcessCpu.machineBusySeconds());
        return seconds;
    }

    private static List<String> components(Path run) {
        try (var files = Files.list(run)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".pid"))
                    .map(name -> name.substring(0, name.length() - ".pid".length())).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("no " + run + ": is the stack up (./baokao up)?", e);
        }
    }
}
