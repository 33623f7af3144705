package org.baokao.enrollment.confirmation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.baokao.enrollment.bureau.BureauConfigurations;
import org.baokao.enrollment.courses.PaidCourses;
import org.baokao.enrollment.courses.PaidCourses.HeldCourse;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.selfstudy.CourseReadiness;
import org.baokao.enrollment.selfstudy.SelfStudyUniversities;
import org.springframework.stereotype.Service;

/**
 * 下载报考信息确认单 (SST-7): gathers the 确认单 of a candidate at the bureau's current sitting and draws it. What
 * enrollment-service keeps (sitting, bureau, universities, courses, 准考证号) is read here; the masked name and ID
 * number and the photo are asked of their owners with the candidate's own token, for this download only.
 */
@Service
class Confirmations {

    private final SelfStudyUniversities universities;
    private final BureauConfigurations bureaus;
    private final CourseReadiness readiness;
    private final PaidCourses paidCourses;
    private final AccountServiceIdentities identities;
    private final PhotoServicePhotos photos;
    private final ConfirmationRenderer renderer;
    private final Clock clock;

    Confirmations(SelfStudyUniversities universities, BureauConfigurations bureaus, CourseReadiness readiness,
            PaidCourses paidCourses, AccountServiceIdentities identities, PhotoServicePhotos photos,
            ConfirmationRenderer renderer, Clock clock) {
        this.universities = universities;
        this.bureaus = bureaus;
        this.readiness = readiness;
        this.paidCourses = paidCourses;
        this.identities = identities;
        this.photos = photos;
        this.renderer = renderer;
        this.clock = clock;
    }

    /**
     * The PDF; 404 {@code NOT_SELF_STUDY} at a bureau without 自考, 409 {@code CONFIRMATION_NOT_AVAILABLE} before a
     * course is paid, 503 {@code CANDIDATE_INFO_UNAVAILABLE} when account-service does not answer.
     */
    byte[] pdf(UUID candidateId, Caller caller) {
        Exam sitting = universities.sitting(caller.bureau());
        List<HeldCourse> courses = paidCourses.of(candidateId, caller.bureau());
        // refused before anyone else is asked
        ConfirmationSheet.requirePaid(courses);
        String admissionNumber = readiness.of(candidateId, caller.bureau()).admissionNumber();
        MaskedIdentity identity = identities.of(caller);
        Optional<byte[]> photo = photos.of(caller);
        ConfirmationSheet sheet = ConfirmationSheet.of(sitting.name(),
                bureaus.require(caller.bureau()).name(), identity, admissionNumber,
                universities.held(candidateId, caller.bureau()), courses, clock.instant());
        return renderer.render(sheet, photo);
    }
}
