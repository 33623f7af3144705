package org.baokao.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.baokao.events.account.CandidateRegistered;
import org.baokao.events.account.ExistingCandidateImported;
import org.baokao.events.account.PasswordChanged;
import org.baokao.events.account.PhoneChanged;
import org.baokao.events.account.PhoneVerified;
import org.baokao.events.account.RosterEntryImported;
import org.baokao.events.enrollment.EnrollmentAmended;
import org.baokao.events.enrollment.EnrollmentCompleted;
import org.baokao.events.enrollment.EnrollmentConfirmed;
import org.baokao.events.enrollment.EnrollmentStarted;
import org.baokao.events.enrollment.AdmissionNumberAssigned;
import org.baokao.events.enrollment.BureauConfigured;
import org.baokao.events.enrollment.CourseOrderLapsed;
import org.baokao.events.enrollment.CourseOrderPlaced;
import org.baokao.events.enrollment.ExamConfigured;
import org.baokao.events.enrollment.PersonalInfoSaved;
import org.baokao.events.enrollment.UniversityRegistrationAdded;
import org.baokao.events.notification.EmailRequested;
import org.baokao.events.notification.SmsRequested;
import org.baokao.events.operator.OperatorActed;
import org.baokao.events.payment.DiscrepancyFound;
import org.baokao.events.payment.OrderCreated;
import org.baokao.events.payment.OrderExpired;
import org.baokao.events.payment.PaymentRefunded;
import org.baokao.events.payment.PaymentSucceeded;
import org.baokao.events.photo.ApprovalChanged;
import org.baokao.events.photo.IdentityVerificationFailed;
import org.baokao.events.photo.IdentityVerified;
import org.baokao.events.photo.ManualReviewDecided;
import org.baokao.events.photo.ManualReviewRequested;
import org.baokao.events.photo.PhotoAccepted;

/** Every event the platform knows, by wire name and version. Registering a record here is what publishes it. */
public final class EventCatalog {

    private static final List<Class<? extends DomainEvent>> EVENTS = List.of(
            CandidateRegistered.class, RosterEntryImported.class, PasswordChanged.class, PhoneChanged.class,
            ExistingCandidateImported.class, PhoneVerified.class,
            SmsRequested.class, EmailRequested.class,
            EnrollmentStarted.class, PersonalInfoSaved.class, EnrollmentConfirmed.class, EnrollmentCompleted.class,
            EnrollmentAmended.class, ExamConfigured.class, BureauConfigured.class, UniversityRegistrationAdded.class,
            AdmissionNumberAssigned.class, CourseOrderPlaced.class, CourseOrderLapsed.class,
            PhotoAccepted.class, IdentityVerified.class, IdentityVerificationFailed.class,
            ManualReviewRequested.class, ManualReviewDecided.class,
            ApprovalChanged.class,
            OrderCreated.class, PaymentSucceeded.class, PaymentRefunded.class, OrderExpired.class,
            DiscrepancyFound.class,
            OperatorActed.class);

    private static final Map<Class<?>, Descriptor> BY_CLASS = EVENTS.stream().map(Descriptor::of)
            .collect(Collectors.toUnmodifiableMap(Descriptor::javaType, Function.identity()));
    private static final Map<String, Descriptor> BY_NAME = BY_CLASS.values().stream()
            .collect(Collectors.toUnmodifiableMap(d -> key(d.type(), d.version()), Function.identity()));

    private EventCatalog() {
    }

    public static List<Descriptor> all() {
        return EVENTS.stream().map(BY_CLASS::get).toList();
    }

    public static Descriptor describe(Class<? extends DomainEvent> eventClass) {
        Descriptor descriptor = BY_CLASS.get(eventClass);
        if (descriptor == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not registered in EventCatalog");
        }
        return descriptor;
    }

    public static Optional<Descriptor> find(String type, int version) {
        return Optional.ofNullable(BY_NAME.get(key(type, version)));
    }

    private static String key(String type, int version) {
        return type + "/v" + version;
    }

    /** An event's wire name, version, topic and Java type. */
    public record Descriptor(String type, int version, String topic, Class<? extends DomainEvent> javaType) {

        static Descriptor of(Class<? extends DomainEvent> eventClass) {
            EventType annotation = eventClass.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalStateException(eventClass.getName() + " lacks @EventType");
            }
            return new Descriptor(annotation.name(), annotation.version(), annotation.topic(), eventClass);
        }

        /** The sample JSON's resource name beside the contracts, e.g. {@code samples/CandidateRegistered.v1.json}. */
        public String sampleResource() {
            return "samples/" + type + ".v" + version + ".json";
        }
    }
}
