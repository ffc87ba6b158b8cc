package com.example.ng;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.BeforeClass;
import org.testng.annotations.Optional;
import org.testng.annotations.Parameters;
import org.testng.annotations.Test;

/**
 * Reads the suite's, its test's and its class's parameters: "hello class" from suite.xml, the defaults elsewhere. They
 * come in through a {@code @BeforeClass}: a test method with arguments is named apart by Surefire 3.5's TestNG
 * provider ({@code greets[hello, class](1)}) and the JUnit Platform's ({@code greets(java.lang.String, ...)}).
 */
public class ParameterTest {
    private String greeting;
    private String name;

    @BeforeClass
    @Parameters({"greeting", "name"})
    public void read(@Optional("none") String greeting, @Optional("nobody") String name) {
        this.greeting = greeting;
        this.name = name;
    }

    @Test
    public void greets() {
        assertEquals(greeting + " " + name, "hello class");
    }
}
