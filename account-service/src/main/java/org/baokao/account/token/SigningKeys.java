package org.baokao.account.token;

import java.text.ParseException;
import java.util.List;
import java.util.UUID;

import org.baokao.personaldata.PersonalDataProtector;
import org.baokao.personaldata.Sealed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA keys that sign candidate tokens, kept in the database so every instance signs and publishes the
 * same keys and a restart logs nobody out. The newest key not retired signs; all keys not retired are
 * published, so a rotation keeps earlier tokens valid until they expire.
 */
@Component
public class SigningKeys {

    private final JdbcClient jdbc;
    private final PersonalDataProtector protector;

    SigningKeys(JdbcClient jdbc, PersonalDataProtector protector) {
        this.jdbc = jdbc;
        this.protector = protector;
    }

    /** The key new tokens are signed with; the first call on an empty database creates one. */
    @Transactional
    public RSAKey current() {
        return newest().orElseGet(this::rotate);
    }

    /** Adds a new signing key; tokens signed with the previous ones stay valid. Returns the new key. */
    @Transactional
    public RSAKey rotate() {
        // one rotation at a time across instances
        jdbc.sql("select pg_advisory_xact_lock(hashtext('signing_key'))").query().singleRow();
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            Sealed sealed = protector.seal(key.toJSONString());
            jdbc.sql("insert into signing_key (kid, public_jwk, private_key, sealed_with) values (?, ?, ?, ?)")
                    .params(key.getKeyID(), key.toPublicJWK().toJSONString(), sealed.data(), sealed.keyId())
                    .update();
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a signing key", e);
        }
    }

    /** Takes a key out of the JWKS: tokens it signed stop working everywhere. */
    public void retire(String kid) {
        jdbc.sql("update signing_key set retired_at = now() where kid = ? and retired_at is null").param(kid).update();
    }

    /** The public keys of every key not retired, as services and the gateway fetch them. */
    public JWKSet publicKeys() {
        List<String> jwks = jdbc.sql("select public_jwk from signing_key where retired_at is null order by created_at desc")
                .query(String.class).list();
        return new JWKSet(jwks.stream().map(SigningKeys::parse).toList());
    }

    private java.util.Optional<RSAKey> newest() {
        return jdbc.sql("""
                select private_key, sealed_with from signing_key where retired_at is null
                order by created_at desc limit 1""")
                .query((row, n) -> new Sealed(row.getString("sealed_with"), row.getBytes("private_key")))
                .optional()
                .map(sealed -> (RSAKey) parse(protector.open(sealed)));
    }

    private static com.nimbusds.jose.jwk.JWK parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable signing key", e);
        }
    }
}
