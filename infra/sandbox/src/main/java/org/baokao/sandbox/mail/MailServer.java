package org.baokao.sandbox.mail;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The mail server the platform's mail goes to, as a real mail provider's would: GreenMail speaking SMTP on
 * {@code sandbox.mail.smtp-bind-address:smtp-port} (127.0.0.1:2525 on the local stack), accepting any recipient
 * without authentication, each mail landing in {@link MailInbox}. Starts with the application and stops with it;
 * a port that is taken stops the start, like the HTTP port would.
 */
@Component
class MailServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailServer.class);

    private final MailSettings settings;
    private final MailInbox inbox;
    private final Clock clock = Clock.systemUTC();
    private GreenMail greenMail;

    MailServer(MailSettings settings, MailInbox inbox) {
        this.settings = settings;
        this.inbox = inbox;
    }

    @Override
    public synchronized void start() {
        GreenMail server = new GreenMail(new ServerSetup(settings.smtpPort(), settings.smtpBindAddress(),
                ServerSetup.PROTOCOL_SMTP));
        server.getUserManager().setMessageDeliveryHandler(
                (message, recipient) -> new InboxRecipient(recipient.getEmail(), inbox, clock));
        server.start();
        greenMail = server;
        log.info("Sandbox SMTP server listening on {}:{}", settings.smtpBindAddress(), port());
    }

    @Override
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return greenMail != null && greenMail.isRunning();
    }

    /** The port the server listens on (the configured one, or the one chosen for port 0). */
    synchronized int port() {
        if (greenMail == null) {
            throw new IllegalStateException("the sandbox SMTP server is not running");
        }
        return greenMail.getSmtp().getPort();
    }

    String bindAddress() {
        return settings.smtpBindAddress();
    }
}
