package org.baokao.messaging;

import java.time.Clock;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.Producer;
import org.baokao.events.EventCodec.MalformedEventException;
import org.baokao.messaging.audit.OperatorAudit;
import org.baokao.messaging.consumer.EventHandlerMethods;
import org.baokao.messaging.consumer.EventSubscriptions;
import org.baokao.messaging.deadletter.DeadLetterController;
import org.baokao.messaging.deadletter.DeadLetterDesk;
import org.baokao.messaging.deadletter.DeadLetterMetrics;
import org.baokao.messaging.deadletter.DeadLetters;
import org.baokao.messaging.deadletter.HeldEvents;
import org.baokao.messaging.inbox.Inbox;
import org.baokao.messaging.outbox.Outbox;
import org.baokao.messaging.outbox.OutboxMetrics;
import org.baokao.messaging.outbox.OutboxRelay;
import org.baokao.tracing.TraceParents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/** Wires the outbox, its relay, the inbox, the event subscriptions and dead letters into a service that has a database and Kafka. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.baokao.tracing.TracingAutoConfiguration" })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /** Marker that the messaging schema is migrated; beans that touch it depend on it. */
    public record MessagingSchemaReady() {
    }

    @Bean
    MessagingSchemaReady messagingSchemaReady(DataSource dataSource) {
        MessagingSchema.migrate(dataSource);
        return new MessagingSchemaReady();
    }

    /** The producer of dead letters and replays; the relay makes its own with the same settings. */
    @Bean(destroyMethod = "close")
    Producer<String, String> outboxProducer(KafkaProperties kafka) {
        return SafeProducers.create(kafka.buildProducerProperties());
    }

    @Bean
    OutboxRelay outboxRelay(MessagingSchemaReady schema, JdbcClient jdbc, PlatformTransactionManager transactions,
            KafkaProperties kafka, MessagingProperties properties, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<TraceParents> traces) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactions),
                () -> SafeProducers.create(kafka.buildProducerProperties()), properties.relay().settings(),
                meters.getIfAvailable(() -> Metrics.globalRegistry), traces.getIfAvailable(() -> TraceParents.NONE));
    }

    /** Each event stored with the trace context of its transaction (issue 24; libs/tracing), which the relay continues. */
    @Bean
    Outbox outbox(MessagingSchemaReady schema, JdbcClient jdbc, ObjectProvider<Clock> clock, OutboxRelay relay,
            ObjectProvider<TraceParents> traces) {
        return new Outbox(jdbc, clock.getIfAvailable(Clock::systemUTC), relay::wakeUp,
                traces.getIfAvailable(() -> TraceParents.NONE));
    }

    /** Operators' actions, audited through this service's outbox (OPS-3). */
    @Bean
    OperatorAudit operatorAudit(Outbox outbox, ObjectProvider<Clock> clock,
            @Value("${spring.application.name:unknown}") String service) {
        return new OperatorAudit(outbox, clock.getIfAvailable(Clock::systemUTC), service);
    }

    @Bean
    @ConditionalOnProperty(name = "baokao.messaging.relay.enabled", matchIfMissing = true)
    SmartLifecycle outboxRelayLifecycle(OutboxRelay relay) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                relay.start();
            }

            @Override
            public void stop() {
                relay.stop();
            }

            @Override
            public boolean isRunning() {
                return relay.isRunning();
            }
        };
    }

    @Bean
    OutboxMetrics outboxMetrics(MessagingSchemaReady schema, JdbcClient jdbc, ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxMetrics(jdbc, clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    Inbox inbox(MessagingSchemaReady schema, JdbcClient jdbc, PlatformTransactionManager transactions,
            ObjectProvider<MeterRegistry> meters) {
        return new Inbox(jdbc, new TransactionTemplate(transactions),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /** Hourly, forgets inbox entries past their retention; a daemon thread, stopped with the context. */
    @Bean(destroyMethod = "shutdownNow")
    java.util.concurrent.ScheduledExecutorService inboxHousekeeping(Inbox inbox, MessagingProperties properties,
            ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        java.util.concurrent.ScheduledExecutorService housekeeping = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("inbox-housekeeping").daemon().factory());
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                inbox.forgetAppliedBefore(time.instant().minus(properties.consumer().inboxRetention()));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Inbox.class).warn("Inbox housekeeping failed: {}", e.toString());
            }
        }, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
        return housekeeping;
    }

    @Bean
    DeadLetters deadLetters(MessagingSchemaReady schema, JdbcClient jdbc, PlatformTransactionManager transactions,
            Producer<String, String> outboxProducer, ObjectProvider<MeterRegistry> meters) {
        return new DeadLetters(jdbc, new TransactionTemplate(transactions), outboxProducer,
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(MessagingSchemaReady schema, JdbcClient jdbc, ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters) {
        return new DeadLetterMetrics(jdbc, clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    HeldEvents heldEvents(DeadLetters deadLetters, PlatformTransactionManager transactions) {
        return new HeldEvents(deadLetters, transactions);
    }

    /** Finds the service's {@link org.baokao.messaging.consumer.EventHandler} methods (static: a bean post-processor). */
    @Bean
    static EventHandlerMethods eventHandlerMethods() {
        return new EventHandlerMethods();
    }

    /** Each consumer's handlers become one Kafka listener of their topic. */
    @Bean
    KafkaListenerConfigurer eventSubscriptions(EventHandlerMethods handlers, Inbox inbox) {
        return registrar -> EventSubscriptions.register(handlers.subscriptions(), inbox, registrar);
    }

    /**
     * Every listener of the service: bounded retries with backoff, then the dead letters; the partition
     * moves on. An event that cannot even be read is not retried.
     */
    @Bean
    CommonErrorHandler baokaoKafkaErrorHandler(DeadLetters deadLetters, MessagingProperties properties,
            @Value("${spring.application.name:service}") String applicationName) {
        MessagingProperties.Consumer retry = properties.consumer();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.retries());
        backOff.setInitialInterval(retry.initialBackoff().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            String group = KafkaUtils.getConsumerGroupId();
            deadLetters.park(group != null ? group : applicationName, record, exception);
        }, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.baokao.web.problem.ProblemHandler")
    static class OperatorApi {

        @Bean
        DeadLetterDesk deadLetterDesk(DeadLetters deadLetters, OperatorAudit audit,
                PlatformTransactionManager transactions,
                @Value("${spring.application.name:unknown}") String service) {
            return new DeadLetterDesk(deadLetters, audit, new TransactionTemplate(transactions), service);
        }

        @Bean
        DeadLetterController deadLetterController(DeadLetterDesk desk) {
            return new DeadLetterController(desk);
        }
    }
}
