package org.baokao.enrollment.confirmation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.baokao.domain.DomainModel;
import org.baokao.enrollment.wizard.EnrollmentView.CandidateView;
import org.baokao.enrollment.wizard.EnrollmentView.ExamChoiceView;
import org.baokao.enrollment.wizard.EnrollmentView.FeesView;
import org.baokao.enrollment.wizard.EnrollmentView.PersonalInfoView;
import org.baokao.enrollment.wizard.FeeLine;
import org.baokao.enrollment.wizard.PreviewView;

/**
 * What the printed 报名信息表 of a Shandong candidate says (issue 22 item 6): the completed enrollment as 信息预览 shows
 * it, the same sections in the same words (the ID number masked as the page shows it: enrollment-service keeps no
 * clear one), then 缴费信息 with the fee items and the payment state. The photo is drawn beside {@link #identity()}.
 */
@DomainModel
record RegistrationForm(String title, String bureauName, List<Row> identity, List<Section> sections,
        Instant printedAt) {

    record Row(String name, String value) {
    }

    record Section(String title, List<Row> rows) {
    }

    static RegistrationForm of(PreviewView preview, String bureauName, Instant printedAt) {
        CandidateView c = preview.candidate();
        PersonalInfoView info = preview.personalInfo();
        ExamChoiceView choice = preview.subjects();
        List<Row> identity = List.of(
                new Row("姓名", c == null ? null : c.name()),
                new Row("证件类型", c == null ? null : idTypeName(c.idType())),
                new Row("证件号码", c == null ? null : c.idNumberMasked()),
                new Row("性别", c == null ? null : c.genderName()),
                new Row("出生日期", c == null ? null : birthDate(c.birthDate())));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("基本信息", List.of(
                new Row("考生类型", c == null ? null : c.candidateTypeName()),
                new Row("民族", info == null ? null : info.ethnicityName()),
                new Row("政治面貌", info == null ? null : info.politicalStatusName()),
                new Row("手机号", c == null ? null : c.phoneMasked()),
                new Row("个人电子邮箱", info == null ? null : info.email()),
                new Row("考试地点(学校或户籍所在地)", choice == null ? null : choice.examLocationName()),
                new Row("通讯地址邮政编码", info == null ? null : info.postcode()),
                new Row("通讯地址(通知书邮寄)", info == null ? null : info.mailingAddress()),
                new Row("考生类别", info == null ? null : info.candidateCategoryName()),
                new Row("身份核验状态", preview.identityStatusName()))));
        sections.add(new Section("户籍信息", List.of(
                new Row("户籍所在省(直辖市)", preview.household().provinceName()),
                new Row("户籍所在市(直辖市)", preview.household().cityName()))));
        sections.add(new Section("学校信息", List.of(
                new Row("毕业学校代码", preview.school().collegeCode()),
                new Row("毕业学校名称", preview.school().collegeName()),
                new Row("毕业专业代码", preview.school().majorCode()),
                new Row("毕业专业名称", preview.school().majorName()),
                new Row("专科期间公共外语课", preview.school().foreignLanguageName()))));
        sections.add(new Section("考试科目信息", subjects(choice)));
        sections.add(new Section("缴费信息", fees(preview.fees())));
        return new RegistrationForm(preview.examName() + "报名信息表", bureauName, identity, List.copyOf(sections),
                printedAt);
    }

    private static List<Row> subjects(ExamChoiceView choice) {
        List<Row> rows = new ArrayList<>();
        if (choice != null && !choice.sitsExam()) {
            rows.add(new Row("考试科目", choice.examNote() == null ? "不需要考试" : choice.examNote()));
        } else {
            rows.add(new Row("科目名称", choice == null ? null : choice.subjectNames()));
            rows.add(new Row("报考专业范围", choice == null ? null : choice.scopeNames()));
        }
        if (choice != null && choice.concurrentApplicationShown()) {
            rows.add(new Row("是否兼报",
                    choice.concurrentApplicationName() == null ? "否" : choice.concurrentApplicationName()));
        }
        return rows;
    }

    private static List<Row> fees(FeesView fees) {
        List<Row> rows = new ArrayList<>();
        if (fees == null) {
            return rows;
        }
        for (FeeLine line : fees.items()) {
            rows.add(new Row(line.name(), "¥" + ConfirmationSheet.yuan(line.amountFen())));
        }
        rows.add(new Row("合计", "¥" + ConfirmationSheet.yuan(fees.totalFen())));
        rows.add(new Row("缴费状态", fees.paymentStatusName()));
        return rows;
    }

    /** As the pages name the ID types (web/src/views/wizard/wizard.ts idTypeName). */
    private static String idTypeName(String idType) {
        return "PASSPORT".equals(idType) ? "护照" : "居民身份证";
    }

    private static String birthDate(LocalDate date) {
        return date == null ? null : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
