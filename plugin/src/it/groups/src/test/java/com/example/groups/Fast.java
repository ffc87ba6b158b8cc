package com.example.groups;

/** A JUnit 4 category. */
public interface Fast {}
