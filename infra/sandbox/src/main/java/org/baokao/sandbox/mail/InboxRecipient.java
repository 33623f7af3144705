package org.baokao.sandbox.mail;

import java.time.Clock;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;

import jakarta.mail.internet.MimeMessage;

/**
 * The recipient GreenMail hands each accepted mail to (one per envelope recipient): instead of GreenMail's
 * unbounded IMAP store, the mail lands in the sandbox's bounded {@link MailInbox}. No one logs in as it: the
 * sandbox serves SMTP only, and reads its inbox over HTTP.
 */
final class InboxRecipient implements GreenMailUser {

    private final String address;
    private final MailInbox inbox;
    private final Clock clock;

    InboxRecipient(String address, MailInbox inbox, Clock clock) {
        this.address = address;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public void deliver(MovingMessage message) {
        deliver(message.getMessage());
    }

    @Override
    public void deliver(MimeMessage message) {
        inbox.accept(ReceivedMail.read(message, address, clock.instant()));
    }

    @Override
    public String getEmail() {
        return address;
    }

    @Override
    public String getLogin() {
        return address;
    }

    @Override
    public void create() {
        // nothing to create: the inbox is the sandbox's
    }

    @Override
    public void delete() {
        // nothing to delete: the inbox forgets the eldest mails by itself
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public void setPassword(String password) {
        throw new UnsupportedOperationException("the sandbox's mailboxes take no logins");
    }

    @Override
    public void authenticate(String password) {
        throw new UnsupportedOperationException("the sandbox's mailboxes take no logins");
    }

    @Override
    public String getQualifiedMailboxName() {
        return address;
    }
}
