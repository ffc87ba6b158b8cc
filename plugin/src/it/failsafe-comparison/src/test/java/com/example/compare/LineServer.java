package com.example.compare;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A line server started in pre-integration-test: "ping" gets "pong", "stop" stops it and leaves a marker file. */
public final class LineServer {
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Files.writeString(target.resolve("server.port"), Integer.toString(server.getLocalPort()));
        Thread thread = new Thread(() -> serve(server, target), "line-server");
        thread.setDaemon(true);
        thread.start();
    }

    private static void serve(ServerSocket server, Path target) {
        try (server) {
            while (true) {
                try (Socket socket = server.accept();
                        BufferedReader in = new BufferedReader(
                                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                        PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
                    String line = in.readLine();
                    if ("stop".equals(line)) {
                        Files.writeString(target.resolve("server.stopped"), "stopped in post-integration-test");
                        out.println("stopped");
                        return;
                    }
                    out.println("ping".equals(line) ? "pong" : "?");
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }
}
