package com.example.suites;

/** A JUnit 4 category: the pom's excludedGroups leaves its tests out, and so makes Surefire take its JUnit 4.7 provider. */
public interface Slow {}
