package org.baokao.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * NOT-2: what a mail server answers decides between "retry, then dead letter" and "dead letter at once", and the
 * reason keeps the reply code but never the reply's text, which echoes the address.
 */
class SmtpFailuresTest {

    private static final String ADDRESS = "wang.fang@example.com";

    @Test
    void aRecipientRefusedForGoodIsARejection() throws AddressException {
        MailDeliveryFailure failure = SmtpFailures.classify(sendFailed(new SMTPAddressFailedException(
                new InternetAddress(ADDRESS), "RCPT TO", 550, "550 5.1.1 <" + ADDRESS + ">: user unknown")));

        assertThat(failure).isInstanceOf(MailRejectedException.class);
        assertThat(failure.reason()).isEqualTo("SMTP_REJECTED");
        assertThat(failure.getMessage()).isEqualTo("邮件服务器拒绝投递：SMTP 550").doesNotContain("wang");
    }

    @Test
    void aTemporaryRefusalIsRetried() throws AddressException {
        MailDeliveryFailure failure = SmtpFailures.classify(sendFailed(new SMTPAddressFailedException(
                new InternetAddress(ADDRESS), "RCPT TO", 451, "451 4.3.0 <" + ADDRESS + ">: try again later")));

        assertThat(failure).isInstanceOf(MailServerUnavailableException.class);
        assertThat(failure.reason()).isEqualTo("SMTP_TEMPORARY");
        assertThat(failure.getMessage()).doesNotContain("wang");
    }

    @Test
    void aServerThatDoesNotAnswerIsRetried() throws Exception {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(closedPort());
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom("noreply@baokao.local");
        mail.setTo(ADDRESS);
        mail.setText("验证码 482913");

        MailException refused = catchThrowableOfType(MailException.class, () -> smtp.send(mail));
        MailDeliveryFailure failure = SmtpFailures.classify(refused);

        assertThat(failure).isInstanceOf(MailServerUnavailableException.class);
        assertThat(failure.reason()).isEqualTo("SMTP_UNREACHABLE");
        assertThat(failure.getMessage()).isEqualTo("邮件服务器无响应（ConnectException）");
    }

    @Test
    void aLoginTheServerRefusesIsAConfigurationProblemThatIsRetriedThenDeadLettered() {
        MailDeliveryFailure failure = SmtpFailures.classify(new MailAuthenticationException("535 bad credentials"));

        assertThat(failure).isInstanceOf(MailServerUnavailableException.class);
        assertThat(failure.reason()).isEqualTo("SMTP_AUTH_FAILED");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static MailSendException sendFailed(SMTPAddressFailedException recipient) {
        SendFailedException failed = new SendFailedException("Invalid Addresses", recipient);
        return new MailSendException(Map.of(new Object(), failed));
    }
}
