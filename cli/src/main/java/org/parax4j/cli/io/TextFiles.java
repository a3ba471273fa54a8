package org.parax4j.cli.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reading and writing UTF-8 text files with messages that name the option, the file and the reason
 * ({@code --out /proc/k.csv: cannot write (No such file or directory)}). Stateless and thread-safe.
 */
public final class TextFiles {

    /** The UTF-8 byte-order mark as a character, which {@link #read} drops from the start of a file. */
    static final char BOM = '\uFEFF';

    private static final AtomicLong TEMPORARY = new AtomicLong();

    private TextFiles() {}

    /** Text written piece by piece to a {@link Writer}, so that no output has to fit in one string. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the text.
         *
         * @param w the destination; not to be closed
         * @throws IOException when {@code w} fails
         */
        void writeTo(Writer w) throws IOException;
    }

    /**
     * The content of {@code file} as UTF-8, without a leading byte-order mark.
     *
     * @param file the file
     * @param option the command-line option that named it (e.g. {@code --model}), for messages
     * @return the text
     * @throws IllegalArgumentException when the file does not exist, is a folder, cannot be read or is
     *     not UTF-8, naming the file and the option
     */
    public static String read(Path file, String option) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(option, "option");
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a folder, expected a file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(option + " " + file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot read (" + reason(e) + ")");
        }
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /**
     * Checks, before any work is done, that {@code file} can be written: it is not a folder, the
     * closest existing ancestor folder is a folder, and what exists is writable. Writing can still
     * fail later (a full disk, a file system that refuses new files); {@link #write(Path, String,
     * Content)} then names the reason.
     *
     * @param file the file to write
     * @param option the option that named it, for messages
     * @throws IllegalArgumentException naming the option, the file and the reason
     */
    public static void checkWritable(Path file, String option) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(option, "option");
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a folder, expected a file");
        }
        checkCreatable(file, option + " " + file);
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalArgumentException(option + " " + file + ": cannot write (permission denied)");
        }
    }

    /**
     * Checks, before any work is done, that files can be written into {@code folder}: it is a folder
     * or can be created (the closest existing ancestor is a folder), and the folder or that ancestor
     * is writable.
     *
     * @param folder the folder to write into
     * @param option the option that named it, for messages
     * @throws IllegalArgumentException naming the option, the folder and the reason
     */
    public static void checkFolder(Path folder, String option) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(option, "option");
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + folder + ": is a file, expected a folder (or a path "
                    + "where one can be created)");
        }
        checkCreatable(folder.toAbsolutePath().resolve("x"), option + " " + folder);
    }

    /** Checks that the closest existing ancestor folder of {@code file} is a writable folder. */
    private static void checkCreatable(Path file, String what) {
        Path existing = file.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException(what + ": cannot write, " + existing + " is not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException(what + ": cannot write in " + existing + " (permission denied)");
        }
    }

    /**
     * Writes {@code text} as UTF-8, creating parent folders and replacing an existing file; see
     * {@link #write(Path, String, Content)}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, String text) throws IOException {
        Objects.requireNonNull(text, "text");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Streams {@code content} as UTF-8 into a new hidden file next to {@code file} and, only when all
     * of it is written, moves it over {@code file} (atomically where the file system can), keeping
     * an existing file's permissions; a symbolic link is followed and its target replaced. A failure
     * at any point, including an exception or error thrown by {@code content}, deletes the partial
     * file and leaves {@code file} as it was. A {@code file} that exists but is no regular file (a
     * device such as {@code /dev/null}, a pipe) is written in place instead. Creates missing parent
     * folders. Memory: an 8 KB buffer, whatever the size of the content.
     *
     * @param file the file to write
     * @param option the option that named it, for messages
     * @param content the text
     * @throws IllegalArgumentException when the file cannot be written, naming the option, the file
     *     and the reason; anything {@code content} throws is passed on
     */
    public static void write(Path file, String option, Content content) {
        Objects.requireNonNull(content, "content");
        checkWritable(file, option);
        try {
            Path target = file.toAbsolutePath();
            if (Files.exists(target)) {
                target = target.toRealPath();
                if (!Files.isRegularFile(target)) {
                    // a device or pipe (/dev/null, /dev/stdout, a FIFO): written in place, never replaced
                    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                        content.writeTo(w);
                    }
                    return;
                }
            }
            Files.createDirectories(target.getParent());
            replace(target, content);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot write (" + reason(e) + ")", e);
        }
    }

    /** Writes a hidden sibling of the regular file {@code target} and moves it over the target. */
    private static void replace(Path target, Content content) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + TEMPORARY.incrementAndGet() + ".partial");
        boolean moved = false;
        try {
            try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(w);
            }
            if (Files.exists(target)) {
                try {
                    Files.setPosixFilePermissions(partial, Files.getPosixFilePermissions(target));
                } catch (UnsupportedOperationException notPosix) {
                    // the file system has no POSIX permissions to keep
                }
            }
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // nothing more can be done; the partial file is hidden and named as such
                }
            }
        }
    }

    /** The operating system's reason for an I/O failure, for messages. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
