package org.baokao.testkit;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A JPEG as the UI posts it to photo-service: multipart, one part {@code photo} named me.jpg. */
public final class PhotoForm {

    private PhotoForm() {
    }

    /** {@code request} with the multipart body holding {@code jpeg} and its content type. */
    public static HttpRequest.Builder post(HttpRequest.Builder request, byte[] jpeg) {
        String boundary = "----baokao" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"me.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(jpeg);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }
}
