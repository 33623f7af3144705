package org.baokao.testkit;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A candidate's registration and login as the web UI makes them, through the gateway of a running stack. The
 * image captcha is answered from the sandbox's drop box and the SMS code read from the sandbox SMS inbox, which
 * only the local stack and tests have (ACC-5, ACC-6). A phone's next code is asked for when the platform said it
 * may be ({@link SmsCooldown}); the cooldown counts per purpose, so a login right after the registration does not
 * wait, a second code of the same purpose waits the stack's cooldown (the production minute on {@code ./baokao up}). A journey may pose
 * as a client address
 * ({@code X-Forwarded-For}); the gateway believes that from loopback only, so a load test can stand for many
 * clients without tripping the per-client limits, and nobody else can.
 */
public final class CandidateJourney {

    /** What a candidate knows: their ID number, phone and password. Resident IDs only (居民身份证). */
    public record Candidate(String idNumber, String phone, String password) {
    }

    /** The tokens a successful login returns. */
    public record Tokens(String accessToken, String refreshToken, boolean mustChangePassword,
            boolean mustVerifyPhone) {

        /** The candidate id: the access token's subject (a JWT's claims are readable, only signed). */
        public UUID candidateId() {
            String claims = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                    StandardCharsets.UTF_8);
            return UUID.fromString(JSON.readTree(claims).path("sub").asString());
        }
    }

    /** A step answered with something other than what the journey needs; carries the problem code. */
    public static final class StepFailed extends RuntimeException {

        private final int status;
        private final String code;

        StepFailed(String step, HttpProbe.Answer answer) {
            super(step + " answered " + answer.status() + ": " + answer.body());
            this.status = answer.status();
            this.code = answer.contentType().contains("json") ? answer.problemCode() : "";
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");
    private static final Duration SMS_PATIENCE = Duration.ofSeconds(30);

    /** How often a code request refused as too frequent is asked again, each time after the wait it was told. */
    private static final int TOO_FREQUENT_RETRIES = 2;

    private final HttpProbe gateway;
    private final HttpProbe sandbox;
    private final String clientAddress;
    private final List<String> codesRead;
    private final SmsCooldown cooldown;

    private CandidateJourney(HttpProbe gateway, HttpProbe sandbox, String clientAddress, List<String> codesRead,
            SmsCooldown cooldown) {
        this.gateway = gateway;
        this.sandbox = sandbox;
        this.clientAddress = clientAddress;
        this.codesRead = codesRead;
        this.cooldown = cooldown;
    }

    /** Against {@code ./baokao up}: its gateway and sandbox ({@link StackTable}). */
    public static CandidateJourney onLocalStack() {
        return through(StackTable.urlOf("gateway"));
    }

    /** Against the local stack's sandbox, through another gateway (e.g. a second instance's). */
    public static CandidateJourney through(String gatewayUrl) {
        return new CandidateJourney(HttpProbe.at(gatewayUrl), HttpProbe.at(StackTable.urlOf("sandbox")),
                null, new CopyOnWriteArrayList<>(), new SmsCooldown());
    }

    /** The same journey (its codes read, its phones' cooldowns) posing as another client address. */
    public CandidateJourney from(String address) {
        return new CandidateJourney(gateway, sandbox, address, codesRead, cooldown);
    }

    /** Every SMS code this journey (and those made from it by {@link #from}) read, e.g. to look for it in logs. */
    public List<String> smsCodesRead() {
        return List.copyOf(codesRead);
    }

    /** ACC-1: SMS code to the phone, then the registration form; the ID must be on the roster (ACC-3). */
    public void register(Candidate candidate) {
        String code = smsCode("the registration code", candidate.phone(), "/api/accounts/public/sms-codes/registration",
                captcha -> fields("phone", candidate.phone(), "captchaId", captcha.id(), "captcha", captcha.answer()));
        Captcha captcha = captcha();
        Map<String, Object> form = fields("idType", "RESIDENT_ID", "idNumber", candidate.idNumber(),
                "password", candidate.password(), "confirmPassword", candidate.password(),
                "phone", candidate.phone(), "smsCode", code, "captchaId", captcha.id(), "captcha", captcha.answer());
        form.put("acceptPrivacyPolicy", true);
        form.put("acceptServiceAgreement", true);
        post("the registration", "/api/accounts/public/registrations", 201, form);
    }

    /** ACC-5: ID number + captcha for a code to the bound phone, then ID number + password + code. */
    public Tokens login(Candidate candidate) {
        String code = smsCode("the login code", candidate.phone(), "/api/accounts/public/sms-codes/login",
                captcha -> fields("idType", "RESIDENT_ID", "idNumber", candidate.idNumber(), "captchaId", captcha.id(),
                        "captcha", captcha.answer()));
        JsonNode tokens = post("the login", "/api/accounts/public/logins", 200,
                fields("idType", "RESIDENT_ID", "idNumber", candidate.idNumber(), "password", candidate.password(),
                        "smsCode", code)).json();
        return new Tokens(tokens.path("access_token").asString(), tokens.path("refresh_token").asString(),
                tokens.path("mustChangePassword").asBoolean(), tokens.path("mustVerifyPhone").asBoolean());
    }

    /** An image captcha and its answer, read where only a test can read it. */
    public Captcha captcha() {
        HttpProbe.Answer issued = send("a captcha", gateway.request("/api/accounts/public/captchas")
                .POST(HttpRequest.BodyPublishers.noBody()), 201);
        String id = issued.json().path("captchaId").asString();
        HttpProbe.Answer answer = sandbox.get("/sandbox/captcha/api/answers/" + id);
        if (answer.status() != 200) {
            throw new StepFailed("the captcha answer in the sandbox", answer);
        }
        return new Captcha(id, answer.json().path("answer").asString());
    }

    public record Captcha(String id, String answer) {
    }

    /**
     * Asks for a code to {@code phone} (POST {@code path} with the {@code form} made around a fresh captcha) once the
     * phone's cooldown for codes of this path (its purpose) is over, and waits for the SMS that arrives after asking. A request refused as too frequent
     * all the same (the phone's last code was asked for elsewhere) is asked again after the wait the refusal gives.
     */
    public String smsCode(String step, String phone, String path, Function<Captcha, Map<String, Object>> form) {
        for (int refused = 0;; refused++) {
            cooldown.awaitNextCode(phone + " " + path);
            long asked = System.currentTimeMillis();
            HttpProbe.Answer answer = exchange(jsonPost(path, form.apply(captcha())));
            cooldown.note(phone + " " + path, answer);
            if (answer.status() == 202) {
                return newCodeIn(phone, asked);
            }
            if (!SmsCooldown.isTooFrequent(answer) || refused == TOO_FREQUENT_RETRIES
                    || SmsCooldown.announcedWait(answer).isEmpty()) {
                throw new StepFailed(step, answer);
            }
        }
    }

    /**
     * The code in the first SMS to {@code phone} since {@code asked}: the sandbox answers the moment it is there (the
     * sandbox and the journey share the machine's clock).
     */
    private String newCodeIn(String phone, long asked) {
        HttpProbe.Answer latest = sandbox.send(sandbox.request("/sandbox/sms/api/messages/latest?phone=" + phone
                + "&sinceEpochMs=" + asked + "&waitMs=" + SMS_PATIENCE.toMillis())
                .timeout(SMS_PATIENCE.plusSeconds(5)).GET());
        if (latest.status() != 200) {
            throw new IllegalStateException("no new SMS to " + phone.substring(0, 3) + "**** within " + SMS_PATIENCE);
        }
        Matcher code = SIX_DIGITS.matcher(latest.json().path("content").asString());
        if (!code.find()) {
            throw new IllegalStateException("the newest SMS to " + phone.substring(0, 3) + "**** holds no code");
        }
        codesRead.add(code.group(1));
        return code.group(1);
    }

    /** A JSON POST through the gateway that must answer {@code expected}. */
    public HttpProbe.Answer post(String step, String path, int expected, Map<String, Object> body) {
        return send(step, jsonPost(path, body), expected);
    }

    private HttpRequest.Builder jsonPost(String path, Map<String, Object> body) {
        return gateway.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private HttpProbe.Answer send(String step, HttpRequest.Builder request, int expected) {
        HttpProbe.Answer answer = exchange(request);
        if (answer.status() != expected) {
            throw new StepFailed(step, answer);
        }
        return answer;
    }

    private HttpProbe.Answer exchange(HttpRequest.Builder request) {
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return gateway.send(request);
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
