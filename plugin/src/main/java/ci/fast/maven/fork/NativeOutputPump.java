package ci.fast.maven.fork;

import ci.fast.maven.booter.Markers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads one of a fork's native output streams (what bypassed System.out / System.err) and hands it to the
 * {@link ClassAssembler}, attributed to the class whose markers surround it.
 */
final class NativeOutputPump implements Runnable {
    private final InputStream stream;
    private final boolean stderr;
    private final String markerPrefix;
    private final ClassAssembler assembler;

    NativeOutputPump(InputStream stream, boolean stderr, String nonce, ClassAssembler assembler) {
        this.stream = stream;
        this.stderr = stderr;
        this.markerPrefix = nonce + ":";
        this.assembler = assembler;
    }

    @Override
    public void run() {
        String current = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int at = line.indexOf(markerPrefix);
                if (at < 0) {
                    assembler.nativeText(stderr, current, line + "\n");
                    continue;
                }
                if (at > 0) {
                    assembler.nativeText(stderr, current, line.substring(0, at));
                }
                String marker = line.substring(at + markerPrefix.length());
                String key = marker.substring(2);
                if (marker.charAt(0) == Markers.START) {
                    current = key;
                } else {
                    assembler.nativeEnd(stderr, key);
                    current = null;
                }
            }
        } catch (IOException e) {
            // the fork is gone; its end is handled by whoever waits for it
        } finally {
            assembler.nativeClosed(stderr);
        }
    }
}
