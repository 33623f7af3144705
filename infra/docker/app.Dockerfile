# syntax=docker/dockerfile:1
#
# One image recipe for every Baokao Spring Boot application (the six services and the sandbox).
#
# The jar is NOT built here: run `./mvnw install -DskipTests` on the host first, then build with the
# repository root as context, e.g.
#   docker build -f infra/docker/app.Dockerfile --build-arg MODULE=account-service -t baokao/account-service .
#   docker build -f infra/docker/app.Dockerfile --build-arg MODULE=sandbox --build-arg MODULE_DIR=infra/sandbox .
# docker-compose.yml does this for every application. app.Dockerfile.dockerignore (beside this file) keeps
# the build context down to the built jars.

FROM eclipse-temurin:25-jre

# MODULE: the Maven artifactId, which is also the jar's finalName (MODULE/target/MODULE.jar).
ARG MODULE
# MODULE_DIR: the module's folder, when it is not MODULE itself (infra/sandbox builds sandbox.jar).
ARG MODULE_DIR=${MODULE}

RUN test -n "${MODULE}" || { echo "build arg MODULE is required (e.g. --build-arg MODULE=account-service)" >&2; exit 1; } \
 && groupadd --system --gid 10001 baokao \
 && useradd --system --uid 10001 --gid baokao --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin baokao

WORKDIR /app
# Owned by root and read-only for the application user.
COPY ${MODULE_DIR}/target/${MODULE}.jar /app/app.jar

ENV TZ=UTC
USER 10001:10001

# Extra JVM flags: set JAVA_TOOL_OPTIONS in the container environment.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
