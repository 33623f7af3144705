package org.baokao.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit's servers are real: each test talks the server's own protocol and gets real answers back. */
class TestServersTest {

    @Test
    void postgresAcceptsTheServiceUserAndKeepsData() throws Exception {
        assertPostgresAcceptsTheServiceUserAndKeepsData(TestServers.jdbcUrl());
    }

    /** Shared with {@link ContainerServersTest}: both modes must pass the same probes. */
    static void assertPostgresAcceptsTheServiceUserAndKeepsData(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, TestServers.jdbcUser(),
                TestServers.jdbcPassword())) {
            connection.createStatement().execute("create table if not exists kit_probe (v text)");
            connection.createStatement().execute("insert into kit_probe values ('保存')");
            ResultSet rows = connection.createStatement().executeQuery("select v, version() from kit_probe");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("保存");
            assertThat(rows.getString(2)).startsWith("PostgreSQL 18");
            // the service's role is a plain login role, as in production, in either mode
            ResultSet role = connection.createStatement()
                    .executeQuery("select rolsuper, rolcreatedb from pg_roles where rolname = current_user");
            assertThat(role.next()).isTrue();
            assertThat(role.getBoolean(1)).as("superuser").isFalse();
            assertThat(role.getBoolean(2)).as("may create databases").isFalse();
        }
    }

    @Test
    void kafkaDeliversWhatWasProduced() throws Exception {
        assertKafkaDeliversWhatWasProduced(TestServers.kafkaBootstrapServers());
    }

    static void assertKafkaDeliversWhatWasProduced(String bootstrap) throws Exception {
        String topic = "kit-probe-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "candidate-1", "报名")).get();
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "kit-probe",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 50 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofMillis(200));
            }
            assertThat(records.count()).isEqualTo(1);
            assertThat(records.iterator().next().value()).isEqualTo("报名");
        }
    }

    @Test
    void s3StoresAndReturnsObjectsAndEnforcesSignatures() throws Exception {
        assertS3StoresAndReturnsObjectsAndEnforcesSignatures(TestServers.s3Endpoint());
    }

    static void assertS3StoresAndReturnsObjectsAndEnforcesSignatures(String endpoint) throws Exception {
        MinioClient client = MinioClient.builder().endpoint(endpoint)
                .credentials(TestServers.s3AccessKey(), TestServers.s3SecretKey()).build();
        String bucket = "kit-probe";
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
        byte[] content = "照片".getBytes(StandardCharsets.UTF_8);
        client.putObject(PutObjectArgs.builder().bucket(bucket).object("a/b.txt")
                .stream(new ByteArrayInputStream(content), (long) content.length, -1L).build());
        try (var in = client.getObject(GetObjectArgs.builder().bucket(bucket).object("a/b.txt").build())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }

        HttpResponse<Void> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(endpoint + "/" + bucket + "/a/b.txt")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isEqualTo(403);
    }

    @Test
    void issuerTokensVerifyAgainstItsJwksAndForgeriesDoNot() {
        TestIssuer issuer = TestServers.issuer();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuer()));

        assertThat(decoder.decode(issuer.token("op-1", "operator")).getSubject()).isEqualTo("op-1");
        assertThatThrownBy(() -> decoder.decode(issuer.tamperedToken("op-1", "operator")))
                .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(issuer.expiredToken("op-1", "operator")))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void theSmtpServerReceivesMailAndAnOutageRefusesConnectionsUntilItIsBackOnTheSamePort() throws Exception {
        TestSmtp smtp = TestServers.smtp();
        String to = "kit-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        sendMail(smtp, to, "第一封", "验证码 111111");
        smtp.down();
        assertThatThrownBy(() -> sendMail(smtp, to, "停机时", "不应送达"))
                .isInstanceOf(jakarta.mail.MessagingException.class);
        smtp.up();
        sendMail(smtp, to, "第二封", "验证码 222222");

        assertThat(smtp.mailsTo(to.toUpperCase())).extracting(TestSmtp.Mail::subject)
                .containsExactly("第一封", "第二封");
        TestSmtp.Mail first = smtp.mailsTo(to).getFirst();
        assertThat(first.body()).isEqualTo("验证码 111111");
        assertThat(first.from()).isEqualTo("考试院 <noreply@baokao.local>");
    }

    private static void sendMail(TestSmtp smtp, String to, String subject, String body) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", "2000");
        jakarta.mail.internet.MimeMessage mail = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(properties));
        mail.setFrom(new jakarta.mail.internet.InternetAddress("noreply@baokao.local", "考试院", "UTF-8"));
        mail.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        mail.setSubject(subject, "UTF-8");
        mail.setText(body, "UTF-8");
        jakarta.mail.Transport.send(mail);
    }
}
