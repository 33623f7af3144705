package org.baokao.account.roster;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.baokao.account.fileimport.RowChecker;
import org.baokao.account.fileimport.RowFields;
import org.baokao.account.identity.IdType;
import org.baokao.domain.DomainModel;
import org.baokao.tabular.RowError;
import org.baokao.tabular.SourceRow;
import org.baokao.tabular.TableHeader;

/**
 * Checks the rows of one roster file (ACC-3) and reports every problem of a row, not just the first: 证件类型,
 * 证件号码 and 姓名 as every import checks them ({@link RowFields}); 考生类型 校荐, 3+2 or 退役士兵 (or the codes, see
 * {@link CandidateType#fromRosterCell}); 院校代码, 专业代码 as codes, 院校名称, 专业名称 as texts. The same document
 * twice in one file: the later line is refused, naming the earlier one.
 *
 * One checker per file: it remembers the documents seen. Not thread-safe.
 */
@DomainModel
final class RosterRowChecker implements RowChecker<RosterRow> {

    private final TableHeader header;
    private final Clock clock;
    private final Map<String, Integer> seen = new HashMap<>();

    RosterRowChecker(TableHeader header, Clock clock) {
        this.header = header;
        this.clock = clock;
    }

    @Override
    public Checked<RosterRow> check(SourceRow source) {
        int line = source.line();
        List<RowError> errors = new ArrayList<>(2);

        Optional<IdType> idType = RowFields.idType(line, RosterColumn.ID_TYPE,
                header.value(source, RosterColumn.ID_TYPE), errors);
        String idNumber = RowFields.idNumber(line, RosterColumn.ID_NUMBER, idType,
                header.value(source, RosterColumn.ID_NUMBER), header.numeric(source, RosterColumn.ID_NUMBER), clock,
                errors);
        if (idNumber != null) {
            Integer earlier = seen.putIfAbsent(idType.orElseThrow().code() + ':' + idNumber, line);
            if (earlier != null) {
                errors.add(RowFields.error(line, RosterColumn.ID_NUMBER, "ID_DUPLICATE",
                        "与第" + earlier + "行的证件重复，同一证件在一个文件中只能出现一次"));
            }
        }
        String name = RowFields.name(line, RosterColumn.NAME, header.value(source, RosterColumn.NAME), errors);
        CandidateType candidateType = candidateType(line, header.value(source, RosterColumn.CANDIDATE_TYPE), errors);
        String collegeCode = RowFields.code(line, RosterColumn.COLLEGE_CODE,
                header.value(source, RosterColumn.COLLEGE_CODE), errors);
        String collegeName = RowFields.text(line, RosterColumn.COLLEGE_NAME,
                header.value(source, RosterColumn.COLLEGE_NAME), errors);
        String majorCode = RowFields.code(line, RosterColumn.MAJOR_CODE, header.value(source, RosterColumn.MAJOR_CODE),
                errors);
        String majorName = RowFields.text(line, RosterColumn.MAJOR_NAME, header.value(source, RosterColumn.MAJOR_NAME),
                errors);

        if (!errors.isEmpty()) {
            return Checked.refused(errors);
        }
        return Checked.accepted(new RosterRow(line, idType.orElseThrow(), idNumber, name, candidateType, collegeCode,
                collegeName, majorCode, majorName));
    }

    private static CandidateType candidateType(int line, String cell, List<RowError> errors) {
        if (cell.isBlank()) {
            errors.add(RowFields.error(line, RosterColumn.CANDIDATE_TYPE, "CANDIDATE_TYPE_REQUIRED", "请填写考生类型"));
            return null;
        }
        Optional<CandidateType> type = CandidateType.fromRosterCell(cell);
        if (type.isEmpty()) {
            errors.add(RowFields.error(line, RosterColumn.CANDIDATE_TYPE, "CANDIDATE_TYPE_UNKNOWN",
                    "考生类型不正确，应为校荐、3+2或退役士兵"));
            return null;
        }
        return type.get();
    }
}
