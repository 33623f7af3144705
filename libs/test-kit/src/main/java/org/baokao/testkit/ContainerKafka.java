package org.baokao.testkit;

import org.testcontainers.kafka.KafkaContainer;

/**
 * The containers mode's Kafka: Apache's own image, one node in KRaft mode, at the client's (and the embedded
 * broker's) version, Boot-managed 4.1.2, the image docker-compose runs. Three partitions per auto-created topic, as
 * {@link TestKafka}'s broker makes them.
 */
final class ContainerKafka implements RunningServer {

    static final String IMAGE = "apache/kafka:4.1.2";

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafka start() {
        KafkaContainer container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                // tests start consumers and expect their records within seconds, not after a rebalance delay
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String address() {
        return container.getBootstrapServers();
    }

    @Override
    public void stop() {
        container.stop();
    }
}
