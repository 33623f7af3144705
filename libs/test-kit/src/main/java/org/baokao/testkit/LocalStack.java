package org.baokao.testkit;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.testkit.CandidateJourney.Candidate;

import tools.jackson.databind.JsonNode;

/**
 * What system tests and load tests do on the stack {@code ./baokao up} runs, as an operator would: fetch an
 * operator token (client credentials of the local realm's {@code baokao-automation} client) and put freshly
 * made candidates on an exam's roster (ACC-3), so a run never depends on what earlier runs left behind.
 */
public final class LocalStack {

    /** The gateway's and Keycloak's addresses, from the stack's component table ({@link StackTable}). */
    public static final String GATEWAY = StackTable.urlOf("gateway");
    public static final String KEYCLOAK = StackTable.urlOf("keycloak");
    /** The demo exam of the local stack; its roster is where test candidates go. */
    public static final String DEMO_EXAM = "SD-ZSB-2023";

    private static final List<String> JINAN_DISTRICTS = List.of("370102", "370103", "370104", "370105", "370112",
            "370113", "370114", "370115", "370116", "370117");
    /** 上海 districts: 新考生 of the demo Shanghai bureau register with one of these (SST-1). */
    public static final List<String> SHANGHAI_DISTRICTS = List.of("310101", "310104", "310105", "310106", "310115");

    private LocalStack() {
    }

    /** A Keycloak token with realm role {@code operator}, got the way an automation client gets one. */
    public static String operatorToken() {
        HttpProbe keycloak = HttpProbe.at(KEYCLOAK);
        HttpProbe.Answer answer = keycloak.send(keycloak.request("/realms/baokao/protocol/openid-connect/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
                        + "&client_id=baokao-automation&client_secret=baokao-automation-secret")));
        if (answer.status() != 200) {
            throw new IllegalStateException("no operator token from Keycloak: " + answer.status() + " " + answer.body()
                    + " (a realm made before the baokao-automation client existed needs ./baokao reset)");
        }
        return answer.json().path("access_token").asString();
    }

    /** The password of every demo operator of the local realm (infra/keycloak/baokao-realm.json). */
    public static final String OPERATOR_PASSWORD = "Operator@2026";

    /**
     * A demo operator's own token (OPS-3: {@code operator}, {@code admin-sh}, {@code city-jinan}, …), from the
     * local-only password grant of the automation client: the same user, roles and attributes as the console's login.
     */
    public static String operatorToken(String username) {
        HttpProbe keycloak = HttpProbe.at(KEYCLOAK);
        HttpProbe.Answer answer = keycloak.send(keycloak.request("/realms/baokao/protocol/openid-connect/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=baokao-automation"
                        + "&client_secret=baokao-automation-secret&username=" + username + "&password="
                        + OPERATOR_PASSWORD)));
        if (answer.status() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + answer.status() + " " + answer.body());
        }
        return answer.json().path("access_token").asString();
    }

    /**
     * {@code count} candidates nobody has registered yet (random resident IDs of 济南 districts and random
     * phones, different from each other), all with {@code password}.
     */
    public static List<Candidate> newCandidates(int count, String password) {
        return newCandidates(count, password, JINAN_DISTRICTS);
    }

    /**
     * {@code count} candidates nobody has registered yet, with resident IDs of the given districts (e.g.
     * {@link #SHANGHAI_DISTRICTS}) and random phones, different from each other, all with {@code password}.
     */
    public static List<Candidate> newCandidates(int count, String password, List<String> districts) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Set<String> ids = new HashSet<>();
        Set<String> phones = new HashSet<>();
        List<Candidate> candidates = new ArrayList<>(count);
        while (candidates.size() < count) {
            LocalDate birth = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(15 * 365));
            String id = Gb11643TestNumbers.residentId(districts.get(random.nextInt(districts.size())),
                    birth.toString().replace("-", ""), "%03d".formatted(random.nextInt(1000)));
            String phone = "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
            if (ids.add(id) && phones.add(phone)) {
                candidates.add(new Candidate(id, phone, password));
            }
        }
        return candidates;
    }

    /**
     * One client address per candidate, from the benchmarking range 198.18.0.0/15 (RFC 2544), for
     * {@link CandidateJourney#from}: a load test stands for many clients and stays under per-client limits.
     */
    public static Map<Candidate, String> clientAddresses(List<Candidate> candidates) {
        Map<Candidate, String> addresses = new HashMap<>();
        for (int n = 0; n < candidates.size(); n++) {
            addresses.put(candidates.get(n), "198.18." + (n / 250) + "." + (n % 250 + 1));
        }
        return addresses;
    }

    /** Imports the candidates onto the exam's roster through the gateway and waits until the job is done. */
    public static JsonNode putOnRoster(String examCode, List<Candidate> candidates, String operatorToken) {
        StringBuilder csv = new StringBuilder("证件类型,证件号码,姓名,考生类型,院校代码,院校名称,专业代码,专业名称\n");
        for (int i = 0; i < candidates.size(); i++) {
            csv.append("居民身份证,").append(candidates.get(i).idNumber()).append(",测试考生").append(chineseNumber(i))
                    .append(",校荐,10452,山东医学高等专科学校,620403,医学影像技术\n");
        }
        HttpProbe gateway = HttpProbe.at(GATEWAY);
        String imports = "/api/accounts/operations/rosters/" + examCode + "/imports";
        String boundary = "----baokao" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpProbe.Answer accepted = gateway.send(gateway.request(imports)
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + operatorToken)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        if (accepted.status() != 202) {
            throw new IllegalStateException("roster upload refused: " + accepted.status() + " " + accepted.body());
        }
        String importId = accepted.json().path("importId").asString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            JsonNode progress = gateway.get(imports + "/" + importId, operatorToken).json();
            String status = progress.path("status").asString();
            if (status.equals("DONE")) {
                return progress;
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("roster import failed: " + progress);
            }
            sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("roster import " + importId + " not done within 5 minutes");
    }

    /** Names are Chinese characters only on a roster, so the row number is written in them. */
    private static String chineseNumber(int n) {
        String digits = "零一二三四五六七八九";
        StringBuilder name = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            name.append(digits.charAt(c - '0'));
        }
        return name.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
