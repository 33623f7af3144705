package org.baokao.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.baokao.testkit.StackTable;

/**
 * A service's own classes as the running stack runs them: {@code ./baokao up} starts each application from its
 * extracted layout ({@code .baokao/apps/NAME/NAME.jar}, whose manifest's {@code Class-Path} names its {@code lib/}
 * jars), and a class loader over that jar sees exactly the code and libraries the service runs. Its parent is the
 * platform loader, so the service's Spring, Jackson and BouncyCastle never meet this JVM's (Gatling's, the test
 * kit's). The services are Spring Boot fat jars in the Maven repository, not libraries another module can depend on:
 * this is how the benchmark reaches their password hashing and photo check.
 */
final class DeployedCode implements AutoCloseable {

    private final String service;
    private final URLClassLoader loader;

    private DeployedCode(String service, URLClassLoader loader) {
        this.service = service;
        this.loader = loader;
    }

    static DeployedCode of(String service) {
        Path jar = StackTable.repository().resolve(".baokao/apps/" + service + "/" + service + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": ./baokao up extracts it when it starts " + service);
        }
        try {
            return new DeployedCode(service, new URLClassLoader(service, new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader()));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    Class<?> type(String name) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(service + " has no " + name + " (renamed? update DeployedCode's callers)", e);
        }
    }

    /** A resource of the service's jar, e.g. its {@code application.yml}. */
    InputStream resource(String name) {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(service + " has no " + name);
        }
        return in;
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
