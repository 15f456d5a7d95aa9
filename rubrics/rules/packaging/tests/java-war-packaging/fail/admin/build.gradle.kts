plugins {
    java
    // ruleid: java-war-packaging
    war
}

dependencies {
    providedCompile("jakarta.servlet:jakarta.servlet-api:6.0.0")
}
