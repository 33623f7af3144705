package org.baokao.sandbox.identity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The provider's reference photos, one per subject (the ID number), kept as a 64-bit average hash (a stand-in
 * for a face template: the same photo, or a re-encoded copy of it, matches; a different picture does not). How a
 * subject gets a reference, for demos and tests:
 * <ul>
 * <li>{@code enroll-first-photo} (default on): the first photo compared for a subject becomes its reference, so a
 * demo candidate matches with any photo first and then only with similar ones;</li>
 * <li>an outcome forced per subject through {@link IdentityProviderController} (MATCH, NO_MATCH, NO_REFERENCE),
 * which wins over the photos.</li>
 * </ul>
 */
@Component
class ReferencePhotos {

    enum Outcome { MATCH, NO_MATCH, NO_REFERENCE }

    private final Map<String, Long> references = new ConcurrentHashMap<>();
    private final Map<String, Outcome> forced = new ConcurrentHashMap<>();
    private final boolean enrollFirstPhoto;
    private final int maxDistance;
    private final int capacity;

    ReferencePhotos(@Value("${sandbox.identity.enroll-first-photo:true}") boolean enrollFirstPhoto,
            @Value("${sandbox.identity.max-distance:10}") int maxDistance,
            @Value("${sandbox.identity.capacity:100000}") int capacity) {
        this.enrollFirstPhoto = enrollFirstPhoto;
        this.maxDistance = maxDistance;
        this.capacity = capacity;
    }

    Outcome compare(String subject, byte[] photo) throws IOException {
        Outcome forcedOutcome = forced.get(subject);
        if (forcedOutcome != null) {
            return forcedOutcome;
        }
        long hash = averageHash(photo);
        Long reference = references.get(subject);
        if (reference == null) {
            if (!enrollFirstPhoto || references.size() >= capacity) {
                return Outcome.NO_REFERENCE;
            }
            references.putIfAbsent(subject, hash);
            reference = references.get(subject);
        }
        return Long.bitCount(reference ^ hash) <= maxDistance ? Outcome.MATCH : Outcome.NO_MATCH;
    }

    void force(String subject, Optional<Outcome> outcome) {
        outcome.ifPresentOrElse(o -> forced.put(subject, o), () -> forced.remove(subject));
    }

    void setReference(String subject, byte[] photo) throws IOException {
        references.put(subject, averageHash(photo));
    }

    void forget(String subject) {
        references.remove(subject);
        forced.remove(subject);
    }

    /** 8x8 grey average hash: one bit per cell, set where the cell is brighter than the mean. */
    static long averageHash(byte[] photo) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
        if (image == null) {
            throw new IOException("not an image");
        }
        double[] cells = new double[64];
        int w = image.getWidth();
        int h = image.getHeight();
        int step = Math.max(1, Math.min(w, h) / 64);
        int[] counts = new int[64];
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                int rgb = image.getRGB(x, y);
                double grey = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
                int cell = Math.min(7, y * 8 / h) * 8 + Math.min(7, x * 8 / w);
                cells[cell] += grey;
                counts[cell]++;
            }
        }
        double mean = 0;
        for (int i = 0; i < 64; i++) {
            cells[i] = counts[i] == 0 ? 0 : cells[i] / counts[i];
            mean += cells[i] / 64;
        }
        long hash = 0;
        for (int i = 0; i < 64; i++) {
            if (cells[i] > mean) {
                hash |= 1L << i;
            }
        }
        return hash;
    }
}
