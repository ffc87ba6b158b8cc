package ci.fast.maven.discovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MethodFilterTest {
    @Test
    void runsOnlyTheNamedMethodOfTheNamedClass() {
        MethodFilter filter = new MethodFilter(List.of("AccountTest#deposits"), List.of());

        assertTrue(filter.test("com.example.AccountTest", "deposits"));
        assertFalse(filter.test("com.example.AccountTest", "withdrawals"));
        assertFalse(filter.test("com.example.LedgerTest", "deposits"));
    }

    @Test
    void joinsMethodsWithPlusAndMatchesMethodGlobs() {
        MethodFilter filter = new MethodFilter(List.of("AccountTest#deposits+with*"), List.of());

        assertTrue(filter.test("com.example.AccountTest", "deposits"));
        assertTrue(filter.test("com.example.AccountTest", "withdrawalsSubtract"));
        assertFalse(filter.test("com.example.AccountTest", "startsAtZero"));
    }

    @Test
    void matchesRegularExpressionsOverClassAndMethod() {
        MethodFilter filter = new MethodFilter(List.of("%regex[.*Acc.*Test.class#st.*]"), List.of());

        assertTrue(filter.test("com.example.AccountTest", "startsAtZero"));
        assertFalse(filter.test("com.example.AccountTest", "deposits"));
        assertFalse(filter.test("com.example.LedgerTest", "startsAtZero"));
    }

    @Test
    void leavesOutExcludedMethodsOnly() {
        MethodFilter filter = new MethodFilter(List.of("!AccountTest#deposits"), List.of());

        assertFalse(filter.test("com.example.AccountTest", "deposits"));
        assertTrue(filter.test("com.example.AccountTest", "startsAtZero"));
        assertTrue(filter.test("com.example.LedgerTest", "deposits"));
    }

    @Test
    void runsEveryMethodOfAClassNamedWithoutMethods() {
        MethodFilter filter = new MethodFilter(List.of("Ledger*"), List.of());

        assertTrue(filter.test("com.example.LedgerTest", "anything"));
        assertFalse(filter.test("com.example.AccountTest", "anything"));
    }

    @Test
    void runsTheNestedClassesOfANamedClass() {
        MethodFilter filter = new MethodFilter(List.of("NameTest"), List.of());

        assertTrue(filter.test("com.example.NameTest", "first"));
        assertTrue(filter.test("com.example.NameTest$WithPrefix", "first"));
        assertTrue(filter.test("com.example.NameTest$WithPrefix$Deeper", "second"));
        assertFalse(filter.test("com.example.OtherTest$WithPrefix", "first"));
    }

    @Test
    void leavesOutTheNestedClassesOfAnExcludedClass() {
        MethodFilter filter = new MethodFilter(List.of("!Slow*"), List.of());

        assertFalse(filter.test("com.example.SlowTest$Inner", "anything"));
        assertTrue(filter.test("com.example.FastTest$Inner", "anything"));
    }
}
