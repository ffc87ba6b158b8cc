package com.example.ng.more;

import org.testng.annotations.Test;

/** In the suite file's package; its name matches no include, so only the suite file runs it. */
public class MoreChecks {
    @Test
    public void more() {}
}
