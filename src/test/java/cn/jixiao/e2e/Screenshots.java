package cn.jixiao.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** Numbered screenshots {@code NN-name.png} of the story, in {@code <build dir>/e2e-screenshots/}. */
final class Screenshots {

    private final Path directory;
    private int next = 1;

    Screenshots(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            try (Stream<Path> old = Files.list(directory)) {
                for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".png"))
                        .toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        return directory;
    }

    /** Saves what the browser shows now and returns the file. */
    Path take(WebDriver driver, String name) {
        Path file = directory.resolve(String.format("%02d-%s.png", next++, name));
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
