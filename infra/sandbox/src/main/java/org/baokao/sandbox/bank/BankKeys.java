package org.baokao.sandbox.bank;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Each bank's own RSA key pair, made at start: the bank signs what it sends (notifications, query answers) with
 * RSA-SHA256 over the canonical parameters, and publishes its public key for the merchant.
 */
@Component
class BankKeys {

    private final Map<BankChannel, KeyPair> keys = new EnumMap<>(BankChannel.class);

    BankKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        for (BankChannel channel : BankChannel.values()) {
            keys.put(channel, generator.generateKeyPair());
        }
    }

    /** X.509 SubjectPublicKeyInfo, base64. */
    String publicKey(BankChannel channel) {
        return Base64.getEncoder().encodeToString(keys.get(channel).getPublic().getEncoded());
    }

    /** The parameters with {@code signType} and {@code sign} added. */
    Map<String, String> signed(BankChannel channel, Map<String, String> params) {
        Map<String, String> out = new TreeMap<>(params);
        out.put("signType", "RSA-SHA256");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.get(channel).getPrivate());
            rsa.update(canonical(out).getBytes(StandardCharsets.UTF_8));
            out.put("sign", Base64.getEncoder().encodeToString(rsa.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return out;
    }

    /**
     * The canonical form both sides sign and verify: the non-empty parameters except {@code sign}, sorted by name,
     * as {@code name=value} joined with {@code &}, values not URL-encoded.
     */
    static String canonical(Map<String, String> params) {
        return new TreeMap<>(params).entrySet().stream()
                .filter(e -> !e.getKey().equals("sign") && e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }
}
