package org.baokao.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) inside the test JVM, on a free port of 127.0.0.1: what a service's tests read
 * the mail it sent from, as its recipients would see it, and take down ({@link #down()}: connections refused) and
 * bring back ({@link #up()}) on the same port for an outage. Modules using it add {@code com.icegreen:greenmail} to
 * their test dependencies (optional here). Start it through {@link TestServers#smtp()}.
 */
public final class TestSmtp {

    private static final String HOST = "127.0.0.1";

    private final ServerSetup setup;
    // the mail received before an outage: GreenMail forgets its store when it stops
    private final List<Mail> beforeOutages = new ArrayList<>();
    private GreenMail server;

    private TestSmtp(int port) {
        this.setup = new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP);
    }

    static TestSmtp start() {
        TestSmtp smtp = new TestSmtp(freePort());
        smtp.up();
        return smtp;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return setup.getPort();
    }

    /** Stops listening: a client's connection is refused until {@link #up()}. What was received stays readable. */
    public synchronized void down() {
        if (server != null) {
            beforeOutages.addAll(received());
            server.stop();
            server = null;
        }
    }

    /** Listens again, on the same port. */
    public synchronized void up() {
        if (server == null) {
            GreenMail started = new GreenMail(setup);
            started.start();
            server = started;
        }
    }

    /** Every mail received for {@code address} (any case), in arrival order. */
    public synchronized List<Mail> mailsTo(String address) {
        List<Mail> all = new ArrayList<>(beforeOutages);
        if (server != null) {
            all.addAll(received());
        }
        return all.stream().filter(mail -> mail.to().equalsIgnoreCase(address)).toList();
    }

    private List<Mail> received() {
        List<Mail> mails = new ArrayList<>();
        for (GreenMailUser user : server.getUserManager().listUser()) {
            server.findReceivedMessages(user::equals, message -> true)
                    .forEach(message -> mails.add(Mail.of(user.getEmail(), message)));
        }
        return mails;
    }

    void stop() {
        down();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One mail as its recipient reads it: the sender as written ({@code 上海市教育考试院 <noreply@baokao.local>}),
     * the decoded subject, the text in its declared charset, the {@code Message-ID} and {@code Content-Type}
     * headers.
     */
    public record Mail(String to, String from, String subject, String body, String messageId, String contentType) {

        static Mail of(String to, MimeMessage message) {
            try {
                return new Mail(to, from(message), message.getSubject(), text(message), message.getMessageID(),
                        message.getContentType());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("the test SMTP server received a mail it cannot read", e);
            }
        }

        private static String from(MimeMessage message) throws MessagingException {
            Address[] from = message.getFrom();
            if (from == null || from.length == 0) {
                return null;
            }
            InternetAddress address = (InternetAddress) from[0];
            return address.getPersonal() == null ? address.getAddress()
                    : address.getPersonal() + " <" + address.getAddress() + ">";
        }

        private static String text(Part part) throws MessagingException, IOException {
            if (part.isMimeType("text/*")) {
                return String.valueOf(part.getContent());
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart parts && parts.getCount() > 0) {
                return text(parts.getBodyPart(0));
            }
            return null;
        }
    }
}
