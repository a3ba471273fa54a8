package org.parax4j.service;

import java.util.concurrent.CountDownLatch;

/**
 * {@code ./parax4j serve [--port N] [--host H] [--models DIR] ...}: starts the reference service on
 * the embedded default configuration ({@link ServiceConfig#defaults()}) overridden by the arguments,
 * prints {@code parax4j service listening on http://host:port}, and stops gracefully on SIGINT/SIGTERM.
 */
public final class ServiceMain {

    private ServiceMain() {}

    /**
     * Runs the service until the JVM is asked to stop.
     *
     * @param args {@code --name value} overrides of {@link ServiceConfig#parse}
     */
    public static void main(String[] args) throws InterruptedException {
        ServiceConfig config;
        try {
            config = ServiceConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("parax4j serve: " + e.getMessage());
            System.exit(2);
            return;
        }
        ParaxService service = ParaxService.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.stop();
            stopped.countDown();
        }, "parax4j-service-shutdown"));
        System.out.println("parax4j service listening on " + service.uri());
        System.out.flush();
        stopped.await();
    }
}
