package org.baokao.account.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.baokao.tabular.RowError;
import org.baokao.tabular.SourceRow;
import org.baokao.tabular.TableHeader;
import org.junit.jupiter.api.Test;

/** The row rules of a roster file (ACC-3), one by one. */
class RosterRowCheckerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    static final TableHeader HEADER = TableHeader.of(new SourceRow(1, RosterTestFiles.HEADER),
            List.of(RosterColumn.values()));

    @Test
    void candidateTypesAreTheThreeOfTheRoster() {
        assertThat(CandidateType.fromRosterCell("校荐")).contains(CandidateType.SCHOOL_RECOMMENDED);
        assertThat(CandidateType.fromRosterCell(" 3+2 ")).contains(CandidateType.THREE_PLUS_TWO);
        assertThat(CandidateType.fromRosterCell("３＋２")).contains(CandidateType.THREE_PLUS_TWO);
        assertThat(CandidateType.fromRosterCell("退役士兵")).contains(CandidateType.VETERAN);
        assertThat(CandidateType.fromRosterCell("veteran")).contains(CandidateType.VETERAN);
        assertThat(CandidateType.fromRosterCell("统招")).isEmpty();
    }

    @Test
    void aValidRowIsNormalizedAndEveryBadFieldOfARowIsReported() {
        RosterRowChecker checker = new RosterRowChecker(HEADER, CLOCK);
        String id = RosterTestFiles.residentId(7);

        var good = checker.check(row(2, "居民身份证", " " + id + " ", " 张三 ", "校荐", "10452", "山东医专", "620403", "影像"));
        assertThat(good.isAccepted()).isTrue();
        assertThat(good.row().idNumber()).isEqualTo(id);
        assertThat(good.row().name()).isEqualTo("张三");
        assertThat(good.row().toString()).doesNotContain(id).doesNotContain("张三");

        var bad = checker.check(row(3, "居民身份证", "", "张3", "统招", "", "", "有 空格", "专"));
        assertThat(bad.isAccepted()).isFalse();
        assertThat(bad.errors()).extracting(RowError::field).containsExactly("证件号码", "姓名", "考生类型", "院校代码",
                "院校名称", "专业代码");
        assertThat(bad.errors()).allSatisfy(e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void theSameDocumentTwiceInAFileIsRefusedOnTheLaterLine() {
        RosterRowChecker checker = new RosterRowChecker(HEADER, CLOCK);
        String id = RosterTestFiles.residentId(8);

        assertThat(checker.check(row(2, "居民身份证", id, "张三", "校荐", "1", "a", "2", "b")).isAccepted()).isTrue();
        assertThat(checker.check(row(3, "护照", "E1234567", "张三", "校荐", "1", "a", "2", "b")).isAccepted()).isTrue();
        var again = checker.check(row(9, "身份证", id, "张三丰", "校荐", "1", "a", "2", "b"));

        assertThat(again.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(9);
            assertThat(error.field()).isEqualTo("证件号码");
            assertThat(error.code()).isEqualTo("ID_DUPLICATE");
            assertThat(error.reason()).contains("第2行");
        });
    }

    @Test
    void anIdNumberExcelTurnedIntoANumberIsExplained() {
        RosterRowChecker checker = new RosterRowChecker(HEADER, CLOCK);

        var scientific = checker.check(row(4, "居民身份证", "3.70102E+17", "张三", "校荐", "1", "a", "2", "b"));

        assertThat(scientific.errors()).singleElement()
                .satisfies(error -> assertThat(error.code()).isEqualTo("ID_SCIENTIFIC"));
    }

    private static SourceRow row(int line, String... cells) {
        return new SourceRow(line, List.of(cells));
    }
}
