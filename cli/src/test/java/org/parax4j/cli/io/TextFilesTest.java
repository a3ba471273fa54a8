package org.parax4j.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {

    @TempDir
    Path dir;

    List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void readDropsAByteOrderMarkAtTheStartOnly() throws IOException {
        Path p = dir.resolve("x.csv");
        Files.writeString(p, "\uFEFF1,\uFEFF2\n", StandardCharsets.UTF_8);
        assertEquals("1,\uFEFF2\n", TextFiles.read(p, "--x"));
    }

    @Test
    void writeReplacesTheFileOnlyWhenAllOfItIsWritten() throws IOException {
        Path out = dir.resolve("k.csv");
        Files.writeString(out, "old");
        IllegalStateException boom = new IllegalStateException("boom");
        var thrown = assertThrows(IllegalStateException.class, () -> TextFiles.write(out, "--out", w -> {
            w.write("new, partial");
            w.flush();
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals("old", Files.readString(out));
        assertEquals(List.of(out), files(), "the partial file is deleted");
        TextFiles.write(out, "--out", w -> w.write("new"));
        assertEquals("new", Files.readString(out));
        assertEquals(List.of(out), files());
        Path nested = dir.resolve("a/b/c.csv");
        TextFiles.write(nested, "--out", w -> w.write("x"));
        assertEquals("x", Files.readString(nested));
    }

    @Test
    void writeErrorsNameTheOptionTheFileAndTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "");
        assertEquals("--out " + dir + ": is a folder, expected a file", assertThrows(IllegalArgumentException.class,
                () -> TextFiles.write(dir, "--out", w -> w.write("x"))).getMessage());
        Path below = file.resolve("k.csv");
        assertEquals("--out " + below + ": cannot write, " + file + " is not a folder",
                assertThrows(IllegalArgumentException.class, () -> TextFiles.checkWritable(below, "--out")).getMessage());
        String proc = assertThrows(IllegalArgumentException.class,
                () -> TextFiles.write(Path.of("/proc/k.csv"), "--out", w -> w.write("x"))).getMessage();
        assertTrue(proc.startsWith("--out /proc/k.csv: cannot write") && proc.length() > "--out /proc/k.csv: cannot write".length(),
                proc);
        assertEquals("--out " + file + ": is a file, expected a folder (or a path where one can be created)",
                assertThrows(IllegalArgumentException.class, () -> TextFiles.checkFolder(file, "--out")).getMessage());
        TextFiles.checkFolder(dir.resolve("new/report"), "--out");
    }

    @Test
    void aSymbolicLinkKeepsPointingAtItsReplacedTargetWithItsPermissions() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        TextFiles.write(link, "--out", w -> w.write("new"));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        assertEquals(List.of(link, real), files());
    }
}
