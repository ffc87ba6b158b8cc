module com.acme.calc {
    exports com.acme.calc;
}
