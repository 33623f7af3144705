package org.baokao.photo.quality;

import org.baokao.photo.requirements.PhotoRequirements;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QualityConfiguration {

    @Bean
    FaceDetector faceDetector() {
        // one classifier per core: the checks are CPU-bound, more would only queue inside OpenCV
        return new OpenCvFaceDetector(Runtime.getRuntime().availableProcessors());
    }

    @Bean
    PhotoQualityCheck photoQualityCheck(PhotoRequirements requirements, FaceDetector faces) {
        return new PhotoQualityCheck(requirements, faces);
    }
}
