package org.baokao.photo.requirements;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the capture page tells a candidate before they take their photo. */
@RestController
@EnableConfigurationProperties(PhotoRequirements.class)
class PhotoRequirementsController {

    private final PhotoRequirements requirements;

    PhotoRequirementsController(PhotoRequirements requirements) {
        this.requirements = requirements;
    }

    @GetMapping("/api/photos/public/requirements")
    RequirementsView requirements() {
        return new RequirementsView(List.of("JPEG", "PNG"), requirements.minBytes(), requirements.maxBytes(),
                requirements.minWidth(), requirements.minHeight(), requirements.maxWidth(),
                requirements.maxHeight(), "3:4", List.of(
                        "本人近期正面免冠彩色证件照，照片将用于准考证等",
                        "背景为白色或浅色纯色，光线均匀，不得过暗或过亮",
                        "照片中只能有本人一人，五官清晰，不得佩戴帽子、墨镜",
                        "格式为JPEG或PNG，宽高比3:4（竖版）",
                        "文件大小 " + kb(requirements.minBytes()) + " 至 " + kb(requirements.maxBytes())));
    }

    private static String kb(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + "MB" : bytes / 1024 + "KB";
    }

    record RequirementsView(List<String> formats, long minBytes, long maxBytes, int minWidth, int minHeight,
            int maxWidth, int maxHeight, String aspectRatio, List<String> notes) {
    }
}
