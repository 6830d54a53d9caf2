package uk.mentoring.stack;

import java.io.PrintStream;
import java.util.List;

/** What the person who started the platform sees while it comes up. */
public class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public static Progress silent() {
        return new Progress(new PrintStream(PrintStream.nullOutputStream()));
    }

    public void step(String message) {
        out.printf("  [%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
    }

    void waiting(List<String> names) {
        out.printf("  [%5.1f s] still starting: %s%n", (System.nanoTime() - started) / 1e9, String.join(", ", names));
    }

    public void say(String message) {
        out.println(message);
    }
}
