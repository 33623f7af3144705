package org.baokao.testkit;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.baokao.testkit.HttpProbe.Answer;

/**
 * A candidate's calls to the enrollment wizard (docs/ENROLLMENT.md), as the web UI makes them: against
 * enrollment-service in its own tests, or through the gateway of the running stack. Writes after step 1 carry the
 * version the candidate read (optimistic locking); {@code null} sends none.
 */
public final class EnrollmentClient {

    public static final String BASE = "/api/enrollments";

    private final HttpProbe http;
    private final String token;

    public EnrollmentClient(HttpProbe http, String token) {
        this.http = http;
        this.token = token;
    }

    /** Step 1, 报考承诺: {@code {"accepted": true, "pledgeVersion": 1, "track": "UNIFIED"}}. */
    public Answer start(String examCode, String body) {
        return send("POST", BASE + "/exams/" + examCode + "/enrollment", body);
    }

    public Answer get(UUID enrollmentId) {
        return http.get(BASE + "/" + enrollmentId, token);
    }

    public Answer mine() {
        return http.get(BASE + "/mine", token);
    }

    /** Step 3, 填写个人信息. */
    public Answer putPersonalInfo(UUID enrollmentId, String json, Integer version) {
        return send("PUT", BASE + "/" + enrollmentId + "/personal-info", withVersion(json, version));
    }

    /** Step 4, 选择考试地点和科目组. */
    public Answer putExamChoice(UUID enrollmentId, String json, Integer version) {
        return send("PUT", BASE + "/" + enrollmentId + "/exam-choice", withVersion(json, version));
    }

    /** Step 5, 确认报名信息. */
    public Answer confirm(UUID enrollmentId, Integer version) {
        return send("POST", BASE + "/" + enrollmentId + "/confirmation", withVersion("{}", version));
    }

    /** ENR-7, 修改部分报名信息. */
    public Answer patch(UUID enrollmentId, String json, Integer version) {
        return send("PATCH", BASE + "/" + enrollmentId, withVersion(json, version));
    }

    /** Step 7, 预览报名信息. */
    public Answer preview(UUID enrollmentId) {
        return http.get(BASE + "/" + enrollmentId + "/preview", token);
    }

    /** A step 3 form every rule accepts; {@code email} varies it. */
    public static String personalInfo(String email) {
        return """
                {"politicalStatus": "01", "ethnicity": "01", "foreignLanguage": "1",
                 "mailingAddress": "山东省菏泽市牡丹区中华路1号", "postcode": "274000", "email": "%s",
                 "householdProvince": "110000", "householdCity": "110105", "candidateCategory": "1"}"""
                .formatted(email);
    }

    private Answer send(String method, String path, String json) {
        return http.send(http.request(path).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String withVersion(String json, Integer version) {
        if (version == null) {
            return json;
        }
        String trimmed = json.strip();
        return "{\"version\": " + version + (trimmed.equals("{}") ? "}" : ", " + trimmed.substring(1));
    }
}
