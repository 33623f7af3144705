package org.baokao.messaging.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service using the messaging library exactly as the real services do. */
@SpringBootApplication
public class MessagingTestApplication {
}
