package org.baokao.enrollment.confirmation;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.baokao.enrollment.bureau.BureauConfigurations;
import org.baokao.enrollment.wizard.PreviewView;
import org.baokao.enrollment.wizard.Previews;
import org.springframework.stereotype.Service;

/**
 * 下载报名信息表 (issue 22 item 6): the candidate's own completed enrollment as 信息预览 shows it (another candidate's
 * is 404 ENROLLMENT_NOT_FOUND, an unfinished one refused like the step), with the photo asked of photo-service with
 * the candidate's own token; a photo that does not come in time is printed as the word 照片 in its frame.
 */
@Service
class RegistrationForms {

    private final Previews previews;
    private final BureauConfigurations bureaus;
    private final PhotoServicePhotos photos;
    private final RegistrationFormRenderer renderer;
    private final Clock clock;

    RegistrationForms(Previews previews, BureauConfigurations bureaus, PhotoServicePhotos photos,
            RegistrationFormRenderer renderer, Clock clock) {
        this.previews = previews;
        this.bureaus = bureaus;
        this.photos = photos;
        this.renderer = renderer;
        this.clock = clock;
    }

    byte[] pdf(UUID candidateId, UUID enrollmentId, Caller caller) {
        // read (and refused) before photo-service is asked
        PreviewView preview = previews.of(candidateId, caller.bureau(), enrollmentId);
        Optional<byte[]> photo = photos.of(caller);
        RegistrationForm sheet = RegistrationForm.of(preview, bureaus.require(caller.bureau()).name(),
                clock.instant());
        return renderer.render(sheet, photo);
    }
}
