# syntax=docker/dockerfile:1

# Minga's production image: built with the same wrapper and command as on a developer's machine,
# run on a JRE as an unprivileged user. docker-compose.yml starts it next to Axon Server and MongoDB.

FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
# Poms before sources, so a change in the code alone does not invalidate the dependency layers.
COPY --chmod=755 mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY engine/pom.xml engine/
COPY projections/pom.xml projections/
COPY facilitation-ui/pom.xml facilitation-ui/
# The benchmark is a module of the build too: Maven reads its pom, but it is not built here.
COPY benchmark/pom.xml benchmark/
COPY engine/src/ engine/src/
COPY projections/src/ projections/src/
COPY facilitation-ui/src/ facilitation-ui/src/
# The cache keeps Maven and the dependencies between builds; tests run in CI, not here.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -DskipTests -pl facilitation-ui -am package

FROM eclipse-temurin:17-jre-jammy
RUN groupadd --system --gid 10001 minga \
    && useradd --system --uid 10001 --gid minga --home-dir /app --no-create-home --shell /usr/sbin/nologin minga
WORKDIR /app
COPY --from=build /src/facilitation-ui/target/minga.jar /app/minga.jar
# Events live in Axon Server and read models in MongoDB: the container keeps nothing of its own.
ENV SPRING_PROFILES_ACTIVE=axonserver
EXPOSE 8080
USER minga
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/minga.jar"]
