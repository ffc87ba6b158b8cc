package com.example.contexts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(ConfigA.class)
class A2Test {
    @Autowired
    ApplicationContext context;

    @Test
    void runsInItsContext() throws Exception {
        if (context.getBean(ConfigA.class) == null) {
            throw new AssertionError("no context");
        }
        Thread.sleep(600); // the class's duration, so that both forks are busy
    }
}
