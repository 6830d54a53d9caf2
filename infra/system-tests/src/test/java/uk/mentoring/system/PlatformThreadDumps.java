package uk.mentoring.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.PreInterruptContext;

/**
 * When a test runs past its bound, the test's own threads are printed by JUnit; what the platform
 * was doing matters as much. Each service the tests started is asked for its threads, written
 * under {@code target/thread-dumps}, and the gateway's, where every request passes, is printed.
 */
public final class PlatformThreadDumps implements PreInterruptCallback {

    @Override
    public void beforeThreadInterrupt(PreInterruptContext interrupt, ExtensionContext test) {
        write("Past its bound: " + test.getDisplayName());
    }

    /** Asks every platform process the tests started for its threads; prints the gateway's. */
    static void write(String why) {
        Path folder = RunningPlatform.root().resolve("infra/system-tests/target/thread-dumps");
        List<ProcessHandle> services = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> jarOf(process).isPresent()).toList();
        System.out.println(why + "; threads of " + services.size() + " platform processes in " + folder);
        for (ProcessHandle service : services) {
            String jar = jarOf(service).orElseThrow();
            try {
                Files.createDirectories(folder);
                Path dump = folder.resolve(jar.replace("-exec.jar", "") + "-" + service.pid() + "-" + System.currentTimeMillis() + ".txt");
                Process jcmd = new ProcessBuilder(jcmd(), String.valueOf(service.pid()), "Thread.print")
                        .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
                if (!jcmd.waitFor(20, TimeUnit.SECONDS)) {
                    jcmd.destroyForcibly();
                }
                if (jar.startsWith("gateway")) {
                    System.out.println(Files.readString(dump));
                }
            } catch (IOException e) {
                System.out.println("No threads of " + jar + " (" + service.pid() + "): " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Optional<String> jarOf(ProcessHandle process) {
        return process.info().arguments().flatMap(arguments -> java.util.Arrays.stream(arguments)
                .filter(argument -> argument.endsWith("-exec.jar")).findFirst())
                .map(jar -> Path.of(jar).getFileName().toString());
    }

    private static String jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }
}
