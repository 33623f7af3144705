package org.baokao.web.edge;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A service in miniature with the endpoint kinds the edge has to protect, each as the real services write them:
 * an upload by {@code @RequestParam MultipartFile} (photo upload, capture link), an upload that declares
 * {@code consumes} multipart and reads the parts itself (proofs, phone change), a form read from the parameter map
 * (bank notifications), a JSON body and a raw stream. {@link #completed} counts the calls that got through.
 */
@SpringBootApplication
public class EdgeTestApplication {

    static final AtomicInteger completed = new AtomicInteger();

    @RestController
    static class Endpoints {

        @PostMapping("/api/edge/public/photo")
        String photo(@RequestParam("photo") MultipartFile photo) throws IOException {
            completed.incrementAndGet();
            return "photo " + photo.getBytes().length;
        }

        @PostMapping(path = "/api/edge/public/proofs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        String proofs(@RequestParam(required = false) String note, MultipartHttpServletRequest multipart) {
            completed.incrementAndGet();
            return "proofs " + multipart.getFileMap().size();
        }

        @PostMapping("/api/edge/public/notify")
        String notify(HttpServletRequest request) {
            int fields = request.getParameterMap().size();
            completed.incrementAndGet();
            return "fields " + fields;
        }

        @PostMapping("/api/edge/public/json")
        String json(@RequestBody Map<String, Object> body) {
            completed.incrementAndGet();
            return "keys " + body.size();
        }

        @PostMapping("/api/edge/public/stream")
        String stream(InputStream body) throws IOException {
            long read = body.transferTo(java.io.OutputStream.nullOutputStream());
            completed.incrementAndGet();
            return "bytes " + read;
        }
    }
}
