package org.baokao.enrollment.selfstudy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.baokao.domain.DomainModel;
import org.baokao.domain.Refusal;
import org.baokao.events.enrollment.UniversityRegistrationAdded;

/**
 * A Shanghai 自考 candidate and the 主考学校 they hold (ENR-8): the aggregate course selection reads across all their
 * universities. A candidate holds each university once, with exactly one major there; a major once chosen is never
 * changed (新考生不能修改专业信息): nothing here changes one, and choosing a held university again is refused whatever
 * the major. The universities come from registration, from an import of 在籍考生, or from 报考其他学校.
 */
@DomainModel
public final class SelfStudyCandidate {

    private final UUID candidateId;
    private final String bureau;
    private final List<UniversityRegistration> registrations;

    private SelfStudyCandidate(UUID candidateId, String bureau, List<UniversityRegistration> registrations) {
        this.candidateId = Objects.requireNonNull(candidateId, "candidateId");
        this.bureau = Objects.requireNonNull(bureau, "bureau");
        this.registrations = new ArrayList<>(registrations);
        this.registrations.sort(Comparator.comparing(UniversityRegistration::registeredAt));
    }

    /** A candidate as stored, with the universities they hold. */
    public static SelfStudyCandidate of(UUID candidateId, String bureau, List<UniversityRegistration> registrations) {
        return new SelfStudyCandidate(candidateId, bureau, registrations);
    }

    /** A 报考其他学校: the registration added and the event saying so. */
    public record Added(UniversityRegistration registration, UniversityRegistrationAdded event) {
    }

    /**
     * 报考其他学校 (ENR-8): takes up the plan's {@code chosen} university and major at sitting {@code examCode}. 409
     * {@code UNIVERSITY_ALREADY_HELD} when the candidate holds that university already, with this major or another:
     * one major per university, and a major once chosen is not changed this way either.
     */
    public Added add(CatalogueChoice.Chosen chosen, String examCode, Instant at) {
        String code = chosen.university().code();
        registrationAt(code).ifPresent(held -> {
            throw Refusal.conflict("UNIVERSITY_ALREADY_HELD", "您已报考" + nameOf(held, chosen) + "（专业："
                    + (held.majorName() != null ? held.majorName() : held.majorCode())
                    + "），同一所主考学校只能报考一个专业，且专业确定后不能修改");
        });
        // the candidate's 准考证号 is theirs at every university they hold (SST-7)
        UniversityRegistration added = new UniversityRegistration(code, chosen.university().name(),
                chosen.major().code(), chosen.major().name(), chosen.major().special(), admissionNumber().orElse(null),
                RegistrationOrigin.ADDED, examCode, at);
        registrations.add(added);
        return new Added(added, new UniversityRegistrationAdded(candidateId, bureau, examCode, code,
                added.majorCode(), added.specialMajor(), at));
    }

    /**
     * The university and major chosen at 新考生注册. A candidate registers once; should they hold the university
     * already (the event redelivered past the inbox, or registration arriving after an import), what they hold stays
     * and nothing is added.
     */
    public Optional<UniversityRegistration> registered(UniversityRegistration chosen) {
        if (chosen.origin() != RegistrationOrigin.REGISTRATION) {
            throw new IllegalArgumentException("not a registration: " + chosen.origin());
        }
        return take(chosen);
    }

    /**
     * The universities and majors an import of 在籍考生 says the candidate holds, each with the candidate's 准考证号.
     * Answers the registrations to store: the universities not held yet, and held ones (of the same major) whose
     * 准考证号 the import gives or changes. A university held with another major keeps that major: the platform never
     * changes a major, an import included (the operator sees the import's row as it is; nothing is lost).
     */
    public List<UniversityRegistration> imported(List<UniversityRegistration> held) {
        List<UniversityRegistration> changed = new ArrayList<>();
        for (UniversityRegistration imported : held) {
            if (imported.origin() != RegistrationOrigin.IMPORT) {
                throw new IllegalArgumentException("not an import: " + imported.origin());
            }
            Optional<UniversityRegistration> current = registrationAt(imported.universityCode());
            if (current.isEmpty()) {
                take(imported).ifPresent(changed::add);
            } else if (current.get().majorCode().equals(imported.majorCode()) && imported.admissionNumber() != null
                    && !imported.admissionNumber().equals(current.get().admissionNumber())) {
                UniversityRegistration numbered = current.get().withAdmissionNumber(imported.admissionNumber());
                registrations.set(registrations.indexOf(current.get()), numbered);
                changed.add(numbered);
            }
        }
        return changed;
    }

    private Optional<UniversityRegistration> take(UniversityRegistration registration) {
        if (holds(registration.universityCode())) {
            return Optional.empty();
        }
        registrations.add(registration);
        return Optional.of(registration);
    }

    /** The candidate's 准考证号 (imported, or generated on approval), if they have one yet. */
    public Optional<String> admissionNumber() {
        return registrations.stream().map(UniversityRegistration::admissionNumber).filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * The university chosen at 新考生注册, when the candidate registered as a new candidate: its code is part of their
     * 准考证号, and their paying waits for photo-service's approval (SST-2, SST-7). Empty for an imported 在籍考生.
     */
    public Optional<UniversityRegistration> signUpRegistration() {
        return registrations.stream().filter(r -> r.origin() == RegistrationOrigin.REGISTRATION).findFirst();
    }

    /**
     * A 准考证号 generated for the candidate (SST-7): written on every university they hold that has none yet; answers
     * those registrations. A number the candidate has (imported) stays.
     */
    public List<UniversityRegistration> numbered(String number) {
        List<UniversityRegistration> changed = new ArrayList<>();
        for (int i = 0; i < registrations.size(); i++) {
            if (registrations.get(i).admissionNumber() == null) {
                UniversityRegistration numbered = registrations.get(i).withAdmissionNumber(number);
                registrations.set(i, numbered);
                changed.add(numbered);
            }
        }
        return changed;
    }

    public boolean holds(String universityCode) {
        return registrationAt(universityCode).isPresent();
    }

    public Optional<UniversityRegistration> registrationAt(String universityCode) {
        return registrations.stream().filter(r -> r.universityCode().equals(universityCode)).findFirst();
    }

    public UUID candidateId() {
        return candidateId;
    }

    /** The bureau (考试院) of the candidate's account (BUR-1): its universities are found only at its address. */
    public String bureau() {
        return bureau;
    }

    public boolean belongsTo(String bureauCode) {
        return bureau.equals(bureauCode);
    }

    /** The universities held, in the order taken up (the one of registration first). */
    public List<UniversityRegistration> registrations() {
        return List.copyOf(registrations);
    }

    private static String nameOf(UniversityRegistration held, CatalogueChoice.Chosen chosen) {
        return held.universityName() != null ? held.universityName() : chosen.university().name();
    }
}
