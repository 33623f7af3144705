package org.baokao.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API-1: the OpenAPI documents the services generate are checked in under {@code docs/openapi/} (pretty-printed,
 * keys sorted, so a change reads as a small diff), and each service's test compares its live document with its copy:
 * an endpoint added, a parameter renamed or a field dropped without the copy being updated fails the build, naming the
 * first place that differs. {@code ./baokao openapi} runs those tests with {@code -Dbaokao.openapi.write=true}, which
 * makes them write the copy instead of comparing.
 */
public final class OpenApiDrift {

    /** Write the checked-in copy instead of comparing with it. */
    public static final String WRITE = "baokao.openapi.write";

    /** Where the copies live; the build sets it (the parent pom), the fallback is a module next to docs/. */
    public static final String DIR = "baokao.openapi.dir";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    private OpenApiDrift(Path file) {
        this.file = file;
    }

    /** The checked-in document {@code docs/openapi/<name>.json}. */
    public static OpenApiDrift of(String name) {
        String dir = System.getProperty(DIR);
        Path base = dir == null || dir.isBlank() ? Path.of("..", "docs", "openapi") : Path.of(dir);
        return new OpenApiDrift(base.resolve(name + ".json").toAbsolutePath().normalize());
    }

    public Path file() {
        return file;
    }

    /**
     * Fetches the document a service serves at {@code path} as an operator would (role operator: the documents are
     * under the operations path) and {@linkplain #check(String) checks} it.
     */
    public void checkServedAt(HttpProbe http, String path) {
        HttpProbe.Answer answer = http.get(path, TestServers.issuer().token("openapi-drift", "operator"));
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        check(answer.body());
    }

    /**
     * Compares {@code generated} (the document as the service serves it) with the checked-in copy, or writes the copy
     * when {@value #WRITE} is set. Throws {@link AssertionError} naming the first difference and how to update.
     */
    public void check(String generated) {
        JsonNode live = JSON.readTree(generated);
        String canonical = canonical(live);
        if (Boolean.getBoolean(WRITE)) {
            write(canonical);
            return;
        }
        if (!Files.exists(file)) {
            throw new AssertionError(file + " is missing. Run ./baokao openapi to write it, then commit it.");
        }
        String checkedIn = read();
        if (checkedIn.equals(canonical)) {
            return;
        }
        String where = firstDifference(JSON.readTree(checkedIn), live, "$")
                .orElse("$ (same content, different layout)");
        throw new AssertionError("The OpenAPI document differs from the checked-in " + file.getFileName()
                + " (docs/openapi), first at " + where + ".\nIf the API change is intended, run ./baokao openapi"
                + " and commit docs/openapi; otherwise the code changed the API by mistake.");
    }

    /** The first place where {@code expected} (checked in) and {@code actual} (generated) differ, keys in order. */
    static Optional<String> firstDifference(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                String at = path + "[" + quote(name) + "]";
                if (!expected.has(name)) {
                    return Optional.of(at + ": added (not in the checked-in copy)");
                }
                if (!actual.has(name)) {
                    return Optional.of(at + ": removed (only in the checked-in copy)");
                }
                Optional<String> inner = firstDifference(expected.get(name), actual.get(name), at);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (expected.isArray() && actual.isArray()) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                String at = path + "[" + i + "]";
                if (i >= expected.size()) {
                    return Optional.of(at + ": added (not in the checked-in copy)");
                }
                if (i >= actual.size()) {
                    return Optional.of(at + ": removed (only in the checked-in copy)");
                }
                Optional<String> inner = firstDifference(expected.get(i), actual.get(i), at);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        return Optional.of(path + ": checked in " + brief(expected) + ", generated " + brief(actual));
    }

    /** JSON with object keys sorted, two spaces per level, one array element per line, a final newline. */
    static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, 0, out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(new TreeSet<>(node.propertyNames()));
            if (names.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            for (Iterator<String> it = names.iterator(); it.hasNext();) {
                String name = it.next();
                indent(depth + 1, out).append(quote(name)).append(": ");
                write(node.get(name), depth + 1, out);
                out.append(it.hasNext() ? ",\n" : "\n");
            }
            indent(depth, out).append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < node.size(); i++) {
                indent(depth + 1, out);
                write(node.get(i), depth + 1, out);
                out.append(i < node.size() - 1 ? ",\n" : "\n");
            }
            indent(depth, out).append(']');
        } else {
            out.append(JSON.writeValueAsString(node));
        }
    }

    private static StringBuilder indent(int depth, StringBuilder out) {
        return out.append("  ".repeat(depth));
    }

    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    private static String brief(JsonNode node) {
        String text = JSON.writeValueAsString(node);
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    private String read() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String canonical) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, canonical, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
