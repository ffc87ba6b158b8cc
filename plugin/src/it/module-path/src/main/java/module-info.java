module com.acme.greeter {
    requires java.logging;

    exports com.acme.greeter;
}
