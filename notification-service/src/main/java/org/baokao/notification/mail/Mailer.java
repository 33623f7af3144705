package org.baokao.notification.mail;

/** A mail server that takes mail for delivery. */
interface Mailer {

    /**
     * Hands the mail to the server and returns its Message-ID.
     *
     * @throws MailServerUnavailableException the server could not take it now; trying later may work
     * @throws MailRejectedException the server refused it for good; trying again will not help
     */
    String send(OutgoingMail mail);
}
