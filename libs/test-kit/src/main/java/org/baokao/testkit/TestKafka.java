package org.baokao.testkit;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real single-node Kafka broker in KRaft mode, started once per test JVM. */
final class TestKafka implements RunningServer {

    private final EmbeddedKafkaKraftBroker broker;

    private TestKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    static TestKafka start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
        return new TestKafka(broker);
    }

    @Override
    public String address() {
        return broker.getBrokersAsString();
    }

    @Override
    public void stop() {
        broker.destroy();
    }
}
