package org.baokao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.baokao.events.photo.IdentityVerified;
import org.baokao.events.photo.PhotoAccepted;
import org.baokao.testkit.CandidateJourney;
import org.baokao.testkit.CandidateJourney.Candidate;
import org.baokao.testkit.EnrollmentClient;
import org.baokao.testkit.HttpProbe.Answer;
import org.baokao.testkit.KafkaEvents;
import org.baokao.testkit.LocalStack;
import org.baokao.testkit.SyntheticPortraits;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * PHO-1..PHO-4 on the whole platform, the photo taken on a phone (EnrollmentJourneySystemTest uploads from the
 * desktop): a rostered candidate starts the wizard, opens a capture session on the desktop (QR code), "the phone" uploads a
 * real photo through the single-use link via the gateway while the desktop long-polls, the desktop confirms, and
 * photo-service compares it with the sandbox identity provider (the first photo of a subject becomes its reference:
 * a match), until enrollment-service shows 比对通过 and the next step opens. Nothing is published by the test.
 */
class PhotoJourneySystemTest {

    private static final KafkaEvents EVENTS = KafkaEvents.ofLocalStack();
    private static final String EXAM = LocalStack.DEMO_EXAM;

    @Test
    void aCandidatesPhonePhotoIsComparedWithTheSandboxProviderAndUnlocksTheNextStep() throws Exception {
        List<Candidate> candidates = LocalStack.newCandidates(2, "Photo@2026x");
        Candidate candidate = candidates.get(0);
        LocalStack.putOnRoster(EXAM, candidates, LocalStack.operatorToken());
        CandidateJourney journey = CandidateJourney.onLocalStack();
        candidates.forEach(journey::register);
        String token = journey.login(candidate).accessToken();
        String otherToken = journey.login(candidates.get(1)).accessToken();
        UUID candidateId = UUID.fromString(
                Stack.GATEWAY.get("/api/accounts/me", token).json().path("candidateId").asString());
        EnrollmentClient wizard = new EnrollmentClient(Stack.GATEWAY, token);
        int pledgeVersion = Stack.GATEWAY.get("/api/enrollments/public/exams/" + EXAM + "/pledge").json()
                .path("version").asInt();
        Answer started = await("the roster projection to know the candidate", () -> {
            Answer answer = wizard.start(EXAM, "{\"accepted\": true, \"pledgeVersion\": " + pledgeVersion + "}");
            return answer.status() == 409 ? null : answer;
        });
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        UUID enrollmentId = UUID.fromString(started.json().path("id").asString());

        // PHO-1: the desktop opens a capture session and shows the QR code of the link
        Answer opened = send(Stack.GATEWAY.request("/api/photos/capture-sessions")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String sessionId = opened.json().path("sessionId").asString();
        String captureUrl = opened.json().path("captureUrl").asString();
        assertThat(opened.json().path("qrPng").asString()).isNotEmpty();
        assertThat(captureUrl).startsWith(LocalStack.GATEWAY + "/sd/capture/");
        String linkPath = "/api/photos/public/capture/" + captureUrl.substring(captureUrl.lastIndexOf('/') + 1);

        // the desktop waits (long poll through the gateway) while the phone opens the page and uploads
        CompletableFuture<Answer> desktop = CompletableFuture.supplyAsync(() -> Stack.GATEWAY.get(
                "/api/photos/capture-sessions/" + sessionId + "?waitMs=8000", token));
        assertThat(Stack.GATEWAY.get(linkPath).status()).isEqualTo(200);
        Answer phone = Stack.uploadPhoto(linkPath, null, SyntheticPortraits.portraitJpeg(1224, 7));
        assertThat(phone.status()).as(phone.body()).isEqualTo(201);
        Answer learned = desktop.get();
        assertThat(learned.status()).as(learned.body()).isEqualTo(200);
        assertThat(learned.json().path("status").asString()).isEqualTo("UPLOADED");
        String photoId = learned.json().path("photoId").asString();
        // the link was single-use
        assertThat(Stack.uploadPhoto(linkPath, null, SyntheticPortraits.portraitJpeg(1224, 8)).status()).isEqualTo(409);
        // another candidate cannot see the photo
        assertThat(Stack.GATEWAY.get("/api/photos/" + photoId, otherToken).status()).isEqualTo(404);

        // PHO-3: the desktop confirms the photo → PhotoAccepted, 核验中
        Answer submitted = send(Stack.GATEWAY.request("/api/photos/" + photoId + "/submit")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(EVENTS.matching(PhotoAccepted.class, event -> event.candidateId().equals(candidateId), 1))
                .singleElement().satisfies(event -> assertThat(event.photoId().toString()).isEqualTo(photoId));

        // PHO-4: the sandbox provider matches; enrollment-service shows 比对通过 and the next step opens
        assertThat(EVENTS.matching(IdentityVerified.class, event -> event.candidateId().equals(candidateId), 1))
                .singleElement().satisfies(event -> assertThat(event.photoId().toString()).isEqualTo(photoId));
        JsonNode photoDone = await("比对通过 in the wizard", () -> {
            JsonNode view = wizard.get(enrollmentId).json();
            return view.path("identityStatus").asString().equals("PASSED") ? view : null;
        });
        assertThat(photoDone.path("status").asString()).isEqualTo("PHOTO_DONE");
        assertThat(photoDone.path("identityStatusName").asString()).isEqualTo("比对通过");
        assertThat(Stack.GATEWAY.get("/api/photos/identity-check", token).json().path("label").asString())
                .isEqualTo("比对通过");
        Answer info = wizard.putPersonalInfo(enrollmentId, EnrollmentClient.personalInfo("photo@example.com"),
                photoDone.path("version").asInt());
        assertThat(info.status()).as(info.body()).isEqualTo(200);
    }

    private static Answer send(HttpRequest.Builder request) {
        return Stack.GATEWAY.send(request);
    }

    private static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out after 60 s waiting for " + what);
    }
}
