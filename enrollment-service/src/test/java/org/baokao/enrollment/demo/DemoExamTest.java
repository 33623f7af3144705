package org.baokao.enrollment.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.baokao.enrollment.bureau.BureauConfigurations;
import org.baokao.enrollment.catalogue.Catalogues;
import org.baokao.enrollment.exam.Exam;
import org.baokao.enrollment.exam.ExamConfigurations;
import org.baokao.enrollment.exam.ExamDraft;
import org.baokao.enrollment.exam.ExamLocation;
import org.baokao.enrollment.exam.ExamRules;
import org.baokao.enrollment.exam.MajorScopeCatalogue;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo exam of the local stack (ENR-1): sound, the manual's example, every demo-roster major, idempotent. */
@ServiceTest
class DemoExamTest {

    @Autowired
    BureauConfigurations bureaus;
    @Autowired
    ExamConfigurations configurations;
    @Autowired
    Catalogues catalogues;

    private final ExamDraft draft = DemoExam.draft(LocalDate.of(2026, 11, 22));

    @Test
    void theDemoConfigurationKeepsEveryRule() {
        assertThat(ExamRules.check(draft)).isEmpty();
        assertThat(draft.code()).isEqualTo("SD-ZSB-2023");
        assertThat(draft.bureau()).as("BUR-1: Shandong's").isEqualTo("sd");
        assertThat(draft.name()).isEqualTo("2023年普通高等教育专升本考试");
        assertThat(((MajorScopeCatalogue) draft.catalogue()).majors()).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void itIsOpenAroundTheStartDayAllDay() {
        Instant start = Instant.parse("2026-11-22T00:00:00Z");
        assertThat(draft.registration().opensAt()).isEqualTo(Instant.parse("2026-10-22T16:00:00Z"));
        assertThat(draft.registration().closesAt()).isEqualTo(Instant.parse("2027-01-20T16:00:00Z"));
        assertThat(draft.payment().dailyOpens()).isEqualTo("00:00");
        assertThat(draft.payment().dailyCloses()).isEqualTo("24:00");
        assertThat(draft.registration().opensAt()).isBefore(start);
    }

    @Test
    void itsLocationsAreShandongs16CitiesWithTheirRegionCodes() {
        assertThat(draft.locations()).hasSize(16);
        assertThat(draft.locations()).contains(new ExamLocation("3701", "济南市"), new ExamLocation("3702", "青岛市"),
                new ExamLocation("3703", "淄博市"), new ExamLocation("3704", "枣庄市"), new ExamLocation("3705", "东营市"),
                new ExamLocation("3706", "烟台市"), new ExamLocation("3707", "潍坊市"), new ExamLocation("3708", "济宁市"),
                new ExamLocation("3709", "泰安市"), new ExamLocation("3710", "威海市"), new ExamLocation("3711", "日照市"),
                new ExamLocation("3713", "临沂市"), new ExamLocation("3714", "德州市"), new ExamLocation("3715", "聊城市"),
                new ExamLocation("3716", "滨州市"), new ExamLocation("3717", "菏泽市"));
    }

    @Test
    void feesAreRegistrationPlusOnePerSubject() {
        MajorScopeCatalogue catalogue = (MajorScopeCatalogue) draft.catalogue();
        assertThat(draft.fees()).hasSize(1 + catalogue.subjects().size());
        assertThat(draft.fees().getFirst()).isEqualTo(new ExamDraft.FeeDraft("REGISTRATION", "报名", 3000L));
        assertThat(draft.fees().subList(1, draft.fees().size())).allSatisfy(fee -> assertThat(fee.amountFen())
                .isEqualTo(5000L));
    }

    /** The demo roster's majors (account-service demo data) can all register: each is in the catalogue. */
    @Test
    void everyMajorOfTheDemoRosterIsInTheCatalogue() throws IOException {
        Path roster = Path.of("../account-service/src/main/resources/demo/roster-SD-ZSB-2023.csv");
        List<String> lines = Files.readAllLines(roster, StandardCharsets.UTF_8);
        MajorScopeCatalogue catalogue = (MajorScopeCatalogue) draft.catalogue();
        assertThat(lines).hasSizeGreaterThan(1);
        for (String line : lines.subList(1, lines.size())) {
            String majorCode = line.split(",")[6];
            assertThat(catalogue.major(majorCode)).as("major %s of the demo roster", majorCode).isPresent();
        }
    }

    /**
     * Configured twice (two starts): still one exam, the pledge's version unchanged by the second start; the
     * manual's example answers. (Other tests of this JVM may have configured the exam code before with another
     * pledge, so the first load's version is whatever it is.)
     */
    @Test
    void loadingAgainChangesNothingButTheWindows() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
        new DemoBureaus(bureaus).load();
        DemoExam demo = new DemoExam(configurations, clock);
        demo.load();
        int firstStart = configurations.require("SD-ZSB-2023").pledge().version();
        demo.load();

        Exam exam = configurations.require("SD-ZSB-2023");
        assertThat(exam.pledge().version()).isEqualTo(firstStart);
        assertThat(exam.pledge().text()).startsWith("我报考参加2023年普通高等教育专升本考试，我承诺：");
        assertThat(exam.isRegistrationOpenAt(Instant.parse("2026-11-22T12:00:00Z"))).isTrue();
        assertThat(exam.isPaymentOpenAt(Instant.parse("2026-11-22T17:00:00Z"))).as("01:00 Beijing time").isTrue();
        assertThat(configurations.all().stream().filter(e -> e.code().equals("SD-ZSB-2023"))).hasSize(1);

        Catalogues.MajorChoices choices = catalogues.requireChoices("sd", "SD-ZSB-2023", "620403");
        assertThat(choices.groups()).hasSize(1);
        assertThat(choices.groups().getFirst().subjectNames()).isEqualTo("英语、计算机、大学语文、高等数学II");
        assertThat(choices.groups().getFirst().scopeNames()).isEqualTo("医学检验技术, 医学影像技术, 口腔医学技术, 卫生检验与检疫");
    }
}
