package org.baokao.account.phonechange;

import java.io.IOException;
import java.io.InputStream;

import org.baokao.domain.Refusal;
import org.springframework.web.multipart.MultipartFile;

/**
 * One proof image of a phone-change request (ACC-8), checked by its content: the first bytes must be a JPEG or
 * PNG signature, whatever the file name or the declared content type say; at most 5 MB.
 */
record ProofImage(byte[] content, String contentType) {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    /** The image of part {@code field} ({@code label} names it in the Chinese message), or a 400/413. */
    static ProofImage of(MultipartFile file, String field, String label) {
        if (file == null || file.isEmpty()) {
            throw Refusal.invalid("PROOF_MISSING", "请上传" + label);
        }
        if (file.getSize() > MAX_BYTES) {
            throw Refusal.tooLarge("PROOF_TOO_LARGE", label + "不能超过5MB");
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw Refusal.invalid("PROOF_UNREADABLE", label + "无法读取，请重新上传");
        }
        if (content.length > MAX_BYTES) {
            throw Refusal.tooLarge("PROOF_TOO_LARGE", label + "不能超过5MB");
        }
        if (startsWith(content, JPEG)) {
            return new ProofImage(content, "image/jpeg");
        }
        if (startsWith(content, PNG)) {
            return new ProofImage(content, "image/png");
        }
        throw Refusal.invalid("PROOF_NOT_IMAGE", label + "必须是JPG或PNG格式的图片");
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (content[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
