package org.baokao.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte on a socket, for the requests a well-behaved client library would not send: a
 * multipart body without a boundary or with garbage between boundaries, a chunked body of any size (no
 * {@code Content-Length} to refuse early), a request target or method exactly as written ({@code //}, an encoded
 * {@code ..}, a broken percent-escape, {@code TRACE}), headers of any size. The body is written on its own thread while the answer is read, so a
 * server that answers before it has read everything (a 413 after the first megabyte) is heard, not mistaken for
 * a broken connection.
 */
public final class RawHttp {

    private static final int CHUNK = 8192;

    private final int port;

    private RawHttp(int port) {
        this.port = port;
    }

    public static RawHttp onLocalPort(int port) {
        return new RawHttp(port);
    }

    /** A POST with {@code Content-Length}; {@code headers} may name a Content-Type, Authorization... */
    public HttpProbe.Answer post(String path, Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Length", String.valueOf(body.length));
        return exchange("POST", path, all, out -> out.write(body));
    }

    /**
     * A request without a body, its method and target sent exactly as given (nothing encoded or normalised); the
     * answer carries its headers.
     */
    public HttpProbe.Answer send(String method, String target, Map<String, String> headers) {
        return exchange(method, target, headers, out -> {
        });
    }

    /**
     * A POST with {@code Transfer-Encoding: chunked}: {@code body} first, then {@code padding} more bytes of
     * {@code fill}, in 8 KB chunks.
     */
    public HttpProbe.Answer postChunked(String path, Map<String, String> headers, byte[] body, long padding,
            byte fill) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Transfer-Encoding", "chunked");
        return exchange("POST", path, all, out -> {
            writeChunk(out, body, body.length);
            byte[] filler = new byte[CHUNK];
            java.util.Arrays.fill(filler, fill);
            for (long left = padding; left > 0; left -= CHUNK) {
                writeChunk(out, filler, (int) Math.min(CHUNK, left));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    private static void writeChunk(OutputStream out, byte[] bytes, int length) throws IOException {
        if (length == 0) {
            return;
        }
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private HttpProbe.Answer exchange(String method, String path, Map<String, String> headers, Body body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    body.writeTo(out);
                    out.flush();
                } catch (IOException refusedMidway) {
                    // the server answered and stopped reading: what it answered is what the test reads
                }
            });
            HttpProbe.Answer answer = read(new BufferedInputStream(socket.getInputStream()));
            writer.interrupt();
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpProbe.Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed before an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        }
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        return new HttpProbe.Answer(status, headers.getOrDefault("content-type", ""),
                body.toString(StandardCharsets.UTF_8), HttpHeaders.of(all, (name, value) -> true));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8).stripTrailing();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }
}
