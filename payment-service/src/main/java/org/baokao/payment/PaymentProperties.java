package org.baokao.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code baokao.payment.*}.
 *
 * @param bankUrl        where the banks' APIs are (the sandbox locally and in tests)
 * @param notifyBaseUrl  the address banks post notifications to; blank = this service's own address
 * @param returnUrl      where the bank's page sends the candidate back to
 * @param courseReturnUrl where it sends a candidate paying a course order back to: a template of
 *                       {@code {bureau}} and {@code {courseOrderId}} (the web's 课程费用支付 page)
 * @param orderLifetime  how long an order stays payable at the bank (PAY-5: 30 minutes)
 * @param queryAfter     a pending order not heard of for this long is queried at the bank (PAY-5)
 * @param sweepInterval  how often pending orders are queried, expired and refunds retried
 */
@ConfigurationProperties("baokao.payment")
public record PaymentProperties(String bankUrl, String notifyBaseUrl, String returnUrl, String courseReturnUrl,
        Duration orderLifetime,
        Duration queryAfter, Duration sweepInterval, Duration connectTimeout, Duration readTimeout) {

    public PaymentProperties {
        bankUrl = bankUrl == null || bankUrl.isBlank() ? "http://localhost:8090" : bankUrl;
        notifyBaseUrl = notifyBaseUrl == null ? "" : notifyBaseUrl;
        returnUrl = returnUrl == null || returnUrl.isBlank() ? "http://localhost:8080/" : returnUrl;
        courseReturnUrl = courseReturnUrl == null || courseReturnUrl.isBlank()
                ? "http://localhost:8080/{bureau}/course-orders/{courseOrderId}" : courseReturnUrl;
        orderLifetime = orderLifetime == null ? Duration.ofMinutes(30) : orderLifetime;
        queryAfter = queryAfter == null ? Duration.ofMinutes(1) : queryAfter;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(15) : sweepInterval;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }
}
