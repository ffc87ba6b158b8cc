package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShopServerIT {
    @Test
    void answersThePing() throws Exception {
        int port = Integer.parseInt(Files.readString(Path.of(System.getProperty("shop.portFile"))).strip());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            out.println("ping");
            assertEquals("pong", in.readLine());
        }
    }

    @Test
    void runsAgainstThePackagedJar() {
        String location = Prices.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(location.endsWith("integration-test-goals-1.0.jar"), location);
    }
}
