package org.baokao.account.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.baokao.account.identity.IdType;
import org.baokao.testkit.HttpProbe;
import org.baokao.testkit.ServiceTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * A province-sized roster (ACC-3): 200,000 rows with valid GB 11643 numbers, generated here, imported through the
 * API. Prints the rate. Tagged {@code slow}: skip it with {@code -DexcludedGroups=slow}.
 */
@ServiceTest
@Tag("slow")
class RosterBulkImportTest {

    static final int ROWS = 200_000;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "欧阳", "司马"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
            "杰", "娟", "涛", "明", "超", "秀兰", "霞", "𠮷"};
    private static final String[][] COLLEGES = {{"10452", "山东医学高等专科学校"}, {"12345", "济南职业学院"},
            {"13320", "山东商业职业技术学院"}, {"14088", "青岛职业技术学院"}};
    private static final String[][] MAJORS = {{"620403", "医学影像技术"}, {"520201", "护理"}, {"510203", "软件技术"},
            {"530302", "大数据与会计"}};
    private static final String[] TYPES = {"校荐", "3+2", "退役士兵"};

    @LocalServerPort
    int port;
    @Autowired
    RosterLookup lookup;
    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredThousandRowsImport() {
        String exam = "BULK" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).toUpperCase();
        StringBuilder csv = new StringBuilder(ROWS * 90);
        RosterTestFiles.appendCsvLine(csv, RosterTestFiles.HEADER);
        for (int i = 0; i < ROWS; i++) {
            String[] college = COLLEGES[i % COLLEGES.length];
            String[] major = MAJORS[(i / 7) % MAJORS.length];
            RosterTestFiles.appendCsvLine(csv, List.of("居民身份证", RosterTestFiles.residentId(i), name(i),
                    TYPES[i % TYPES.length], college[0], college[1], major[0], major[1]));
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        RosterApi api = new RosterApi(port);

        Instant start = Instant.now();
        HttpProbe.Answer accepted = api.upload(exam, "province.csv", file);
        Duration upload = Duration.between(start, Instant.now());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().path("total").asInt()).isEqualTo(ROWS);
        JsonNode done = api.awaitEnd(exam, accepted.json().path("importId").asString(), Duration.ofMinutes(10));
        Duration took = Duration.between(start, Instant.now());

        System.out.printf("roster import: %,d rows (%.1f MB) in %.1f s (upload and check %.1f s): %,.0f rows/s%n",
                ROWS, file.length / 1e6, took.toMillis() / 1000.0, upload.toMillis() / 1000.0,
                ROWS * 1000.0 / took.toMillis());
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("inserted").asInt()).isEqualTo(ROWS);
        assertThat(done.path("rejected").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from roster_entry where exam_code = ?").param(exam).query(Long.class)
                .single()).isEqualTo(ROWS);
        int sample = ROWS - 12_345;
        RosterEntry entry = lookup.find(exam, IdType.RESIDENT_ID, RosterTestFiles.residentId(sample)).orElseThrow();
        assertThat(entry.name()).isEqualTo(name(sample));
    }

    private static String name(int i) {
        return SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length]
                + GIVEN[(i / 251) % GIVEN.length];
    }
}
