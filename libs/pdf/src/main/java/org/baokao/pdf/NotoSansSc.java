package org.baokao.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The font files, read once per JVM from this library's jar, where the build put them (fetch-cjk-font.sh): each
 * face is some 10 MB, and every document parses its own copy of the bytes (PDFBox subsets the parsed font per
 * document).
 */
final class NotoSansSc {

    static final String FOLDER = "/org/baokao/pdf/fonts/";

    private static final Map<FontWeight, byte[]> LOADED = new EnumMap<>(FontWeight.class);

    private NotoSansSc() {
    }

    static synchronized byte[] bytes(FontWeight weight) {
        return LOADED.computeIfAbsent(weight, NotoSansSc::read);
    }

    private static byte[] read(FontWeight weight) {
        String resource = FOLDER + weight.file;
        try (InputStream in = NotoSansSc.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("PDF font " + resource + " missing: the build of libs/pdf fetches it"
                        + " (libs/pdf/fetch-cjk-font.sh)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
