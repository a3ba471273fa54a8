package org.parax4j.cli.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/** Reading and writing UTF-8 text files with messages that name the file and the option. Stateless. */
public final class TextFiles {

    private TextFiles() {}

    /**
     * The content of {@code file} as UTF-8.
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
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(option + " " + file + ": file not found");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(option + " " + file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(option + " " + file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /**
     * Writes {@code text} as UTF-8, creating parent folders and replacing an existing file.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, String text) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
