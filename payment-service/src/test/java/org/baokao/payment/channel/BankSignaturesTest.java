package org.baokao.payment.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** PAY-4: RSA-SHA256 over the canonical parameters; any changed parameter or a foreign key fails. */
class BankSignaturesTest {

    @Test
    void canonicalFormSortsAndSkipsEmptyAndSign() {
        assertThat(BankSignatures.canonical(Map.of("b", "2", "a", "1", "sign", "x", "empty", "")))
                .isEqualTo("a=1&b=2");
    }

    @Test
    void onlyTheBanksUnchangedSignatureVerifies() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair bank = generator.generateKeyPair();
        KeyPair forger = generator.generateKeyPair();
        Map<String, String> params = new HashMap<>(Map.of("orderNo", "abc", "amountFen", "8000", "signType",
                "RSA-SHA256"));
        params.put("sign", sign(bank, params));

        assertThat(BankSignatures.verify(bank.getPublic(), params)).isTrue();
        Map<String, String> tampered = new HashMap<>(params);
        tampered.put("amountFen", "1");
        assertThat(BankSignatures.verify(bank.getPublic(), tampered)).isFalse();
        Map<String, String> forged = new HashMap<>(params);
        forged.put("sign", sign(forger, params));
        assertThat(BankSignatures.verify(bank.getPublic(), forged)).isFalse();
        Map<String, String> garbage = new HashMap<>(params);
        garbage.put("sign", "%%%");
        assertThat(BankSignatures.verify(bank.getPublic(), garbage)).isFalse();
    }

    static String sign(KeyPair key, Map<String, String> params) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key.getPrivate());
        rsa.update(BankSignatures.canonical(params).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(rsa.sign());
    }
}
