package com.example.versions;
import static org.junit.Assert.*;
import org.junit.Test;
import org.junit.experimental.runners.Enclosed;
import org.junit.runner.RunWith;
@RunWith(Enclosed.class)
public class EnclosingTest {
    public static class First { @Test public void a() {} @Test public void b() { assertEquals(1, 2); } }
    public static class Second { @Test public void c() {} }
}
