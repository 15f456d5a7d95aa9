FROM eclipse-temurin:21.0.3_9-jre AS base
RUN useradd --uid 10001 app

FROM base
# ruleid: container-runs-as-root
USER 0:0
CMD ["java", "-jar", "/app.jar"]
