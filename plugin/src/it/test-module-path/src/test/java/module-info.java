/** The tests' own module: JUnit reads it reflectively, hence open. */
open module com.acme.calc.test {
    requires com.acme.calc;
    requires org.junit.jupiter.api;
}
