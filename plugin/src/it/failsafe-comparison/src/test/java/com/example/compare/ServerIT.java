package com.example.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

// Needs the server started in pre-integration-test; each runner says who it is, so the server's log shows both came.
class ServerIT {
    @Test
    void answersThePing() throws Exception {
        int port = Integer.parseInt(Files.readString(Path.of(System.getProperty("server.portFile"))).strip());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            out.println("ping");
            assertEquals("pong", in.readLine());
        }
        System.out.println("pinged the server");
    }

    @Test
    void runsAgainstThePackagedJar() {
        String location = Greeter.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertEquals(true, location.endsWith("failsafe-comparison-1.0.jar"), location);
    }
}
