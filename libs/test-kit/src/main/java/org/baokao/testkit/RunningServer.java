package org.baokao.testkit;

/**
 * One started test server, embedded or a container: what {@link TestServers} hands out and stops at JVM exit.
 */
interface RunningServer {

    /** How clients reach it: a JDBC URL, Kafka bootstrap servers, or an S3 endpoint URL. */
    String address();

    void stop();
}
