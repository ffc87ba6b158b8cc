package ci.fast.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void keepsThePreviousReportWhenWritingFailsHalfway() throws Exception {
        ReportFiles.write(dir, "r.txt", out -> out.write("complete"));

        assertThrows(
                UncheckedIOException.class,
                () -> ReportFiles.write(dir, "r.txt", out -> {
                    out.write("half");
                    throw new IOException("disk full");
                }));

        assertEquals("complete", Files.readString(dir.resolve("r.txt")));
        assertEquals(List.of("r.txt"), names(dir));
    }

    @Test
    void namesTheReportFileWhenTheDirectoryCannotBeCreated() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

        UncheckedIOException e = assertThrows(
                UncheckedIOException.class, () -> ReportFiles.write(notADirectory, "r.txt", out -> out.write("x")));

        assertTrue(e.getMessage().contains(notADirectory.resolve("r.txt").toString()), e.getMessage());
    }

    @Test
    void givesTheReportTheSamePermissionsAsAnyNewFile() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path ordinary = Files.createFile(dir.resolve("ordinary"));

        Path report = ReportFiles.write(dir, "r.txt", out -> out.write("x"));

        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(report));
    }

    @Test
    void replacesCharactersFileSystemsRefuse() {
        assertEquals("TEST-a_b_c_d.xml", ReportFiles.safeFileName("TEST-a/b:c\u0001d.xml"));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
