package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.CandidateJourney.Candidate;
import org.baokao.testkit.CandidateJourney.Tokens;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.LocalStack;
import org.junit.jupiter.api.Test;

/**
 * ACC-1, ACC-3, ACC-5, ACC-6 and ACC-10 on the whole platform: a candidate put on the roster by an operator
 * registers and logs in through the gateway, SMS codes travelling through Kafka, notification-service and the
 * sandbox SMS gateway. Afterwards no log of the platform and no table of its databases holds the full ID number,
 * the phone number or a code.
 */
class AccountJourneySystemTest {

    /** The databases of the platform's services (the sandbox plays third parties and is not searched). */
    private static final List<String> DATABASES = List.of("account", "enrollment", "photo", "payment", "notification");

    @Test
    void aRosteredCandidateRegistersAndLogsInAndNoLogOrTableHoldsTheirDataInTheClear() throws Exception {
        Candidate candidate = LocalStack.newCandidates(1, "Journey@2026").getFirst();
        LocalStack.putOnRoster(LocalStack.DEMO_EXAM, List.of(candidate), LocalStack.operatorToken());
        CandidateJourney journey = CandidateJourney.onLocalStack();

        journey.register(candidate);
        // ACC-6 counts per purpose: the login code comes right after the registration code, without a wait
        Tokens tokens = journey.login(candidate);

        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        HttpProbe.Answer me = Stack.GATEWAY.get("/api/accounts/me", tokens.accessToken());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).doesNotContain(candidate.idNumber()).doesNotContain(candidate.phone());
        assertThat(me.json().path("maskedPhone").asString())
                .isEqualTo(candidate.phone().substring(0, 3) + "****" + candidate.phone().substring(7));

        List<String> secrets = new ArrayList<>(List.of(candidate.idNumber(), candidate.phone()));
        secrets.addAll(journey.smsCodesRead());
        assertThat(journey.smsCodesRead()).hasSize(2);
        assertThat(logLinesHoldingAnyOf(secrets)).isEmpty();
        assertThat(tablesHoldingAnyOf(List.of(candidate.idNumber(), candidate.phone()))).isEmpty();
    }

    @Test
    void anIdNotOnTheRosterIsToldSoInTheWordsOfTheRules() {
        Candidate stranger = LocalStack.newCandidates(1, "Journey@2026").getFirst();

        try {
            CandidateJourney.onLocalStack().register(stranger);
            throw new AssertionError("a candidate not on the roster registered");
        } catch (CandidateJourney.StepFailed refused) {
            assertThat(refused.code()).isEqualTo("NOT_ON_ROSTER");
            assertThat(refused.getMessage()).contains("该证件类型+证件号不存在于考生名单中，请确认后注册");
        }
    }

    /** Lines of the platform's logs (.baokao/logs, the sandbox's own log aside) that contain a secret. */
    private static List<String> logLinesHoldingAnyOf(List<String> secrets) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> logs = Files.list(Stack.home().resolve(".baokao/logs"))) {
            for (Path log : logs.filter(AccountJourneySystemTest::isPlatformLog).toList()) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (secrets.stream().anyMatch(line::contains)) {
                        found.add(log.getFileName() + ": " + line);
                    }
                }
            }
        }
        return found;
    }

    private static boolean isPlatformLog(Path file) {
        String name = file.getFileName().toString();
        return name.matches(".+\\.log(\\.\\d+)?") && !name.startsWith("sandbox.");
    }

    /** Tables of the platform's databases whose rows, as text, contain a secret. */
    private static List<String> tablesHoldingAnyOf(List<String> secrets) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String database : DATABASES) {
            try (Connection connection = DriverManager.getConnection(Stack.jdbcUrl(database), "baokao", "baokao");
                    Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("""
                        select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
                        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("select t::text from " + table + " t")) {
                        while (rows.next()) {
                            String row = rows.getString(1);
                            if (secrets.stream().anyMatch(row::contains)) {
                                found.add(database + "." + table);
                                break;
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
