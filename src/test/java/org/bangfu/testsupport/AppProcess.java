package org.bangfu.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bangfu.BangfuApplication;

/**
 * Bangfu in a JVM of its own, as an operator starts it: for tests of start-up and restart, which one
 * JVM cannot repeat (Camunda's webapp filters keep the first application context in a static field).
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final int port;

    private AppProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Bangfu with these arguments and waits until it is healthy or has exited. */
    public static AppProcess start(String... args) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile(Files.createDirectories(Path.of("target", "app-processes")), "bangfu-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(),
                BangfuApplication.class.getName(),
                "--server.port=" + port));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AppProcess app = new AppProcess(process, log, port);
        app.awaitHealthyOrExit();
        return app;
    }

    /**
     * The test JVM's class path without an empty entry or the working directory: either would put the project
     * folder itself on the class path, and its processes/ would be deployed beside target/classes/processes.
     */
    private static String classPath() {
        String workingDirectory = Path.of("").toAbsolutePath().toString();
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank() && !entry.equals(".")
                        && !Path.of(entry).toAbsolutePath().normalize().toString().equals(workingDirectory))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private void awaitHealthyOrExit() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return;
            }
            try {
                HttpResponse<String> health = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Bangfu did not become healthy in " + START_TIMEOUT + ":\n" + output());
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public int exitCode() throws InterruptedException {
        return process.waitFor();
    }

    public int port() {
        return port;
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Stops it as an operator would (SIGTERM, graceful shutdown). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Ends it the way a power cut or {@code kill -9} does: no shutdown hooks, transactions in flight lost. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
