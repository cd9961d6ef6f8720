# One image per service: docker build --build-arg MODULE=ingest-service|aggregator-service|dashboard .
# Stage 1 builds the module with Maven (and npm, for the dashboard's front end: esbuild, ECharts); stage 2 runs it as a
# non-root user on a JRE.
FROM maven:3.9-eclipse-temurin-25 AS build
ARG MODULE
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -ntp -pl "${MODULE}" -am package -DskipTests \
    && cp "${MODULE}/target/${MODULE}.jar" /app.jar

FROM eclipse-temurin:25-jre
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app xxgk
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
