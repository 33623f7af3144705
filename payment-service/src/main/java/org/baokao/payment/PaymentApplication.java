package org.baokao.payment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * payment-service. Its background work (the order sweeper, the daily reconciliation) runs as recurring jobs on its
 * job queue (libs/jobs), once for the platform however many instances run, not as {@code @Scheduled} methods.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaymentApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentApplication.class, args);
    }
}
